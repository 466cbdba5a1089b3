// "The numbers": every row of one racer's path, exactly as the core computed it (shortest text
// that reads back as the same double), to check against `basecamp descend` or to read by hand.
// Rendered only while open; long paths show their last MAX_ROWS rows.
import { t } from '../../shared/i18n.js';

const MAX_ROWS = 2000;

export function createNumbers(details) {
  details.innerHTML = `<summary>${t('l4.numbers.summary')}</summary>
    <p>${t('l4.numbers.intro')}</p>
    <label>${t('l4.numbers.racer')} <select name="numbers-racer"></select></label>
    <p class="numbers-note" data-out="numbers-note"></p>
    <div class="numbers-scroll" tabindex="0"><table class="numbers">
      <thead><tr><th scope="col">t</th><th scope="col" data-col="x"></th><th scope="col" data-col="y"></th><th scope="col">f</th></tr></thead>
      <tbody></tbody></table></div>`;
  const select = details.querySelector('select');
  const body = details.querySelector('tbody');
  let racers = [];
  let coords = ['x', 'y'];
  let dirty = true;

  function render() {
    if (!details.open || !dirty) return;
    dirty = false;
    const keys = racers.map((r) => r.key).join(',');
    if (select.dataset.keys !== keys) {
      const keep = select.value;
      select.innerHTML = racers.map((r) => `<option value="${r.key}">${r.opt.label}</option>`).join('');
      select.dataset.keys = keys;
      if (racers.some((r) => r.key === keep)) select.value = keep;
    }
    details.querySelector('[data-col=x]').textContent = coords[0];
    details.querySelector('[data-col=y]').textContent = coords[1];
    const racer = racers.find((r) => r.key === select.value);
    const rows = racer?.rows ?? [];
    const n = rows.length / 3;
    const first = Math.max(0, n - MAX_ROWS);
    details.querySelector('[data-out=numbers-note]').textContent =
      first > 0 ? t('l4.numbers.truncated', { shown: MAX_ROWS, total: n }) : '';
    const html = [];
    for (let i = first; i < n; i++) {
      html.push(`<tr><td>${i}</td><td>${rows[3 * i]}</td><td>${rows[3 * i + 1]}</td><td>${rows[3 * i + 2]}</td></tr>`);
    }
    body.innerHTML = html.join('');
  }

  select.addEventListener('change', () => { dirty = true; render(); });
  details.addEventListener('toggle', () => { dirty = true; render(); });
  return {
    update(nextRacers, nextCoords) {
      racers = nextRacers.filter((r) => r.descent);
      coords = nextCoords;
      dirty = true;
      render();
    },
  };
}
