// The core's catalogue (wasm/catalogue.hpp), kept here once the core is loaded (core-api.js):
// the optimizers with each hyperparameter's default and limits, the schedules, the name lists,
// the presets (the Keras MNIST run) and the error codes. The lessons build their forms from it
// and write no default or limit of the core again.
let current = null;

export function setCatalogue(catalogue) { current = catalogue; }

export function catalogue() {
  if (!current) throw new Error('the catalogue is read before the core is loaded');
  return current;
}

// {name, label, hyperparameters: [{name, default, min, max, minOpen, maxOpen, flag, integer}]}
export function optimizerInfo(name) {
  return catalogue().optimizers.find((o) => o.name === name);
}

// One hyperparameter of one optimizer (undefined if it has none of that name).
export function hyperparameter(optimizer, name) {
  return optimizerInfo(optimizer)?.hyperparameters.find((h) => h.name === name);
}

// The Keras MNIST run of lesson 6 (nn/presets.hpp), and the Keras book's convnet on MNIST
// ({…, image: [28, 28, 1], features: [{conv2d, kernel, …}, {maxpool2d}, …, {flatten}]}).
export function kerasMnist() { return catalogue().presets.kerasMnist; }
export function kerasConvnet() { return catalogue().presets.kerasConvnet; }
