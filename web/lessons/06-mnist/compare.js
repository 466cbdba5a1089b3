// "Compare optimizers": the network of the form trained once per chosen optimizer, one run after
// another, each from the same initial weights on the same batches in the same order (the core
// draws both from the seed: nn/model.hpp initialize, nn/trainer.hpp shuffles), on a subset, for
// one epoch; each run is kept (runs-store.js) and the comparison's runs are overlaid.
// One after another rather than interleaved batch by batch: one network in memory at a time, each
// run as fast as a single run, and each its own kept run, with its own time; the overlay shows
// them side by side once they have run. No DOM here.
import { hyperparameter, kerasMnist } from '../../shared/catalogue.js';
import { HYPERPARAMETERS, request } from './settings.js';

export const COMPARE_IMAGES = 10000;
export const COMPARE_EPOCHS = 1;

// Each choice: an optimizer with Keras's default learning rate (the lesson's runs are Keras's),
// momentum 0.9 where named. RMSprop is the sources' (the preset's settings).
export function compareChoices() {
  const preset = kerasMnist();
  const choices = [
    { id: 'sgd', optimizer: 'sgd', settings: { lr: 0.01 } },
    { id: 'momentum', optimizer: 'sgd', settings: { lr: 0.01, momentum: 0.9 } },
    { id: 'nesterov', optimizer: 'sgd', settings: { lr: 0.01, momentum: 0.9, nesterov: 1 } },
    { id: 'adagrad', optimizer: 'adagrad', settings: { lr: 0.01 } },
    { id: 'rmsprop', optimizer: 'rmsprop', settings: preset.optimizer === 'rmsprop' ? { ...preset.settings } : { lr: 0.001 } },
    { id: 'adadelta', optimizer: 'adadelta', settings: { lr: 1 } },
    { id: 'adam', optimizer: 'adam', settings: { lr: 0.001 } },
  ];
  // Only what the core has (a setting it does not know would be refused).
  return choices.filter((c) => Object.keys(c.settings).every((name) => hyperparameter(c.optimizer, name)));
}
export const COMPARE_DEFAULT = ['sgd', 'momentum', 'rmsprop', 'adam'];

// The requests of a comparison: the form's network, batch size, initializer, seed; the chosen
// optimizers; COMPARE_IMAGES images, COMPARE_EPOCHS epoch, no validation pass (the test set is
// evaluated at each run's end).
export function compareRequests(state, chosenIds) {
  const base = request(state);
  return compareChoices().filter((c) => chosenIds.includes(c.id)).map((c) => ({
    id: c.id,
    // The lesson's starting values for what the choice leaves out (so a run's settings are whole).
    request: {
      ...base, optimizer: c.optimizer, settings: { ...HYPERPARAMETERS[c.optimizer], ...c.settings },
      fit: { ...base.fit, epochs: COMPARE_EPOCHS },
      trainSize: Math.min(COMPARE_IMAGES, state.train), validation: 'none',
    },
  }));
}
