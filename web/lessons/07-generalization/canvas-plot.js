// A small canvas plot for lesson 7: axes with ticks (linear or log y), lines, points, bars and
// vertical markers, redrawn whole from plain arrays. It keeps its width in step with its
// container. No maths beyond placing numbers on pixels.
import { formatNumber } from '../../shared/format.js';

const dpr = () => window.devicePixelRatio || 1;

function ticks(lo, hi, count) {
  const span = hi - lo;
  const step0 = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

export function createCanvasPlot(container, { height = 260, label = '' } = {}) {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.style.width = '100%';
  canvas.style.height = `${height}px`;
  canvas.style.display = 'block';
  container.append(canvas);
  let last = null;

  function draw(scene) {
    last = scene;
    const width = Math.max(200, container.clientWidth || 600);
    const ratio = dpr();
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const font = width < 420 ? 11 : 13;
    ctx.font = `${font}px system-ui, sans-serif`;
    const pad = { left: 52, right: 20, top: 10, bottom: scene.xLabel ? 38 : 24 };
    const w = width - pad.left - pad.right;
    const h = height - pad.top - pad.bottom;
    const [x0, x1] = scene.x;
    const logY = scene.logY;
    const [ya, yb] = scene.y;
    const y0 = logY ? Math.log10(ya) : ya;
    const y1 = logY ? Math.log10(yb) : yb;
    const px = (x) => pad.left + ((x - x0) / (x1 - x0)) * w;
    const py = (y) => {
      const v = logY ? Math.log10(Math.max(y, 1e-300)) : y;
      return pad.top + (1 - (v - y0) / (y1 - y0)) * h;
    };
    // Axes and ticks.
    ctx.strokeStyle = '#d0d7de';
    ctx.fillStyle = '#57606a';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const yTicks = logY
      ? Array.from({ length: Math.floor(y1) - Math.ceil(y0) + 1 }, (_, i) => 10 ** (Math.ceil(y0) + i))
      : ticks(ya, yb, Math.max(3, Math.floor(h / 45)));
    for (const v of yTicks) {
      const y = py(v);
      ctx.beginPath(); ctx.moveTo(pad.left, y); ctx.lineTo(pad.left + w, y); ctx.stroke();
      ctx.fillText(formatNumber(v, 3), pad.left - 4, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of scene.xTicks ?? ticks(x0, x1, Math.max(3, Math.floor(w / 70)))) {
      const x = px(v);
      ctx.beginPath(); ctx.moveTo(x, pad.top); ctx.lineTo(x, pad.top + h); ctx.stroke();
      ctx.fillText(scene.xFormat ? scene.xFormat(v) : formatNumber(v, 3), x, pad.top + h + 4);
    }
    if (scene.xLabel) ctx.fillText(scene.xLabel, pad.left + w / 2, pad.top + h + 20);
    ctx.save();
    ctx.beginPath(); ctx.rect(pad.left, pad.top, w, h); ctx.clip();
    for (const b of scene.bars ?? []) {
      ctx.fillStyle = b.color;
      const base = py(logY ? ya : Math.max(ya, 0));
      for (let i = 0; i < b.values.length; i++) {
        const left = px(b.lo + i * b.width), right = px(b.lo + (i + 1) * b.width);
        const top = py(b.values[i]);
        ctx.fillRect(left + 0.5, top, Math.max(1, right - left - 1), base - top);
      }
    }
    for (const m of scene.markers ?? []) {
      ctx.strokeStyle = m.color; ctx.lineWidth = 2; ctx.setLineDash(m.dash ?? []);
      ctx.beginPath(); ctx.moveTo(px(m.x), pad.top); ctx.lineTo(px(m.x), pad.top + h); ctx.stroke();
      ctx.setLineDash([]);
    }
    for (const line of scene.lines ?? []) {
      ctx.strokeStyle = line.color; ctx.lineWidth = line.width ?? 2; ctx.setLineDash(line.dash ?? []);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < line.x.length; i++) {
        const y = line.y[i];
        if (!Number.isFinite(y) || (logY && y <= 0)) { pen = false; continue; }
        const X = px(line.x[i]), Y = Math.max(-1e4, Math.min(1e4, py(y)));
        if (pen) ctx.lineTo(X, Y); else ctx.moveTo(X, Y);
        pen = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    for (const p of scene.points ?? []) {
      ctx.fillStyle = p.fill ?? 'transparent'; ctx.strokeStyle = p.color; ctx.lineWidth = 1.5;
      for (let i = 0; i < p.x.length; i++) {
        ctx.beginPath(); ctx.arc(px(p.x[i]), py(p.y[i]), p.r ?? 4, 0, 2 * Math.PI);
        if (p.fill) ctx.fill();
        ctx.stroke();
      }
    }
    ctx.restore();
    ctx.strokeStyle = '#8c959f';
    ctx.strokeRect(pad.left, pad.top, w, h);
    for (const m of scene.markers ?? []) {
      if (!m.label) continue;
      ctx.fillStyle = m.color; ctx.textAlign = px(m.x) > pad.left + w * 0.7 ? 'right' : 'left'; ctx.textBaseline = 'top';
      ctx.fillText(m.label, px(m.x) + (ctx.textAlign === 'left' ? 4 : -4), pad.top + 2 + (m.row ?? 0) * (font + 3));
    }
  }

  let pending = false;
  const observer = new ResizeObserver(() => {
    if (pending || !last) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; if (last) draw(last); });
  });
  observer.observe(container);
  return {
    draw,
    setLabel(text) { canvas.setAttribute('aria-label', text); },
    dispose() { observer.disconnect(); canvas.remove(); },
  };
}

// A y range for log plots of positive values: whole decades around them.
export function logRange(values) {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length === 0) return [1e-3, 1];
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  const hi = Math.ceil(Math.log10(Math.max(...pos)));
  return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
}
