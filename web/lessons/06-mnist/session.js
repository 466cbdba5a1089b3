// Lesson 6's training session: the worker and what it has reported (the MNIST data, the run,
// its results), kept at module level so that it outlives a remount (the shell remounts the
// lesson when the language changes: training goes on and is redrawn). absorb() turns each
// worker reply into session state; no DOM here. The run's status: idle → starting → running ⇄
// paused → finished | stopped | diverged | error.
import { t } from '../../shared/i18n.js';
import { setActivity } from '../../shared/activity.js';
import { keepRun, loadRuns } from './runs-store.js';

// What survives a remount: the worker, the data it reported, the run and its results.
export const session = {
  worker: null, view: null,
  data: { status: 'idle', received: 0, total: 1, message: '' },
  run: { status: 'idle', batches: [], epochs: [], last: null, firstLoss: null, signals: [] },
  result: null, hasModel: false, predictId: 0, mapsId: 0, fileMessage: '',
  // Where the network behind `result` came from: {fromFile, trainSize, epochs} (the exercise).
  origin: null,
  // The runs kept (runs-store.js) and the ids drawn on the comparison charts (the last four
  // kept, until the learner picks).
  runs: loadRuns(), shownRuns: null,
  // A comparison of optimizers going on (compare.js): {entries: [{id, request}], index, ids}; the
  // last one that ended: {ids, stopped}. The optimizers ticked for the next one.
  compare: null, compared: null, compareChoice: null,
};

// Signal measurements kept per run (for a redraw after a remount): the oldest go beyond this.
const MAX_SIGNALS = 2000;

// A new run: the session's run reset for `request`, and the worker told to start it.
export function startRun(request) {
  Object.assign(session.run, { status: 'starting', batches: [], epochs: [], last: null, firstLoss: null, error: null, request,
    lrChanges: [], momentum: null, momentumChanges: [], liveError: null, stepped: null, signals: [] });
  session.result = null;
  worker().postMessage({ type: 'start', ...request });
}

// A comparison: its runs one after another (each next one starts when the last is done).
export function startComparison(entries) {
  if (!entries.length) return;
  session.compare = { entries, index: 0, ids: [] };
  session.compared = null;
  shownRuns().clear();
  startRun(entries[0].request);
}

// The runs left of a comparison are dropped (Stop, a failed start, a dead worker).
function endComparison(stopped) {
  if (!session.compare) return;
  session.compared = { ids: session.compare.ids, stopped };
  session.compare = null;
}
export const cancelComparison = () => endComparison(true);

export function shownRuns() {
  session.shownRuns ??= new Set(session.runs.slice(-4).map((r) => r.id));
  return session.shownRuns;
}

export function worker() {
  if (!session.worker) {
    const w = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      if (data?.type === 'fatal') workerDied(w, data.message);
      else { absorb(data); session.view?.(data); }
    };
    w.onerror = (e) => { e.preventDefault(); workerDied(w, e.message); };
    w.onmessageerror = () => workerDied(w, 'messageerror');
    session.worker = w;
  }
  return session.worker;
}

// A worker that died (out of memory, an uncaught exception, a wasm trap) took the data, the
// network and the run with it: it is dropped, the learner is told why, and a new worker loads the
// data again, so that Start works without a reload. A worker that dies again before it has the
// data is not replaced at once (no endless restarts): the data shows the error, and the next
// visit to the lesson tries again.
function workerDied(w, message = '') {
  if (session.worker !== w) return;  // already replaced
  w.terminate();
  session.worker = null;
  const again = session.data.status === 'loading' && session.run.status.startsWith('crashed');
  const status = /memory|OOM/i.test(message) ? 'crashed_memory' : 'crashed';
  endComparison(true);
  Object.assign(session.run, { status, message: '' });
  session.hasModel = false;
  announce(session.run);
  if (again) {
    Object.assign(session.data, { status: 'error', message: t(`l6.status.${status}`) });
  } else {
    Object.assign(session.data, { status: 'loading', received: 0, total: 1 });
    worker().postMessage({ type: 'load', baseUrl: document.baseURI });
  }
  session.view?.({ type: 'worker-died' });
}

