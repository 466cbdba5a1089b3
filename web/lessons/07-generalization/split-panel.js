// Section 2: train / validation / test. A pool of 40 points split by the learner's fractions;
// each degree's least-squares polynomial scored on validation picks the degree; the test set is
// scored on demand and the page counts how often it was looked at. Then k-fold cross-validation
// run live, one fold per beat, each fold's score listed with the mean and spread.
import { errorText } from '../../shared/error-text.js';
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createSceneChart, logRange } from '../../shared/scene-chart.js';
import { COLORS, NOISE } from './common.js';

export const POOL_N = 40;
export const MAX_DEGREE = 12;
const FOLD_MS = 350;  // the pause between two folds of the live run

export function createSplitPanel(root, core, state, changed) {
  const $ = (s) => root.querySelector(s);
  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const poolPlot = createSceneChart($('.l7-pool'), { height: 240, label: t('l7.s2.pool_aria') });
  const scanPlot = createSceneChart($('.l7-scan'), { height: 240, label: t('l7.s2.scan_aria') });
  const foldPlot = createSceneChart($('.l7-folds'), { height: 200, label: t('l7.s2.folds_aria') });
  const pool = core.curveData(POOL_N, NOISE, 7);
  let parts = null, scan = null, looks = 0, error = '';
  let cv = null, timer = 0;
  const f = (v) => formatNumber(v, 3);

  function resplit() {
    looks = 0;
    error = '';
    parts = scan = null;
    try {
      const roles = core.splitRoles(POOL_N, state.tr / 100, state.va / 100, state.split);
      parts = { roles, train: core.selectRole(pool, roles, 0), val: core.selectRole(pool, roles, 1), test: core.selectRole(pool, roles, 2) };
      scan = parts.val.x.length > 0 ? core.scanDegrees(parts.train, parts.val, MAX_DEGREE) : null;
      if (!scan) error = t('l7.s2.no_val');
    } catch (e) {
      error = errorText(e);
    }
    out('s2-test').textContent = '';
    render();
  }

  function render() {
    out('s2-message').textContent = error;
    out('s2-message').classList.toggle('warning', Boolean(error));
    out('tr').textContent = `${state.tr}%`;
    out('va').textContent = `${state.va}%`;
    out('te').textContent = `${Math.max(0, 100 - state.tr - state.va)}%`;
    const points = [];
    if (parts) {
      points.push({ x: parts.test.x, y: parts.test.y, color: COLORS.test, fill: COLORS.test, r: 3 });
      points.push({ x: parts.val.x, y: parts.val.y, color: COLORS.val, fill: '#fff', r: 4 });
      points.push({ x: parts.train.x, y: parts.train.y, color: COLORS.train, fill: COLORS.train, r: 4 });
    }
    const lines = [];
    if (scan) {
      const c = core.fitPolyLeastSquares(parts.train, scan.bestDegree);
      const grid = core.trueCurve(121).x;
      lines.push({ x: grid, y: core.polyValues(c, grid), color: COLORS.flex });
    }
    poolPlot.draw({ x: [-1, 1], y: [-2, 2], xTicks: [-1, -0.5, 0, 0.5, 1], xLabel: 'x', yLabel: 'y', points, lines });
    out('n-train').textContent = parts ? String(parts.train.x.length) : '–';
    out('n-val').textContent = parts ? String(parts.val.x.length) : '–';
    out('n-test').textContent = parts ? String(parts.test.x.length) : '–';
    $('button[name=test]').disabled = !scan || parts.test.x.length === 0;
    if (scan) {
      scanPlot.draw({
        x: [0.5, MAX_DEGREE + 0.5], y: logRange([...scan.trainMse, ...scan.valMse].map((v) => Math.max(v, 1e-6))), logY: true,
        xTicks: scan.degree.filter((d) => d % 2 === 1 || MAX_DEGREE <= 8), xFormat: String, xLabel: t('l7.axis.degree'), yLabel: t('l7.axis.mse'),
        lines: [{ x: scan.degree, y: scan.trainMse, color: COLORS.train }, { x: scan.degree, y: scan.valMse, color: COLORS.val }],
        points: [{ x: scan.degree, y: scan.valMse, color: COLORS.val, fill: '#fff', r: 3 }],
        markers: [{ x: scan.bestDegree, color: COLORS.best, dash: [4, 3], label: t('l7.s2.best_degree', { d: scan.bestDegree }) }],
      });
      out('s2-best').textContent = String(scan.bestDegree);
      out('s2-best-val').textContent = f(scan.valMse[scan.bestDegree - 1]);
      out('s2-summary').textContent = t('l7.s2.summary', { n: parts.train.x.length, v: parts.val.x.length, s: parts.test.x.length, d: scan.bestDegree, val: f(scan.valMse[scan.bestDegree - 1]) });
    } else {
      scanPlot.draw({ x: [0.5, MAX_DEGREE + 0.5], y: [1e-3, 1], logY: true, xFormat: String, xLabel: t('l7.axis.degree'), yLabel: t('l7.axis.mse') });
      out('s2-best').textContent = '–';
      out('s2-best-val').textContent = '–';
      out('s2-summary').textContent = error;
    }
    for (const name of ['tr', 'va']) $(`input[name=${name}]`).value = String(state[name]);
  }

  function lookAtTest() {
    looks += 1;
    const c = core.fitPolyLeastSquares(parts.train, scan.bestDegree);
    const mse = core.polyMse(c, parts.test);
    out('s2-test').textContent = t(looks === 1 ? 'l7.s2.test_once' : 'l7.s2.test_again', { d: scan.bestDegree, mse: f(mse), n: looks });
    out('s2-test').classList.toggle('warning', looks > 1);
    out('s2-test').dataset.mse = String(mse);
  }

  // k-fold cross-validation on the training + validation part (the test part stays out).
  function runCv() {
    clearTimeout(timer);
    const both = parts ? { x: [...parts.train.x, ...parts.val.x], y: [...parts.train.y, ...parts.val.y] } : null;
    try {
      if (!both) throw Object.assign(new Error('no split'), { shown: error });
      const folds = core.kfoldAssign(both.x.length, state.k, 11);
      cv = { both, folds, scores: [], summary: null, error: '' };
    } catch (e) {
      cv = { scores: [], error: e.shown ?? errorText(e) };
      renderCv();
      return;
    }
    const next = () => {
      const fold = cv.scores.length;
      cv.scores.push(core.crossValidateFold(cv.both, cv.folds, fold, state.cvdeg));
      if (cv.scores.length === state.k) cv.summary = core.summarize(cv.scores.map((s) => s.valMse));
      renderCv();
      if (cv.scores.length < state.k) timer = setTimeout(next, FOLD_MS);
    };
    next();
  }

  function renderCv() {
    const body = $('.l7-fold-table tbody');
    body.replaceChildren(...(cv?.scores ?? []).map((s) => {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>${s.fold + 1}</td><td>${s.nTrain}</td><td>${s.nVal}</td><td>${f(s.trainMse)}</td><td data-out="fold-val">${f(s.valMse)}</td>`;
      return tr;
    }));
    const msg = cv?.error ? cv.error : cv?.summary
      ? t('l7.s2.cv_done', { k: state.k, d: state.cvdeg, mean: f(cv.summary.mean), sd: f(cv.summary.stddev) })
      : cv ? t('l7.s2.cv_running', { i: cv.scores.length, k: state.k }) : t('l7.s2.cv_hint');
    out('cv').textContent = msg;
    out('cv').classList.toggle('warning', Boolean(cv?.error));
    const scores = (cv?.scores ?? []).map((s) => s.valMse);
    foldPlot.draw({
      x: [0.5, state.k + 0.5], y: [0, Math.max(1e-3, ...scores) * 1.15], xTicks: Array.from({ length: state.k }, (_, i) => i + 1), xFormat: String, xLabel: t('l7.axis.fold'), yLabel: t('l7.axis.val_mse'),
      bars: [{ lo: 0.5, width: 1, values: scores, color: COLORS.val }],
      lines: cv?.summary ? [{ x: [0.5, state.k + 0.5], y: [cv.summary.mean, cv.summary.mean], color: COLORS.best, dash: [5, 3] }] : [],
    });
    foldPlot.setLabel(`${t('l7.s2.folds_aria')} ${msg}`);
  }

  for (const name of ['tr', 'va']) {
    $(`input[name=${name}]`).addEventListener('input', (e) => { state[name] = Number(e.target.value); changed(); resplit(); cv = null; renderCv(); });
  }
  $('button[name=shuffle]').addEventListener('click', () => { state.split += 1; changed(); resplit(); cv = null; renderCv(); });
  $('button[name=test]').addEventListener('click', lookAtTest);
  $('select[name=k]').value = String(state.k);
  $('select[name=cvdeg]').value = String(state.cvdeg);
  $('select[name=k]').addEventListener('change', (e) => { state.k = Number(e.target.value); changed(); cv = null; renderCv(); });
  $('select[name=cvdeg]').addEventListener('change', (e) => { state.cvdeg = Number(e.target.value); changed(); cv = null; renderCv(); });
  $('button[name=cv]').addEventListener('click', runCv);
  resplit();
  renderCv();

  return {
    pool: () => pool,
    // The degree scan now shown (null without a validation set): {degree, trainMse, valMse, bestDegree}.
    scan: () => scan,
    dispose() { clearTimeout(timer); poolPlot.dispose(); scanPlot.dispose(); foldPlot.dispose(); },
  };
}
