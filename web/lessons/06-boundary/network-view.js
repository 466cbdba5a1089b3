// The network drawing: a column of input features (press to switch on/off), one column per
// hidden layer (+/− neurons, its activation), the output column; every neuron a small picture
// of its output over the plane (press it to select it); links between neurons coloured by the
// weight's sign and as wide as its size, the value on hover. Knows nothing of the core: the
// controller gives it the structure, the pictures and the weights.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { paintNeuron } from './colors.js';

const SVG = 'http://www.w3.org/2000/svg';
const THUMBNAIL = 50;  // pixels per side of a neuron's picture
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'];
export const FEATURE_LABELS = { x1: 'x₁', x2: 'x₂', x1sq: 'x₁²', x2sq: 'x₂²', x1x2: 'x₁x₂', sinx1: 'sin x₁', sinx2: 'sin x₂' };

export function createNetwork(root, handlers) {
  root.innerHTML = '<svg class="bd-links" aria-hidden="true"></svg><div class="bd-cols"></div>';
  const svg = root.querySelector('svg');
  const cols = root.querySelector('.bd-cols');
  let structure = null;
  let canvases = [];  // per layer (0 = features in use), per neuron: canvas
  let links = [];     // {line, layer, from, to, index}

  const button = (cls, text, label, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  };

  const neuronName = (layer, j) => (layer === 0 ? FEATURE_LABELS[structure.features[j]]
    : layer === structure.hidden.length + 1 ? `${t('bd.net.output')}${structure.outputs > 1 ? ` ${j}` : ''}`
      : t('bd.net.neuron', { layer, n: j + 1 }));

  function neuronButton(layer, j, size) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'bd-neuron';
    b.dataset.layer = layer;
    b.dataset.n = j;
    b.setAttribute('aria-label', neuronName(layer, j));
    const c = document.createElement('canvas');
    c.width = c.height = size;
    b.append(c);
    b.addEventListener('click', () => handlers.onSelect(layer, j));
    return b;
  }

  // structure: {allFeatures, features (on), hidden: [units], activations: [...], outputs, size}
  function build(next) {
    structure = next;
    cols.replaceChildren();
    canvases = [];
    svg.replaceChildren();  // the old links until the next frame lays out the new ones
    links = [];
    const { size } = next;

    // Inputs: every feature, the ones on with their picture.
    const input = document.createElement('div');
    input.className = 'bd-col bd-inputs';
    input.innerHTML = `<div class="bd-col-head"><strong>${t('bd.net.features')}</strong></div>`;
    const inputCanvases = [];
    for (const name of next.allFeatures) {
      const on = next.features.includes(name);
      const row = document.createElement('div');
      row.className = 'bd-feature';
      const toggle = button('bd-feature-toggle', FEATURE_LABELS[name], t(on ? 'bd.net.feature_on' : 'bd.net.feature_off', { name: FEATURE_LABELS[name] }),
        () => handlers.onToggleFeature(name));
      toggle.setAttribute('aria-pressed', String(on));
      toggle.dataset.feature = name;
      row.append(toggle);
      if (on) {
        const b = neuronButton(0, next.features.indexOf(name), size);
        row.append(b);
        inputCanvases.push(b.querySelector('canvas'));
      } else {
        const gap = document.createElement('span');
        gap.className = 'bd-neuron bd-off';
        row.append(gap);
      }
      input.append(row);
    }
    cols.append(input);
    canvases.push(inputCanvases);

    next.hidden.forEach((units, k) => {
      const layer = k + 1;
      const col = document.createElement('div');
      col.className = 'bd-col';
      col.dataset.layer = layer;
      const head = document.createElement('div');
      head.className = 'bd-col-head';
      const pm = document.createElement('div');
      pm.className = 'bd-pm';
      pm.append(button('bd-plus', '+', t('bd.net.add_neuron', { layer }), () => handlers.onAddNeuron(k)),
        button('bd-minus', '−', t('bd.net.remove_neuron', { layer }), () => handlers.onRemoveNeuron(k)));
      const select = document.createElement('select');
      select.name = `act${layer}`;
      select.setAttribute('aria-label', t('bd.net.activation', { layer }));
      select.innerHTML = ACTIVATIONS.map((a) => `<option value="${a}">${a}</option>`).join('');
      select.value = next.activations[k];
      select.addEventListener('change', () => handlers.onActivation(k, select.value));
      head.append(pm, Object.assign(document.createElement('span'), { textContent: t('bd.net.neurons', { n: units }), className: 'bd-count' }), select);
      col.append(head);
      const list = [];
      for (let j = 0; j < units; j++) {
        const b = neuronButton(layer, j, size);
        col.append(b);
        list.push(b.querySelector('canvas'));
      }
      cols.append(col);
      canvases.push(list);
    });

    const out = document.createElement('div');
    out.className = 'bd-col bd-output';
    out.innerHTML = `<div class="bd-col-head"><strong>${t('bd.net.output')}</strong></div>`;
    const outList = [];
    for (let j = 0; j < next.outputs; j++) {
      const b = neuronButton(next.hidden.length + 1, j, size);
      out.append(b);
      outList.push(b.querySelector('canvas'));
    }
    cols.append(out);
    canvases.push(outList);
    requestAnimationFrame(layoutLinks);
  }

  // Lines between neuron centres, in the SVG that lies under the columns. Every position is read
  // first and every line written after, into one fragment: a read after a write would make the
  // browser lay the page out again, once per link (a long frame with a hundred links).
  function layoutLinks() {
    if (!structure) return;
    // Positions in the scrolling box's content coordinates (the SVG scrolls with the columns).
    const box = root.getBoundingClientRect();
    const left = box.left + root.clientLeft - root.scrollLeft, top = box.top + root.clientTop - root.scrollTop;
    const sides = canvases.map((list) => list.map((c) => {
      const r = c.getBoundingClientRect();
      const y = r.top + r.height / 2 - top;
      return { right: [r.right - left, y], left: [r.left - left, y] };
    }));
    const width = root.scrollWidth, height = root.scrollHeight;
    const fragment = document.createDocumentFragment();
    links = [];
    let index = 0;
    for (let layer = 1; layer < canvases.length; layer++) {
      const from = sides[layer - 1], to = sides[layer];
      for (let i = 0; i < from.length; i++) {
        for (let j = 0; j < to.length; j++) {
          const [x1, y1] = from[i].right, [x2, y2] = to[j].left;
          const line = document.createElementNS(SVG, 'path');
          const mx = (x1 + x2) / 2;
          line.setAttribute('d', `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`);
          line.setAttribute('class', 'bd-link');
          const title = document.createElementNS(SVG, 'title');
          line.append(title);
          line.dataset.layer = layer - 1;
          line.dataset.from = i;
          line.dataset.to = j;
          fragment.append(line);
          links.push({ line, title, layer: layer - 1, from: i, to: j, index: index + i * to.length + j });
        }
      }
      index += from.length * to.length + to.length;  // kernel, then bias
    }
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.replaceChildren(fragment);
    if (lastParams) paintLinks(lastParams);
  }

  let lastParams = null;
  // Colour and width every frame; the hover text only when asked (`titles`), it costs more.
  function paintLinks(params, titles = true) {
    lastParams = params;
    for (const l of links) {
      const w = params[l.index];
      if (w === undefined) continue;  // links of a structure being replaced
      // Only what changed visibly: each attribute write makes the browser restyle and repaint.
      const stroke = w >= 0 ? '#2c7bb6' : '#e66101';
      const width = Math.min(6, 0.4 + Math.abs(w) * 1.5).toFixed(1);
      if (l.stroke !== stroke) l.line.setAttribute('stroke', (l.stroke = stroke));
      if (l.width !== width) l.line.setAttribute('stroke-width', (l.width = width));
      if (titles) l.title.textContent = t('bd.net.link', { from: neuronName(l.layer, l.from), to: neuronName(l.layer + 1, l.to), value: formatNumber(w) });
    }
  }
  const images = new Map();  // one ImageData per grid size, reused every frame
  const imageOf = (ctx, n) => {
    if (!images.has(n)) images.set(n, ctx.createImageData(n, n));
    return images.get(n);
  };

  // maps: the core's heatmaps; kinds: per layer, how to scale its pictures.
  function paint(maps, params, kinds, discretize, titles = true) {
    const n = maps.size;
    // The pictures are about 50 CSS pixels wide: a finer grid (100 × 100 when paused) is sampled
    // down to THUMBNAIL, so the canvases keep one size (resizing 20-odd canvases when play starts
    // or stops costs the browser a long frame).
    const step = Math.max(1, Math.floor(n / THUMBNAIL)), m = Math.floor(n / step);
    maps.layers.forEach((values, layer) => {
      const list = canvases[layer] ?? [];
      list.forEach((canvas, j) => {
        if (canvas.width !== m) canvas.width = canvas.height = m;
        const ctx = canvas.getContext('2d');
        const image = imageOf(ctx, m);
        paintNeuron(image, values, j, n, kinds[layer], discretize, step);
        ctx.putImageData(image, 0, 0);
      });
    });
    paintLinks(params, titles);
  }

  const onResize = () => requestAnimationFrame(layoutLinks);
  const observer = new ResizeObserver(onResize);
  observer.observe(root);
  return {
    build,
    paint,
    markSelected(layer, j) {
      for (const b of root.querySelectorAll('.bd-neuron[data-layer]')) {
        b.setAttribute('aria-pressed', String(Number(b.dataset.layer) === layer && Number(b.dataset.n) === j));
      }
    },
    neuronName,
    dispose() { observer.disconnect(); },
  };
}
