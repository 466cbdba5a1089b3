// What a learner typed into a number field, as a number: the text trimmed, a true minus sign (−,
// which the page prints) read as '-', and an empty field NaN (Number('') would be 0). Anything that
// is not a number is NaN too, so callers check Number.isFinite / Number.isInteger.
export function parseNumber(text) {
  const clean = String(text ?? '').trim().replace(/\u2212/g, '-');
  return clean === '' ? NaN : Number(clean);
}
