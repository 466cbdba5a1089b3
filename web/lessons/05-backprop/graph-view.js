// The computational graph as SVG: one box per tape node (name, op, value, gradient), an arrow
// per input. Left to right on wide screens, top to bottom on narrow ones; the viewBox scales it to
// the container. Draws what it is given (strings already formatted); computes nothing.
import { layeredLayout } from './layout.js';

const NS = 'http://www.w3.org/2000/svg';
const el = (name, attrs = {}, text) => {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

const WIDE = { w: 88, h: 62, gapMain: 24, gapCross: 14 };
const NARROW = { w: 56, h: 60, gapMain: 22, gapCross: 3 };

export function createGraphView(container) {
  const svg = el('svg', { class: 'l5-graph', role: 'img' });
  container.append(svg);
  let last = null;
  let wide = null;

  const defs = el('defs');
  for (const [id, color] of [['l5-arrow', '#8c959f'], ['l5-arrow-fwd', '#1f5fbf'], ['l5-arrow-bwd', '#c2185b']]) {
    const marker = el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(marker);
  }

  function draw(model) {
    last = model;
    wide = container.clientWidth >= 640;
    const size = wide ? WIDE : NARROW;
    const { level, slot, levels, width } = layeredLayout(model.nodes);
    const mainStep = (wide ? size.w : size.h) + size.gapMain;
    const crossStep = (wide ? size.h : size.w) + size.gapCross;
    const crossSpan = width * crossStep;
    const pos = (id) => {
      const main = level[id] * mainStep;
      const cross = crossSpan / 2 + slot[id] * crossStep - (wide ? size.h : size.w) / 2;
      return wide ? { x: main, y: cross } : { x: cross, y: main };
    };
    const vw = wide ? levels * mainStep - size.gapMain : crossSpan;
    const vh = wide ? crossSpan : levels * mainStep - size.gapMain;
    svg.setAttribute('viewBox', `-4 -4 ${vw + 8} ${vh + 8}`);
    svg.setAttribute('aria-label', model.aria);
    // Small graphs would blow up to the full width: at most 1.6x their natural size; and on a
    // phone at least 0.9x, so the labels stay readable (the frame scrolls sideways if need be).
    svg.style.maxWidth = `${Math.round((vw + 8) * 1.6)}px`;
    svg.style.minWidth = wide ? '' : `${Math.round((vw + 8) * 0.85)}px`;
    svg.replaceChildren(defs);

    const edges = el('g', { class: 'l5-edges' });
    const boxes = el('g', { class: 'l5-nodes' });
    for (const node of model.nodes) {
      node.inputs.forEach((i) => {
        const a = pos(i);
        const b = pos(node.id);
        const [x1, y1, x2, y2] = wide
          ? [a.x + size.w, a.y + size.h / 2, b.x, b.y + size.h / 2]
          : [a.x + size.w / 2, a.y + size.h, b.x + size.w / 2, b.y];
        // Gradients flow back only into inputs that take one (not into the constant target).
        const active = node.id === model.current && !(model.phase === 'backward' && model.nodes[i].kind === 'data');
        const kind = active ? (model.phase === 'backward' ? 'bwd' : 'fwd') : '';
        const line = el('line', {
          x1, y1, x2, y2, class: `l5-edge ${kind ? `l5-edge-${kind}` : ''}`,
          // In the backward pass the gradient flows from the node to its inputs: the arrow turns.
          [kind === 'bwd' ? 'marker-start' : 'marker-end']: `url(#${kind ? `l5-arrow-${kind}` : 'l5-arrow'})`,
        });
        edges.append(line);
      });
    }
    for (const node of model.nodes) {
      const { x, y } = pos(node.id);
      const g = el('g', {
        class: `l5-node l5-k-${node.kind} l5-${node.state}${node.id === model.current ? ' l5-current' : ''}`,
        transform: `translate(${x},${y})`, 'data-node': node.id,
      });
      g.append(el('title', {}, node.title));
      g.append(el('rect', { width: size.w, height: size.h, rx: node.kind === 'op' ? 14 : 4 }));
      const cx = size.w / 2;
      // Wide: "name op" / value / gradient. Narrow: name / op / value / gradient.
      const rows = wide ? [15, 15, 34, 52] : [13, 25, 40, 54];
      const head = el('text', { x: cx, y: rows[0], class: 'l5-head' });
      head.append(el('tspan', { class: 'l5-name' }, node.text));
      if (wide) head.append(el('tspan', { class: 'l5-op', dx: 4 }, node.op));
      g.append(head);
      if (!wide) g.append(el('text', { x: cx, y: rows[1], class: 'l5-op' }, node.op));
      g.append(el('text', { x: cx, y: rows[2], class: 'l5-value', 'data-value': node.id }, node.value ?? '?'));
      if (node.grad !== undefined) g.append(el('text', { x: cx, y: rows[3], class: 'l5-grad', 'data-grad': node.id }, node.grad ?? ''));
      boxes.append(g);
    }
    svg.append(edges, boxes);
  }

  // Redraw when the container crosses the wide/narrow width.
  const observer = new ResizeObserver(() => {
    if (last && (container.clientWidth >= 640) !== wide) requestAnimationFrame(() => draw(last));
  });
  observer.observe(container);
  return { draw, dispose: () => observer.disconnect() };
}
