// Does this browser run relaxed SIMD? WebAssembly.validate on a tiny module whose one function
// uses f32x4.relaxed_madd (the instruction the relaxed build's matrix products are made of):
// Chromium 114+ and Firefox 146+ say yes, Safari and node 20 without
// --experimental-wasm-relaxed-simd say no. Synchronous and cheap (60 bytes, validated, not run).
const v128Const = [0xfd, 0x0c, ...new Array(16).fill(0)]; // v128.const 0
const body = [
  0x00, // no locals
  ...v128Const, ...v128Const, ...v128Const,
  0xfd, 0x85, 0x02, // f32x4.relaxed_madd (opcode 0x105)
  0x1a, // drop
  0x0b, // end
];
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type, () → ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, body.length + 2, 0x01, body.length, ...body, // code section: its body
]);

export function relaxedSimdSupported() {
  try {
    return WebAssembly.validate(MODULE);
  } catch {
    return false;
  }
}
