// Post-link check: every import the wasm module asks for is provided by its JS glue.
//   node scripts/check-glue.mjs <module.mjs|.cjs> <module.wasm>
// em++ shortens import names in the wasm and, in a second pass over the glue, the keys of the
// glue's import object. One link on the build machine once produced minified imports with an
// unminified glue: the module then fails at load with "LinkError: Import #0 "a" "a": function
// import requires a callable", only in browsers that get that build (the SIMD128 fallback), which
// the tests on a relaxed-SIMD Chromium never load. This check makes such a link fail the build.
// It reads the import section itself (node 20 cannot compile the relaxed builds without a flag).
import { readFileSync } from 'node:fs';

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error('usage: node scripts/check-glue.mjs <glue.mjs|cjs> <module.wasm>');
  process.exit(2);
}

// The wasm's imports: [{module, name, kind}] from section 2 (binary format, §5.5.5).
function wasmImports(bytes) {
  let at = 8;  // after "\0asm" and the version
  const u32 = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return result >>> 0;
  };
  const name = () => {
    const length = u32();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  const limits = () => { const flags = u32(); u32(); if (flags & 1) u32(); };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    if (id !== 2) { at += size; continue; }
    const imports = [];
    for (let count = u32(); count > 0; count -= 1) {
      const entry = { module: name(), name: name(), kind: bytes[at++] };
      if (entry.kind === 0) u32();                            // function: its type
      else if (entry.kind === 1) { at += 1; limits(); }       // table: element type, limits
      else if (entry.kind === 2) limits();                    // memory
      else if (entry.kind === 3) at += 2;                     // global: value type, mutability
      else if (entry.kind === 4) { at += 1; u32(); }          // tag
      else throw new Error(`${wasmPath}: unknown import kind ${entry.kind}`);
      imports.push(entry);
    }
    return imports;
  }
  return [];
}

// The keys of the glue's import object (`var asmLibraryArg={"p":___cxa_allocate_exception,…}`).
function glueKeys(text) {
  const start = text.indexOf('asmLibraryArg={');
  if (start < 0) throw new Error(`${gluePath}: no asmLibraryArg object found`);
  const end = text.indexOf('}', start);
  return new Set([...text.slice(start, end).matchAll(/"([^"]+)":/g)].map((m) => m[1]));
}

const imports = wasmImports(readFileSync(wasmPath));
const keys = glueKeys(readFileSync(gluePath, 'utf8'));
const missing = imports.filter((i) => !keys.has(i.name));
if (imports.length === 0 || missing.length > 0) {
  console.error(`${wasmPath}: ${missing.length} of ${imports.length} imports are not provided by ${gluePath} ` +
    `(first: ${missing.slice(0, 5).map((i) => `"${i.module}" "${i.name}"`).join(', ')}); the glue and the ` +
    'module do not belong together: relink (delete both files and build again).');
  process.exit(1);
}
