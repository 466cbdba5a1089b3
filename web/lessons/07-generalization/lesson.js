// Lesson 7 — generalization: overfitting against training time (section 1), train/validation/
// test and k-fold cross-validation (2), L2/L1 penalties (3), dropout (4) and weight
// initialization (5). Every number comes from the wasm core (src/generalize over src/nn); this
// controller builds the page, owns the URL state and wires the five section components.
import { applyStrings, registerStrings } from '../../shared/i18n.js';
import { createUrlWriter, readState } from '../../shared/url-state.js';
import { createOverfit } from './overfit.js';
import { createSplitPanel } from './split-panel.js';
import { createPenaltyPanel } from './penalty-panel.js';
import { createDropoutPanel } from './dropout-panel.js';
import { createInitPanel } from './init-panel.js';
import { mountDegreeExercise } from './degree-exercise.js';
import { template } from './template.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);

// URL state, one declarative table. t = −1 shows the last training step.
export const stateTable = {
  seed: { type: 'int', default: 1, min: 1, max: 1e6 },
  deg: { type: 'int', default: 10, min: 3, max: 15 },
  t: { type: 'int', default: -1, min: -1, max: 200 },
  tr: { type: 'int', default: 60, min: 20, max: 80 },
  va: { type: 'int', default: 20, min: 0, max: 40 },
  split: { type: 'int', default: 1, min: 1, max: 1e6 },
  k: { type: 'int', default: 5, min: 2, max: 10 },
  cvdeg: { type: 'int', default: 3, min: 1, max: 12 },
  pen: { type: 'string', default: 'l2', choices: ['l2', 'l1'] },
  lam: { type: 'number', default: 0.001, min: 0, max: 1 },
  drop: { type: 'number', default: 0.3, min: 0, max: 0.6 },
  rule: { type: 'string', default: 'xavier', choices: ['normal_0.01', 'normal_1', 'xavier', 'he'] },
  act: { type: 'string', default: 'sigmoid', choices: ['sigmoid', 'tanh', 'relu'] },
};

export function mount(root, { core }) {
  const state = readState(stateTable);
  // The share sliders move in 5 % steps and cannot add up past 100 %: tidy a hand-edited URL.
  state.tr = Math.round(state.tr / 5) * 5;
  state.va = Math.round(state.va / 5) * 5;
  if (state.tr + state.va > 100) state.va = 100 - state.tr;
  root.innerHTML = template();
  applyStrings(root);

  const url = createUrlWriter(stateTable, state, '7');
  const changed = url.save;

  const overfit = createOverfit(root, core, state, changed, () => { penalty.retrain(); dropout.retrain(); });
  const split = createSplitPanel(root, core, state, changed);
  const penalty = createPenaltyPanel(root, core, state, changed, overfit.data);
  const dropout = createDropoutPanel(root, core, state, changed, overfit.data);
  const init = createInitPanel(root, core, state, changed);
  const exercise = mountDegreeExercise(root.querySelector('.l7-exercise'), split);

  return () => {
    url.dispose();
    exercise.destroy();
    for (const part of [overfit, split, penalty, dropout, init]) part.dispose();
  };
}
