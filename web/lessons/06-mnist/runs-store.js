// The runs kept: every run that ended (finished, stopped or diverged) since the lab was first
// opened in this browser, with its settings, its curves, its test accuracy and its time, so a
// learner can compare "SGD against Adam" without screenshots. Stored in localStorage (a reload
// keeps them; a browser that refuses storage keeps them for the page's life only). No DOM here.
const KEY = 'basecamp.mnist.runs';
export const MAX_RUNS = 20;       // the oldest are dropped beyond this
const CURVE_POINTS = 300;         // per run: the running loss and accuracy, thinned evenly

// The settings that describe a run, flat, from the request the worker got (settings.js).
export function runSettings(request) {
  const dense = request.spec.layers.filter((l) => 'units' in l);
  const dropout = request.spec.layers.find((l) => 'dropout' in l)?.dropout ?? 0;
  const { lr, ...hyper } = request.settings;
  return {
    hidden: dense.slice(0, -1).map((l) => l.units).join('-'),
    activation: dense[0]?.activation ?? '',
    optimizer: request.optimizer,
    lr,
    ...Object.fromEntries(Object.entries(hyper).map(([k, v]) => [`${request.optimizer}.${k}`, v])),
    batch: request.fit.batchSize,
    epochs: request.fit.epochs,
    images: request.trainSize,
    init: request.spec.initializer,
    l2: request.spec.l2 ?? 0,
    dropout,
    validation: request.validation,
    seed: request.fit.seed,
  };
}

// Every n-th point of the run's batches, so at most CURVE_POINTS: {x (epochs), loss, acc}.
function curveOf(run) {
  const per = run.last?.batchesPerEpoch ?? 1;
  const step = Math.max(1, Math.ceil(run.batches.length / CURVE_POINTS));
  const curve = { x: [], loss: [], acc: [] };
  run.batches.forEach((b, i) => {
    if (i % step !== 0 && i !== run.batches.length - 1) return;
    curve.x.push(b.epoch - 1 + b.batch / per);
    curve.loss.push(Number.isFinite(b.loss) ? b.loss : null);
    curve.acc.push(Number.isFinite(b.metric) ? b.metric : null);
  });
  return curve;
}

// The changes made during the run, each as one setting ("0.01 @1.5, …": value @epochs): the
// learning rate's and the momentum's.
const CHANGES = [['lr changes', 'lrChanges', 'lr'], ['momentum changes', 'momentumChanges', 'momentum']];
function changesDuring(run) {
  const at = ({ epoch, batch, batchesPerEpoch }) => +(epoch - 1 + batch / batchesPerEpoch).toFixed(2);
  return Object.fromEntries(CHANGES.filter(([, list]) => run[list]?.length)
    .map(([name, list, field]) => [name, run[list].map((c) => `${+c[field].toPrecision(4)} @${at(c.from)}`).join(', ')]));
}
const isChange = (k) => CHANGES.some(([name]) => name === k);

const wellFormed = (r) => r && typeof r.id === 'number' && r.settings && r.curve && Array.isArray(r.curve.x);

export function loadRuns() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter(wellFormed).slice(-MAX_RUNS) : [];
  } catch {
    return [];  // storage refused or a value that is not ours
  }
}

function save(runs) {
  try {
    localStorage.setItem(KEY, JSON.stringify(runs));
  } catch {
    // Full or refused: the runs stay for this page's life.
  }
}

// Adds the run that just ended to `runs` (and storage); returns the record.
export function keepRun(runs, run, result, reason) {
  const record = {
    id: (runs.at(-1)?.id ?? 0) + 1,
    at: Date.now(),
    reason,
    settings: { ...runSettings(run.request), ...changesDuring(run) },
    seconds: run.elapsed ?? 0,
    testAccuracy: result?.evaluation?.accuracy ?? null,
    epochs: run.epochs.map(({ epoch, loss, metric, valLoss, valMetric }) => ({ epoch, loss, metric, valLoss, valMetric })),
    curve: curveOf(run),
  };
  runs.push(record);
  while (runs.length > MAX_RUNS) runs.shift();
  save(runs);
  return record;
}

export function clearRuns(runs) {
  runs.length = 0;
  save(runs);
}

// For each run, what sets it apart from the others shown with it: the settings whose values
// differ among `runs`, as [[name, value], …] (empty when they all agree). Changes made during
// a run (learning rate, momentum) are always named.
export function differences(runs) {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.settings)))];
  // An optimizer's own hyperparameter ("sgd.momentum") is compared among, and named for, the
  // runs of that optimizer only.
  const among = (k) => (k.includes('.') ? runs.filter((r) => k.startsWith(`${r.settings.optimizer}.`)) : runs);
  const differing = keys.filter((k) => isChange(k) || new Set(among(k).map((r) => JSON.stringify(r.settings[k] ?? null))).size > 1);
  const applies = (k, r) => (isChange(k) ? k in r.settings : !k.includes('.') || k.startsWith(`${r.settings.optimizer}.`));
  return runs.map((r) => differing.filter((k) => applies(k, r)).map((k) => [k, r.settings[k] ?? '–']));
}
