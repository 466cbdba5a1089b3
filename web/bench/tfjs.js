// window.runTfjs({backend, batches, repeats}): samples/s of model.fit on random data for the
// network 784 → 512 relu → 128 relu → 10 softmax, categorical cross-entropy, RMSprop (Keras's
// settings: lr 1e-3, rho 0.9, epsilon 1e-7), batch 128, one warm-up fit first.
window.runTfjs = async ({ backend, batches = 10, repeats = 5 }) => {
  tf.wasm.setWasmPaths(new URL('./', location.href).href);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to start`);
  await tf.ready();
  const batch = 128;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 512, activation: 'relu' }),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({
    optimizer: tf.train.rmsprop(1e-3, 0.9, 0, 1e-7),
    loss: 'categoricalCrossentropy',
  });
  const x = tf.randomUniform([batches * batch, 784]);
  const y = tf.oneHot(tf.randomUniform([batches * batch], 0, 10, 'int32'), 10);
  const fit = () => model.fit(x, y, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
  await fit();
  const runs = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    await fit();
    runs.push((batches * batch) / ((performance.now() - start) / 1000));
  }
  const threads = backend === 'wasm' && tf.wasm.getThreadsCount ? tf.wasm.getThreadsCount() : 1;
  x.dispose(); y.dispose(); model.dispose();
  return { runs, threads, backend: tf.getBackend() };
};
document.body.dataset.ready = 'tfjs';
