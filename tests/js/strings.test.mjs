// Every string table (the shell's and each lesson's) has the same keys in Korean and English,
// and no entry is left untranslated: a value identical in both languages must be a formula, a
// number, a name or a symbol (no word of three or more Latin letters outside a formula).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadNodeCore } from './load-core.mjs';
import { errorStrings } from '../../web/shared/error-strings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lessonsDir = path.join(root, 'web', 'lessons');

async function tables() {
  const found = [['shell', path.join(root, 'web', 'shared', 'strings.js')],
    ['errors', path.join(root, 'web', 'shared', 'error-strings.js')]];
  for (const dir of readdirSync(lessonsDir, { withFileTypes: true })) {
    const file = path.join(lessonsDir, dir.name, 'strings.js');
    if (dir.isDirectory() && existsSync(file)) found.push([dir.name, file]);
  }
  const out = [];
  for (const [name, file] of found) {
    const module = await import(pathToFileURL(file));
    const table = Object.values(module).find((v) => v && typeof v === 'object' && v.ko && v.en);
    assert.ok(table, `${name}/strings.js exports a {ko, en} table`);
    out.push([name, table]);
  }
  return out;
}

// Words that are the same in both languages on purpose: optimizer and dataset names, units.
const NAMES = /^(SGD|Adam|AdamW|AdaGrad|Adagrad|RMSprop|AdaDelta|Adadelta|Nesterov|MNIST|ReLU|relu|tanh|sigmoid|softmax|Xavier|Glorot|He|Keras|PyTorch|torch|optim|lr|eps|alpha|rho|beta|betas|momentum|dampening|decay|weight_decay|lr_decay|initial_accumulator_value|centered|amsgrad|nesterov|Basecamp|ms|px|MSE|L1|L2|WebAssembly|C\+\+)$/;

function looksUntranslated(value) {
  const outsideFormulas = value.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ').replace(/\{[^}]*\}/g, ' ');
  const words = outsideFormulas.match(/[A-Za-z]{3,}/g) ?? [];
  return words.some((w) => !NAMES.test(w));
}

test('every string table has the same keys in Korean and English', async () => {
  for (const [name, { ko, en }] of await tables()) {
    const missingEn = Object.keys(ko).filter((k) => !(k in en));
    const missingKo = Object.keys(en).filter((k) => !(k in ko));
    assert.deepEqual(missingEn, [], `${name}: keys without English`);
    assert.deepEqual(missingKo, [], `${name}: keys without Korean`);
  }
});

test('no string is left untranslated', async () => {
  const suspects = [];
  for (const [name, { ko, en }] of await tables()) {
    for (const key of Object.keys(ko)) {
      if (typeof ko[key] !== 'string') continue;
      if (ko[key] === en[key] && looksUntranslated(ko[key])) suspects.push(`${name}: ${key} = ${JSON.stringify(ko[key])}`);
      if (ko[key].trim() === '' || String(en[key]).trim() === '') suspects.push(`${name}: ${key} is empty`);
    }
  }
  assert.deepEqual(suspects, []);
});

test('the check itself flags an English sentence copied into the Korean table', () => {
  assert.equal(looksUntranslated('Take one step downhill'), true);
  assert.equal(looksUntranslated('SGD'), false);
  assert.equal(looksUntranslated('$\\theta \\leftarrow \\theta - \\eta g$'), false);
  assert.equal(looksUntranslated('784 → 512 → 10'), false);
});

test('every error code of the core, and every setting it names, has a Korean and an English string', async () => {
  const { errorCodes, optimizers, schedules } = (await loadNodeCore()).catalogue();
  assert.ok(errorCodes.includes('out_of_range') && errorCodes.length >= 15);
  const missing = [];
  for (const lang of ['ko', 'en']) {
    for (const code of errorCodes) if (!(`error.${code}` in errorStrings[lang])) missing.push(`${lang}: error.${code}`);
    const settings = [...optimizers.flatMap((o) => o.hyperparameters), ...schedules.flatMap((s) => s.parameters)];
    for (const { name } of settings) if (!(`field.${name}` in errorStrings[lang])) missing.push(`${lang}: field.${name}`);
  }
  assert.deepEqual(missing, []);
});
