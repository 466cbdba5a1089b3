// Tick positions for log and symmetric-log chart axes (lessons 4 and 8): whole decades only,
// thinned to about `count` labels. (uPlot's own log splits loop forever on some spans of 20+
// decades, which a converging optimizer easily produces, so the charts lay their ticks out
// themselves.)
import { formatNumber } from './format.js';

const decade = (e) => Number(`1e${e}`);

export function decadeSplits(min, max, count = 7) {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const out = [];
  for (let e = hi; e >= lo; e -= step) out.unshift(decade(e));
  return out;
}

// ±decades beyond ±linthresh, and 0.
export function symlogSplits(min, max, linthresh, count = 9) {
  const out = [];
  const side = (limit) => decadeSplits(linthresh, limit, Math.max(2, Math.floor(count / 2)));
  if (min < 0) out.push(...side(-min).map((v) => -v).reverse());
  if (min <= 0 && max >= 0) out.push(0);
  if (max > 0) out.push(...side(max));
  return out.filter((v) => v >= min && v <= max);
}

// uPlot may hand back null for a tick it filtered out.
export const tickLabels = (u, splits) => splits.map((v) => (v == null ? '' : formatNumber(v, 1)));
