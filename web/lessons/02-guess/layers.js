// Layer sizes as typed ("784,15,10") → the core's verdict and counts. Splitting the text is the
// only work done here; what is acceptable and how many parameters there are comes from the core
// (checkLayers / countParameters). Lesson 1 reuses this for its one-weight-at-a-time panel.
import { registerStrings, t } from '../../shared/i18n.js';

registerStrings({
  ko: {
    'l2.layers.empty': '층 크기를 쉼표로 구분해 적어 주세요(예: 784,15,10).',
    'l2.layers.too_few_layers': '입력층과 출력층, 적어도 두 층이 필요합니다.',
    'l2.layers.too_many_layers': '층이 너무 많습니다(최대 1000개).',
    'l2.layers.not_a_number': '{index}번째 항목 “{text}”은(는) 숫자가 아닙니다.',
    'l2.layers.not_an_integer': '{index}번째 크기 {text}: 뉴런 수는 자연수여야 합니다.',
    'l2.layers.not_positive': '{index}번째 크기 {text}: 층에는 뉴런이 한 개 이상 있어야 합니다.',
    'l2.layers.too_wide': '{index}번째 크기 {text}: 한 층에 10억 개가 넘는 뉴런은 다루지 않습니다.',
    'l2.layers.too_many_parameters': '매개변수가 10¹⁵개를 넘습니다. 층을 줄여 보세요.',
  },
  en: {
    'l2.layers.empty': 'Type the layer sizes separated by commas (for example 784,15,10).',
    'l2.layers.too_few_layers': 'A network needs at least two layers: an input and an output layer.',
    'l2.layers.too_many_layers': 'Too many layers (at most 1000).',
    'l2.layers.not_a_number': 'Item {index}, “{text}”, is not a number.',
    'l2.layers.not_an_integer': 'Size {index} is {text}: a layer has a whole number of neurons.',
    'l2.layers.not_positive': 'Size {index} is {text}: a layer needs at least one neuron.',
    'l2.layers.too_wide': 'Size {index} is {text}: layers wider than a billion neurons are not handled.',
    'l2.layers.too_many_parameters': 'That is more than 10¹⁵ parameters. Try smaller layers.',
  },
});

// Splits on commas, spaces, “-” or “×” between numbers; a token that is not a number becomes NaN.
export function splitLayers(text) {
  const tokens = String(text).trim().split(/[\s,;×x]+|(?<=\d)-(?=\d)/i).filter((s) => s !== '');
  return { tokens, sizes: tokens.map((s) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN)) };
}

// → {ok: true, sizes, count} or {ok: false, message} (a sentence in the current language).
export function readLayers(core, text) {
  const { tokens, sizes } = splitLayers(text);
  if (tokens.length === 0) return { ok: false, message: t('l2.layers.empty') };
  const check = core.checkLayers(sizes);
  if (check.problem !== 'none') {
    const index = check.index >= 0 ? check.index + 1 : '';
    const message = t(`l2.layers.${check.problem}`, { index, text: check.index >= 0 ? tokens[check.index] : '' });
    return { ok: false, message };
  }
  return { ok: true, sizes, count: core.countParameters(sizes) };
}
