// A drawing pad for one digit: pointer events (mouse, pen and touch alike), round strokes of a
// width that matches MNIST's pen at this scale, and `onInk(ink, width, height)` at most once per
// animation frame while drawing (ink: Uint8Array, one byte per pixel from the canvas's alpha).
const SIDE = 280;
const PEN = 22;

export function createDrawPad(canvas, onInk) {
  canvas.width = SIDE;
  canvas.height = SIDE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let last = null;
  let frame = 0;

  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIDE, y: ((e.clientY - r.top) / r.height) * SIDE };
  };
  function emit() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const rgba = ctx.getImageData(0, 0, SIDE, SIDE).data;
      const ink = new Uint8Array(SIDE * SIDE);
      for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i + 3];
      onInk(ink, SIDE, SIDE);
    });
  }
  function segment(a, b) {
    ctx.strokeStyle = '#000';
    ctx.fillStyle = '#000';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  const down = (e) => {
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    last = point(e);
    segment(last, { x: last.x + 0.01, y: last.y });
    emit();
  };
  const move = (e) => {
    if (!last) return;
    e.preventDefault();
    const p = point(e);
    segment(last, p);
    last = p;
    emit();
  };
  const up = () => { last = null; };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('pointerleave', up);

  return {
    clear() {
      ctx.clearRect(0, 0, SIDE, SIDE);
      emit();
    },
    dispose() {
      cancelAnimationFrame(frame);
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      canvas.removeEventListener('pointerleave', up);
    },
  };
}
