// Trains the MNIST lesson's network off the page's thread: the data, the model and its trainer
// live here; the page only sends settings and draws what comes back. Every number comes from
// the wasm core (web/shared/core.js, the threaded build when the page is cross-origin isolated).
//
// Protocol (all messages are plain objects with a `type`):
//   page → worker
//     {type: 'load', baseUrl}                 fetch MNIST (relative to the page's base URL)
//     {type: 'start', spec, optimizer, settings, fit, trainSize, validation: 'test'|'split'|'none',
//      signals?: false}                       build a new model and train it (signals: see below)
//     {type: 'pause'} / {type: 'resume'} / {type: 'stop'}   between chunks of batches
//     {type: 'step'}                          while paused: train one batch, stay paused
//     {type: 'set-lr', lr}                    during a run: the learning rate from the next batch
//     {type: 'set-momentum', momentum}        during a run whose optimizer has a momentum (SGD, RMSprop
//                                             made with momentum > 0; 'started' says): the momentum
//                                             from the next batch, the velocity buffer kept
//     {type: 'predict', id, images: Uint8Array (count x 784), count}
//     {type: 'feature-maps', id, image: Uint8Array (784)}   every conv and pool layer's output
//     {type: 'evaluate'}                      test accuracy + classification report
//     {type: 'save'}                          the weights file of the current model
//     {type: 'load-weights', bytes, spec, optimizer, settings}  a model of that shape, then the file
//     {type: 'heap'}                          the core's heap in use (scripts/soak.mjs)
//   worker → page
//     {type: 'data-progress', received, total}          while MNIST downloads
//     {type: 'data', trainCount, testCount, testImages, testLabels}   copies of the test set
//     {type: 'started', parameters, summary, build, momentum}   build: core.js's coreBuild();
//                                             momentum: the optimizer's (a number), null if it has none
//     {type: 'progress', batches: [{epoch, batch, batchLoss, loss, metric}], last, samplesPerSecond,
//      elapsed}                                         one per chunk (~75 ms of training)
//     {type: 'epoch', log: {epoch, loss, metric, valLoss, valMetric}}
//     {type: 'paused'} / {type: 'resumed'}
//     {type: 'lr-set', lr, from: {epoch, batch, batchesPerEpoch}}   lr applies after that batch
//     {type: 'signals', at: {epoch, batch, batchesPerEpoch}, layers: [{layer, kind, activation,
//      weightNorm, gradNorm, updateRatio, deadFraction, min, max, mean, std, histogram}]}
//                                             per layer with weights, for one batch about every
//                                             SIGNALS_MS of training and for every 'step' (the
//                                             core's nn/signals.hpp; off when start says signals: false)
//     {type: 'momentum-set', momentum, from: {epoch, batch, batchesPerEpoch}}   the same for momentum
//     {type: 'done', reason: 'finished'|'stopped'|'diverged', history, result}
//         result: {evaluation: {loss, accuracy}, report (core.classificationReport), probs
//                  (Float32Array 10,000 x 10), kernel (layer 0's weights)}; typed arrays transferred
//     {type: 'prediction', id, probs: Float32Array}
//     {type: 'feature-maps', id, maps: [{layer, kind, height, width, channels, data}]}
//     {type: 'evaluated', result} / {type: 'saved', bytes} / {type: 'weights-loaded', result, summary}
//     {type: 'heap', heapInUse}                          bytes, null before the core is loaded
//     {type: 'error', during, id?, message, error}   error: the core error's fields (code, field,
//                                             value, limits; shared/error-text.js words them),
//                                             message: its English text for logs; the worker keeps going
//     {type: 'fatal', message}                  a wasm trap or abort: the core is unusable, the page
//                                               replaces this worker (as after an 'error' event)
// Training runs in chunks: runBatches(1) repeatedly for about CHUNK_MS, then a post and a yield
// (a MessageChannel round trip) so that pause, stop and predict messages are handled in between.
import { coreBuild, loadCore } from '../../shared/core.js';
import { loadMnist } from '../../shared/mnist-data.js';
import { errorFields } from '../../shared/api/errors.js';

const CHUNK_MS = 75;
const SIGNALS_MS = 400;
// The probe the activations are measured on: fewer rows for a convnet (its feature maps are large).
const probeRows = (spec) => (spec.image ? 64 : 256);
const MISTAKES = 36;
const CLASSES = 10;
const PIXELS = 784;

const BUSY = {
  start: 'a training run is already going',
  'load-weights': 'stop the training before loading a file',
};

// A refusal while a run goes on, as a core-like error (code busy) the page words in its language.
const busy = (type) => Object.assign(new Error(BUSY[type]), { code: 'busy', field: type });

