// Korean and English strings. Each lesson registers its own table; `t(key)` looks a key up in
// the current language and throws nothing: a missing key shows as ⟦key⟧ so tests can find it.
const tables = { ko: {}, en: {} };
const listeners = new Set();
const STORAGE_KEY = 'basecamp.lang';

function initialLang() {
  const fromUrl = new URLSearchParams(location.hash.split('?')[1] ?? '').get('lang');
  if (fromUrl === 'ko' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'ko' || stored === 'en') return stored;
  } catch { /* storage may be blocked */ }
  return (navigator.language ?? 'ko').startsWith('ko') ? 'ko' : 'en';
}

let current = initialLang();

export function registerStrings({ ko, en }) {
  Object.assign(tables.ko, ko);
  Object.assign(tables.en, en);
}

export function lang() { return current; }

export function t(key, vars = {}) {
  const text = tables[current][key];
  if (text === undefined) return `⟦${key}⟧`;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export function setLang(next) {
  if (next !== 'ko' && next !== 'en') return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* ignore */ }
  document.documentElement.lang = next;
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// Fills every [data-i18n] element's text and every [data-i18n-<attr>] attribute under root.
export function applyStrings(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('data-i18n-')) el.setAttribute(attr.slice('data-i18n-'.length), t(el.getAttribute(attr)));
    }
  }
}

// Both tables, for the test that walks every key in both languages.
export function allStrings() { return tables; }
