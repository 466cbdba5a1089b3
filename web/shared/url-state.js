// Lesson state in the URL, from one declarative table per lesson, so a teacher can share an
// exact setup: #/<lesson>?key=value&…  Each entry: {type: 'number'|'int'|'string'|'bool'|'list',
// default, min?, max?, choices?}. Values out of range or malformed fall back to the default.
export function parseHash(hash = location.hash) {
  const [pathPart, query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: pathPart, params: new URLSearchParams(query) };
}

function decode(spec, raw) {
  if (raw === null) return spec.default;
  switch (spec.type) {
    case 'number':
    case 'int': {
      const x = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(x)) return spec.default;
      if (spec.type === 'int' && !Number.isInteger(x)) return spec.default;
      if ((spec.min !== undefined && x < spec.min) || (spec.max !== undefined && x > spec.max)) return spec.default;
      return x;
    }
    case 'bool': return raw === '1' || raw === 'true';
    case 'string': return !spec.choices || spec.choices.includes(raw) ? raw : spec.default;
    case 'list': {
      const items = raw.split(',').map(Number);
      return items.length > 0 && items.every(Number.isFinite) ? items : spec.default;
    }
    default: return spec.default;
  }
}

function encode(spec, value) {
  if (spec.type === 'bool') return value ? '1' : '0';
  if (spec.type === 'list') return value.map((v) => +v.toPrecision(6)).join(',');
  if (spec.type === 'number') return String(+value.toPrecision(6));
  return String(value);
}

export function readState(table, hash = location.hash) {
  const { params } = parseHash(hash);
  const state = {};
  for (const [key, spec] of Object.entries(table)) state[key] = decode(spec, params.get(key));
  return state;
}

// Writes the values that differ from their defaults (short links), keeping other parameters;
// the keys in `always` are written even when they equal the table's default.
export function writeState(table, state, always = []) {
  const { path, params } = parseHash();
  for (const [key, spec] of Object.entries(table)) {
    const value = state[key];
    const isDefault = !always.includes(key) && JSON.stringify(value) === JSON.stringify(spec.default);
    if (isDefault) params.delete(key);
    else params.set(key, encode(spec, value));
  }
  const query = params.toString();
  history.replaceState(null, '', `#/${path}${query ? `?${query}` : ''}`);
}

// The URL following a lesson's state at most every 200 ms (browsers rate-limit replaceState):
// save() schedules a write; a hash typed or pasted by the learner wins over a pending write;
// dispose() writes what is pending when the lesson is remounted in place (a language switch),
// and nothing when another lesson has been opened. While a write is pending the page says so in
// document.body.dataset.urlPending (tests wait for it to go).
export function createUrlWriter(table, state, path) {
  let timer = 0;
  const pending = (on) => {
    if (on) document.body.dataset.urlPending = '1';
    else delete document.body.dataset.urlPending;
  };
  const drop = () => { clearTimeout(timer); timer = 0; pending(false); };
  window.addEventListener('hashchange', drop);
  return {
    save() {
      if (timer) return;
      pending(true);
      timer = setTimeout(() => { timer = 0; writeState(table, state); pending(false); }, 200);
    },
    dispose() {
      if (timer && parseHash().path === path) writeState(table, state);
      drop();
      window.removeEventListener('hashchange', drop);
    },
  };
}