// Posts an error: its fields for the page's sentence, its English message for logs and tests.
function report(during, error, id) {
  const fields = errorFields(error);
  self.postMessage({ type: 'error', during, ...(id === undefined ? {} : { id }), message: fields.message, error: fields });
}

let data = null;
let model = null;
let coreNow = null; // the core once loaded (synchronous messages need it)
let run = null; // {paused, stopping, started, samplesAtStart}
const queue = [];
let handling = false;

// Messages are handled one at a time, in order; training yields between chunks so they get in.
// Control, predict, evaluate and save are synchronous and answered at once (between two chunks
// while training, or while paused); load, start and load-weights are queued (start and load-weights
// are refused at once while a run goes on).
self.onmessage = ({ data: message }) => {
  if (message?.type === 'heap') {
    self.postMessage({ type: 'heap', heapInUse: coreNow?.heapInUse() ?? null });
    return;
  }
  if (['pause', 'stop', 'resume', 'step'].includes(message?.type)) {
    control(message.type);
    return;
  }
  // Refused at once while a run goes on: queued, they would wait for the run's end and then act.
  if (run && (message?.type === 'start' || message?.type === 'load-weights')) {
    report(message.type, busy(message.type));
    return;
  }
  if (['predict', 'evaluate', 'save', 'set-lr', 'set-momentum', 'feature-maps'].includes(message?.type)) {
    try {
      immediate(message);
    } catch (error) {
      report(message.type, error, message.id);
    }
    return;
  }
  queue.push(message);
  if (!handling) drain();
};

async function drain() {
  handling = true;
  while (queue.length > 0) {
    const message = queue.shift();
    try {
      await handle(message);
    } catch (error) {
      if (message?.type === 'start') run = null;  // the run ended with the error: Start works again
      if (error instanceof WebAssembly.RuntimeError) self.postMessage({ type: 'fatal', message: error.message });
      else report(message?.type, error);
    }
  }
  handling = false;
}

const yieldToMessages = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

function control(type) {
  if (!run) return;
  if (type === 'pause' && !run.paused) {
    run.paused = true;
    self.postMessage({ type: 'paused' });
  } else if (type === 'resume' && run.paused) {
    run.paused = false;
    self.postMessage({ type: 'resumed' });
    run.wake?.();
  } else if (type === 'step' && run.paused) {
    run.step = true;
    run.wake?.();
  } else if (type === 'stop') {
    run.stopping = true;
    run.paused = false;
    run.wake?.();
  }
}

function immediate(message) {
  requireModel();
  switch (message.type) {
    case 'predict': {
      requireModel();
      const probs = model.predictBytes(message.images, message.count, PIXELS);
      self.postMessage({ type: 'prediction', id: message.id, probs }, [probs.buffer]);
      return;
    }
    case 'evaluate':
      if (!data) throw new Error('the MNIST data is not loaded yet');
      postResult({ type: 'evaluated' }, results(coreNow));
      return;
    case 'save': {
      const bytes = model.save();
      self.postMessage({ type: 'saved', bytes }, [bytes.buffer]);
      return;
    }
    case 'feature-maps': {
      const maps = model.featureMaps(message.image, PIXELS);
      self.postMessage({ type: 'feature-maps', id: message.id, maps }, maps.map((m) => m.data.buffer));
      return;
    }
    case 'set-lr':
      if (!run) throw Object.assign(new Error('no training run to change'), { code: 'busy', field: 'set-lr' });
      model.setLr(message.lr);  // the optimizer's own check (a coded error for a bad value)
      self.postMessage({ type: 'lr-set', lr: model.lr(), from: run.at });
      return;
    case 'set-momentum':
      if (!run) throw Object.assign(new Error('no training run to change'), { code: 'busy', field: 'set-momentum' });
      model.setMomentum(message.momentum);  // the optimizer's check: >= 0, nesterov's rule, has one
      self.postMessage({ type: 'momentum-set', momentum: model.momentum(), from: run.at });
      return;
  }
}

async function handle(message) {
  const core = await loadCore();
  coreNow = core;
  switch (message?.type) {
    case 'load': return loadData(message);
    case 'start': return train(core, message);
    case 'load-weights': {
      if (run) throw busy('load-weights');
      const fresh = core.newModel(message.spec, message.optimizer, message.settings);
      try {
        fresh.load(message.bytes);
      } catch (error) {
        fresh.delete();
        throw error;
      }
      model?.delete();
      model = fresh;
      postResult({ type: 'weights-loaded', summary: model.summary() }, data ? results(core) : null);
      return;
    }
    default:
      throw new Error(`unknown message ${JSON.stringify(message?.type)}`);
  }
}

function requireModel() {
  if (!model || !coreNow) throw new Error('no network yet: train one or load a file');
}

