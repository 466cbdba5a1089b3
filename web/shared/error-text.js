// Words any error of the core in the page's language. The core's errors reach JS as Error objects
// with code, field, value, min, max, minOpen, maxOpen and text (wasm/guard.hpp); the sentence comes
// from web/shared/error-strings.js, filled with those fields (field names translated too), and
// the core's English message is never shown. An error without a code (a bug of the page) gets a
// general sentence; its English message goes to the console only.
import { registerStrings, t } from './i18n.js';
import { formatNumber } from './format.js';
import { errorStrings } from './error-strings.js';

registerStrings(errorStrings);

const known = (key) => !t(key).startsWith('⟦');
// A limit (NaN: none) or a value as the page prints numbers; whole numbers in full (60,000).
const number = (x) => {
  if (typeof x !== 'number' || Number.isNaN(x)) return '';
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? x.toLocaleString('en-US').replace('-', '−') : formatNumber(x, 6);
};

// A field's name in the current language (the identifier itself when there is no entry).
export function fieldName(field) {
  return field && known(`field.${field}`) ? t(`field.${field}`) : String(field ?? '');
}

// "at least 0 and less than 1" / "0 이상 1 미만" from the error's limits.
function limitsText(e) {
  const min = typeof e.min === 'number' && !Number.isNaN(e.min);
  const max = typeof e.max === 'number' && !Number.isNaN(e.max);
  const lo = min ? t(e.minOpen ? 'error.bound.min_open' : 'error.bound.min', { min: number(e.min) }) : '';
  const hi = max ? t(e.maxOpen ? 'error.bound.max_open' : 'error.bound.max', { max: number(e.max) }) : '';
  return lo && hi ? t('error.bound.join', { a: lo, b: hi }) : lo || hi;
}

// The string of a code, or a more precise one: a weights file of another network names that
// network (its description is data: layer names); a parse error's reason (a CSV's "columns") and
// a code about one field ("empty" about the features) may have a sentence of their own.
function sentenceKey(error, code, text) {
  if (code === 'malformed_file' && text) return 'error.malformed_file.network';
  if (code === 'parse_error' && known(`error.parse_error.${error.text}`)) return `error.parse_error.${error.text}`;
  if (error.field && known(`error.${code}.${error.field}`)) return `error.${code}.${error.field}`;
  return `error.${code}`;
}

// The sentence for `error` (a core error, or anything thrown).
export function errorText(error) {
  const code = error?.code;
  if (typeof code !== 'string' || !known(`error.${code}`)) {
    console.warn('Basecamp: an error without a code of the core:', error);
    return t('error.unexpected');
  }
  const text = code === 'unknown_name' || code === 'loss_needs_output' || code === 'not_a_setting'
    || code === 'malformed_file' ? String(error.text ?? '') : '';
  const sentence = t(sentenceKey(error, code, text), {
    field: fieldName(error.field), value: typeof error.value === 'number' ? number(error.value) || formatNumber(error.value) : '', max: number(error.max), min: number(error.min),
    limits: limitsText(error), text,
  });
  // "the batch size must …" starts a sentence; an identifier ("beta1 must …") keeps its case.
  return sentence.startsWith('the ') ? `T${sentence.slice(1)}` : sentence;
}
