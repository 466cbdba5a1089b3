// window.runTfjs({backend, model, batches, repeats}): samples/s of model.fit on random data, one
// warm-up fit first, for
//   model 'mlp': 784 → 512 relu → 128 relu → 10 softmax, batch 128;
//   model 'convnet': the Keras book's convnet (28×28×1 → conv 3×3×32 relu → pool 2 → conv 3×3×64
//     relu → pool 2 → conv 3×3×64 relu → flatten → dense 64 relu → 10 softmax), batch 64;
// categorical cross-entropy, RMSprop with Keras's settings (lr 1e-3, rho 0.9, epsilon 1e-7).
function layersOf(model) {
  if (model === 'convnet') {
    return [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ];
  }
  return [
    tf.layers.dense({ inputShape: [784], units: 512, activation: 'relu' }),
    tf.layers.dense({ units: 128, activation: 'relu' }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ];
}

window.runTfjs = async ({ backend, model: kind = 'mlp', batches = 10, repeats = 5 }) => {
  tf.wasm.setWasmPaths(new URL('./', location.href).href);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to start`);
  await tf.ready();
  const batch = kind === 'convnet' ? 64 : 128;
  const inputShape = kind === 'convnet' ? [28, 28, 1] : [784];
  const model = tf.sequential({ layers: layersOf(kind) });
  model.compile({
    optimizer: tf.train.rmsprop(1e-3, 0.9, 0, 1e-7),
    loss: 'categoricalCrossentropy',
  });
  const x = tf.randomUniform([batches * batch, ...inputShape]);
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
  const parameters = model.countParams();
  x.dispose(); y.dispose(); model.dispose();
  return { runs, threads, backend: tf.getBackend(), parameters };
};
document.body.dataset.ready = 'tfjs';
