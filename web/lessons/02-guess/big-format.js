// Display of the core's big numbers: grouped integers, powers of ten from a log10, and exact
// digit strings. Formatting only (no counting): the values come from the core.
const SUP = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

// 11935 → "11,935" (both languages group by thousands with commas).
export function formatInteger(n) {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export const superscript = (n) => String(n).split('').map((c) => SUP[c] ?? c).join('');

// A power of ten given by its log10: "10¹¹⁹³⁵", "1.07 × 10³⁵⁹²", or a plain number when small.
export function formatPower(log10, { digits = 3 } = {}) {
  if (!Number.isFinite(log10)) return log10 > 0 ? '∞' : '0';
  if (log10 > -4 && log10 < 6) return trimNumber(10 ** log10, digits);
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  const m = trimNumber(mantissa, digits);
  if (m === '10') return `10${superscript(exponent + 1)}`.replace('-', '−');
  return (m === '1' ? `10${superscript(exponent)}` : `${m} × 10${superscript(exponent)}`).replace('-', '−');
}

// Mantissa and exponent from the core (k^N = mantissa × 10^exponent).
export function formatMantissaPower(mantissa, exponent, { digits = 3 } = {}) {
  const m = trimNumber(mantissa, digits);
  return m === '1' ? `10${superscript(exponent)}` : `${m} × 10${superscript(exponent)}`;
}

function trimNumber(x, digits) {
  return Number(x.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

// All digits, grouped by thousands: "1,000,000".
export function groupDigits(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// A share given by its log10: "100 %", "0.1 %", or "10⁻⁵⁷" when tiny.
export function formatShare(log10) {
  if (log10 >= -4) return `${trimNumber(100 * 10 ** log10, 3)} %`;
  return formatPower(log10);
}
