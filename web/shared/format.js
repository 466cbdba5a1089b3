// Number formatting for read-outs: significant digits, a true minus sign, exponent form for
// very large or small magnitudes. Pure (no DOM, no i18n), so node tests import it too.
export function formatNumber(x, digits = 4) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return x.toExponential(digits - 1).replace('-', '−');
  return Number(x.toPrecision(digits)).toString().replace('-', '−');
}