async function loadData({ baseUrl }) {
  if (!data) {
    data = await loadMnist({
      baseUrl,
      onProgress: ({ received, total }) => self.postMessage({ type: 'data-progress', received, total }),
    });
  }
  // Copies, transferred (not cloned) so the page receives them without a long task.
  const testImages = data.test.images.slice();
  const testLabels = data.test.labels.slice();
  self.postMessage({ type: 'data', trainCount: data.train.count, testCount: data.test.count, testImages, testLabels },
    [testImages.buffer, testLabels.buffer]);
}

// Test accuracy, the classification report over the test set and the first layer's kernel.
function results(core) {
  const { test } = data;
  const evaluation = model.evaluateBytes(test.images, test.count, PIXELS, test.labels, CLASSES);
  const probs = model.predictBytes(test.images, test.count, PIXELS);
  const report = core.classificationReport(probs, test.count, CLASSES, test.labels, MISTAKES);
  return { evaluation, report, probs, kernel: model.weights(0) };
}

async function train(core, { spec, optimizer, settings, fit, trainSize, validation, signals = true }) {
  if (!data) throw new Error('the MNIST data is not loaded yet');
  if (run) throw busy('start');
  const next = core.newModel(spec, optimizer, settings);
  try {
    const n = Math.min(trainSize, data.train.count);
    next.setTrainingBytes(data.train.images.subarray(0, n * PIXELS), n, PIXELS, data.train.labels.subarray(0, n), CLASSES);
    if (validation === 'test') {
      next.setValidationBytes(data.test.images, data.test.count, PIXELS, data.test.labels, CLASSES);
    }
    next.startFit({ ...fit, validationSplit: validation === 'split' ? 0.1 : 0 });
  } catch (error) {
    next.delete();
    throw error;
  }
  model?.delete();
  model = next;
  self.postMessage({ type: 'started', parameters: model.parameterCount(), summary: model.summary(), build: coreBuild(), momentum: model.momentum() });
  run = { paused: false, stopping: false, step: false, started: performance.now(), pausedMs: 0, at: { epoch: 1, batch: 0, batchesPerEpoch: 1 },
    probe: signals ? probeRows(spec) : 0, signalsAt: -Infinity };
  let reason = 'finished';
  for (;;) {
    if (run.stopping) {
      model.stop();
      reason = 'stopped';
      break;
    }
    if (run.paused && !run.step) {
      const pausedAt = performance.now();
      await new Promise((resolve) => { run.wake = resolve; });
      run.wake = null;
      run.pausedMs += performance.now() - pausedAt;
      continue;
    }
    const single = run.paused;  // a 'step' while paused: one batch, then paused again
    run.step = false;
    const chunkStart = performance.now();
    const batches = [];
    let last = null;
    do {
      // About every SIGNALS_MS (and for a learner's single step), one batch is measured.
      const measured = run.probe > 0 && (single || performance.now() - run.signalsAt >= SIGNALS_MS);
      last = measured ? model.runBatchWithSignals(run.probe) : model.runBatches(1);
      if (measured) {
        run.signalsAt = performance.now();
        const layers = last.signals;
        delete last.signals;  // its histograms are transferred below; `last` is posted again
        self.postMessage({ type: 'signals', at: { epoch: last.epoch, batch: last.batch, batchesPerEpoch: last.batchesPerEpoch }, layers },
          layers.map((l) => l.histogram.buffer));
      }
      batches.push({ epoch: last.epoch, batch: last.batch, batchLoss: last.batchLoss, loss: last.loss, metric: last.metric });
      if (last.epochEnd) break;
    } while (!single && !last.done && Number.isFinite(last.batchLoss) && performance.now() - chunkStart < CHUNK_MS);
    run.at = { epoch: last.epoch, batch: last.batch, batchesPerEpoch: last.batchesPerEpoch };
    const elapsed = (performance.now() - run.started - run.pausedMs) / 1000;
    self.postMessage({ type: 'progress', batches, last, elapsed, samplesPerSecond: last.samplesSeen / elapsed });
    if (last.epochEnd) self.postMessage({ type: 'epoch', log: last.epochEnd });
    if (!Number.isFinite(last.batchLoss)) {
      model.stop();
      reason = 'diverged';
      break;
    }
    if (last.done) break;
    await yieldToMessages();
  }
  const history = model.history();
  run = null;
  let result = null;
  if (reason !== 'diverged') result = results(core);
  postResult({ type: 'done', reason, history }, result);
}

// A reply carrying results, their typed arrays transferred rather than cloned.
function postResult(message, result) {
  const buffers = result ? [result.probs, result.kernel.data, ...Object.values(result.report).filter(ArrayBuffer.isView)].map((a) => a.buffer) : [];
  self.postMessage({ ...message, result }, buffers);
}

