// window.runConvnetjs({network, samples, repeats}): training samples/s of ConvNetJS 0.3.0 on
// random images, one sample at a time as its Trainer takes them (it updates once per batch).
//   network 'demo': its own MNIST demo (cs.stanford.edu/people/karpathy/convnetjs/demo/mnist.html):
//     24×24×1 crops → conv 5×5×8 pad 2 relu → pool 2 → conv 5×5×16 pad 2 relu → pool 3 → softmax 10,
//     adadelta, batch 20, l2 0.001, as the demo trains it.
//   network 'book': the Keras book's convnet (section 5.1): 28×28×1 → conv 3×3×32 relu → pool 2 →
//     conv 3×3×64 relu → pool 2 → conv 3×3×64 relu → dense 64 relu → softmax 10, batch 64.
//     ConvNetJS has no RMSprop: adadelta (the demo's method) stands in; the step is a small part
//     of a sample's work.
const NETWORKS = {
  demo: {
    input: 24,
    batch: 20,
    layers: [
      { type: 'conv', sx: 5, filters: 8, stride: 1, pad: 2, activation: 'relu' },
      { type: 'pool', sx: 2, stride: 2 },
      { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 2, activation: 'relu' },
      { type: 'pool', sx: 3, stride: 3 },
      { type: 'softmax', num_classes: 10 },
    ],
  },
  book: {
    input: 28,
    batch: 64,
    layers: [
      { type: 'conv', sx: 3, filters: 32, stride: 1, pad: 0, activation: 'relu' },
      { type: 'pool', sx: 2, stride: 2 },
      { type: 'conv', sx: 3, filters: 64, stride: 1, pad: 0, activation: 'relu' },
      { type: 'pool', sx: 2, stride: 2 },
      { type: 'conv', sx: 3, filters: 64, stride: 1, pad: 0, activation: 'relu' },
      { type: 'fc', num_neurons: 64, activation: 'relu' },
      { type: 'softmax', num_classes: 10 },
    ],
  },
};

window.runConvnetjs = ({ network = 'demo', samples = 200, repeats = 3 }) => {
  const def = NETWORKS[network];
  const net = new convnetjs.Net();
  net.makeLayers([{ type: 'input', out_sx: def.input, out_sy: def.input, out_depth: 1 }, ...def.layers]);
  const trainer = new convnetjs.Trainer(net, { method: 'adadelta', batch_size: def.batch, l2_decay: 0.001 });
  const images = Array.from({ length: 64 }, () => {
    const v = new convnetjs.Vol(def.input, def.input, 1, 0.0);
    for (let i = 0; i < v.w.length; i += 1) v.w[i] = Math.random();
    return v;
  });
  const train = (n) => { for (let i = 0; i < n; i += 1) trainer.train(images[i % images.length], i % 10); };
  train(def.batch);  // warm-up: the JIT, the optimizer's sums
  const runs = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    train(samples);
    runs.push(samples / ((performance.now() - start) / 1000));
  }
  const parameters = net.getParamsAndGrads().reduce((sum, pg) => sum + pg.params.length, 0);
  return { runs, threads: 1, parameters };
};
document.body.dataset.ready = 'convnetjs';
