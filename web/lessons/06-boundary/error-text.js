// The core's errors in the learner's language, from their fields (code, field, value, min, max,
// text), never from the core's English sentence. A stand-in until web/shared/error-text.js.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';

const fieldName = (field) => {
  const key = `bd.field.${field}`;
  const text = t(key);
  if (!text.startsWith('⟦')) return text;
  // A hyperparameter's own name (torch's, the same in both languages), else "input".
  return /^[a-z][a-z0-9_]*$/.test(field ?? '') ? field : t('bd.field.other');
};

export function errorText(e) {
  if (e?.code === 'parse_error') {
    return `${t(`bd.csv.${e.text}`, { line: e.value, max: e.max })} ${t('bd.csv.kept')}`;
  }
  const field = fieldName(e?.field);
  switch (e?.code) {
    case 'out_of_range': return t('bd.err.range', { field, value: formatNumber(e.value), min: formatNumber(e.min), max: formatNumber(e.max) });
    case 'not_finite': return t('bd.err.not_finite', { field });
    case 'unknown_name': return t('bd.err.unknown', { field, text: e.text });
    default: return t('bd.err.other', { field });
  }
}
