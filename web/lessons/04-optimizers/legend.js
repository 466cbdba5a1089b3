// The racers' standings: swatch, step, loss, the learning rate now, and the effective
// per-coordinate step |Δθᵢ|/|gᵢ| of the last step (the core's stepView); "diverged at step t"
// for a racer that diverged, and why a racer sits out. Also the plots' text alternative.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { swatchSvg } from './markers.js';

const num = (v) => (Number.isFinite(v) ? formatNumber(v) : '—');

export function createLegend(container) {
  container.innerHTML = `
    <p class="standings-caption" id="l4-standings-caption">${t('l4.legend.caption')}</p>
    <div class="standings-scroll" tabindex="0" role="region" aria-labelledby="l4-standings-caption">
    <table class="standings" aria-describedby="l4-standings-caption">
      <thead><tr>
        <th scope="col">${t('l4.legend.racer')}</th><th scope="col">${t('l4.legend.status')}</th>
        <th scope="col">${t('l4.legend.f')}</th><th scope="col">${t('l4.legend.lr')}</th>
        <th scope="col">${t('l4.legend.effective')}</th></tr></thead>
      <tbody></tbody>
    </table></div>`;
  const body = container.querySelector('tbody');
  let keys = '';

  // racers: the race's racers; coords: ['x', 'y'] or ['m', 'b'].
  function update(racers, coords) {
    const signature = racers.map((r) => r.key).join(',');
    if (signature !== keys) {
      keys = signature;
      body.innerHTML = racers.map((r) => `<tr data-legend="${r.key}">
        <th scope="row">${swatchSvg(r.opt)}<span>${r.opt.label}</span></th>
        <td data-cell="status"></td><td data-cell="f"></td><td data-cell="lr"></td><td data-cell="eff"></td></tr>`).join('');
    }
    for (const r of racers) {
      const row = body.querySelector(`[data-legend=${r.key}]`);
      const cell = (name) => row.querySelector(`[data-cell=${name}]`);
      const n = r.rows.length / 3;
      let status;
      if (r.error) status = t('l4.legend.sits_out');
      else if (r.divergedAt >= 0) status = t('l4.legend.diverged', { t: r.divergedAt });
      else status = t('l4.legend.step', { t: n - 1 });
      cell('status').textContent = status;
      row.classList.toggle('diverged', r.divergedAt >= 0);
      row.classList.toggle('sits-out', Boolean(r.error));
      cell('f').textContent = n > 0 ? num(r.rows[r.rows.length - 1]) : '—';
      cell('lr').textContent = r.descent ? num(r.lr) : '—';
      const eff = r.view?.effectiveLr;
      cell('eff').textContent = eff ? `${coords[0]}: ${num(eff[0])}, ${coords[1]}: ${num(eff[1])}` : '—';
    }
  }
  return { update };
}