// The batches the run has done, and will do in all, from its last report: {done, total}.
export function batchesDone(run) {
  const { last } = run;
  return { done: (last.epoch - 1) * last.batchesPerEpoch + last.batch, total: (run.request?.fit.epochs ?? 1) * last.batchesPerEpoch };
}

// A run's progress as a whole percentage.
function runPercent(run) {
  if (!run.last) return 0;
  const { done, total } = batchesDone(run);
  return Math.floor((100 * done) / total);
}

// The run's state next to the lesson's name in the navigation (seen from the other lessons).
function announce(run) {
  const text = run.status === 'running' ? t('l6.nav.training', { pct: runPercent(run) })
    : run.status === 'paused' ? t('l6.nav.paused', { pct: runPercent(run) }) : '';
  setActivity(6, text);
}

// After a run of a comparison: the next one, or the comparison's end. A diverged run is a result
// (SGD with too large a step); a stopped one ends the comparison.
function nextCompared(reason) {
  const c = session.compare;
  if (!c) return;
  if (reason === 'stopped' || c.index + 1 >= c.entries.length) {
    endComparison(reason === 'stopped');
    return;
  }
  c.index += 1;
  startRun(c.entries[c.index].request);
}

// Worker replies → session state (no DOM here).
function absorb(m) {
  absorbState(m);
  announce(session.run);
}

function absorbState(m) {
  const { run, data } = session;
  switch (m.type) {
    case 'data-progress': Object.assign(data, { status: 'loading', received: m.received, total: m.total }); break;
    case 'data': Object.assign(data, { status: 'ready', trainCount: m.trainCount, testCount: m.testCount, images: m.testImages, labels: m.testLabels }); break;
    case 'started': Object.assign(run, { status: 'running', summary: m.summary, parameters: m.parameters, build: m.build, momentum: m.momentum ?? null }); session.hasModel = true; break;
    case 'progress':
      // A batch trained while paused is the learner's "one batch" step: its loss is shown.
      run.stepped = run.status === 'paused' ? m.batches.at(-1) : null;
      run.batches.push(...m.batches);
      run.last = m.last; run.elapsed = m.elapsed; run.speed = m.samplesPerSecond;
      run.firstLoss ??= m.batches[0]?.batchLoss;
      break;
    case 'epoch': run.epochs.push(m.log); break;
    case 'paused': run.status = 'paused'; break;
    case 'lr-set': run.lrChanges.push({ lr: m.lr, from: m.from }); run.liveError = null; break;
    case 'signals':
      run.signals.push({ at: m.at, layers: m.layers });
      if (run.signals.length > MAX_SIGNALS) run.signals.splice(0, run.signals.length - MAX_SIGNALS);
      break;
    case 'momentum-set': (run.momentumChanges ??= []).push({ momentum: m.momentum, from: m.from }); run.liveError = null; break;
    case 'resumed': run.status = 'running'; break;
    case 'done':
      run.status = m.reason;
      session.result = m.result;
      session.origin = { fromFile: false, trainSize: Math.min(run.request.trainSize, data.trainCount), epochs: run.last?.epoch ?? 0 };
      if (run.batches.length) {
        const { id } = keepRun(session.runs, run, m.result, m.reason);
        shownRuns().add(id);
        session.compare?.ids.push(id);
      }
      if (m.reason === 'diverged') session.hasModel = false; // its weights are no longer numbers
      nextCompared(m.reason);
      break;
    case 'evaluated': session.result = m.result; break;
    case 'weights-loaded': session.result = m.result; session.hasModel = true; session.origin = { fromFile: true }; break;
    case 'error':
      // MNIST's download fails with the page's own message; the core's errors keep their fields.
      if (m.during === 'load') Object.assign(data, { status: 'error', message: m.message });
      else if (m.during === 'start' || m.during === 'worker') {
        Object.assign(run, { status: 'error', error: m.error });
        endComparison(true);
      }
      else if (m.during === 'set-lr' || m.during === 'set-momentum') run.liveError = m.error;
      break;
    default:
  }
}
