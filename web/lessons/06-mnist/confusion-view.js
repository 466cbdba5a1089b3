// The confusion matrix over the test set as a table of buttons (row = true digit, column = the
// network's answer); pressing a cell lists that cell's test images, most confident first. Also
// the gallery of the most confident mistakes. Counts and orders come from
// core.classificationReport; this file only lays them out.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { digitCanvas, fillGallery } from './digit-images.js';

const SHOWN = 48;
const percent = (p) => `${formatNumber(100 * p, 3)} %`;

function figure(images, index, caption, title) {
  const fig = document.createElement('figure');
  fig.className = 'l6-digit';
  fig.title = title;
  fig.append(digitCanvas(images, index * 784));
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(cap);
  return fig;
}

export function renderConfusion(table, report, onCell) {
  const k = report.classes;
  let max = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) max = Math.max(max, report.confusion[i * k + j]);
  const head = `<tr><th scope="col"><span class="sr-only">${t('l6.cm.corner')}</span></th>` +
    Array.from({ length: k }, (_, j) => `<th scope="col">${j}</th>`).join('') + '</tr>';
  const rows = Array.from({ length: k }, (_, i) => `<tr><th scope="row">${i}</th>` +
    Array.from({ length: k }, (_, j) => {
      const n = report.confusion[i * k + j];
      const kind = i === j ? 'hit' : n > 0 ? 'miss' : 'zero';
      const shade = i === j || max === 0 ? 0 : n / max;
      const style = kind === 'miss' ? ` style="--shade:${shade.toFixed(3)}"` : '';
      return `<td class="${kind}"${style}><button type="button" data-cell="${i * k + j}" ` +
        `aria-label="${t('l6.cm.cell_aria', { truth: i, guess: j, count: n })}">${n}</button></td>`;
    }).join('') + '</tr>').join('');
  table.innerHTML = `<caption>${t('l6.cm.caption')}</caption><thead>${head}</thead><tbody>${rows}</tbody>`;
  for (const button of table.querySelectorAll('button[data-cell]')) {
    button.addEventListener('click', () => onCell(Number(button.dataset.cell)));
  }
}

// The images of one cell: report.order[cellStart[c] … cellStart[c + 1]).
export function renderCell(container, heading, report, cell, images) {
  const k = report.classes;
  const truth = Math.floor(cell / k);
  const guess = cell % k;
  const from = report.cellStart[cell];
  const count = report.cellStart[cell + 1] - from;
  heading.textContent = t('l6.cm.cell_title', { truth, guess, count, shown: Math.min(count, SHOWN) });
  fillGallery(container, Math.min(count, SHOWN), (n) => {
    const index = report.order[from + n];
    const p = report.confidence[index];
    return inspectable(figure(images, index, percent(p), t('l6.gallery.title', { index, truth, guess, p: percent(p) })), index);
  });
}

// A test image the lesson can look inside (the convnet's feature maps) when it is clicked.
function inspectable(el, index) {
  el.dataset.index = String(index);
  el.tabIndex = 0;
  return el;
}

// The most confident mistakes, with the probability given to the wrong answer and to the truth.
export function renderMistakes(container, report, probs, images, labels) {
  const k = report.classes;
  fillGallery(container, report.mistakes.length, (n) => {
    const index = report.mistakes[n];
    const truth = labels[index];
    const guess = report.predicted[index];
    const p = report.confidence[index];
    const caption = t('l6.gallery.caption', { guess, p: percent(p), truth, q: percent(probs[index * k + truth]) });
    return inspectable(figure(images, index, caption, t('l6.gallery.title', { index, truth, guess, p: percent(p) })), index);
  });
}
