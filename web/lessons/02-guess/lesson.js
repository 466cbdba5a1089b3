// Lesson 2 — why not guess? Counting the guesses blind search needs (k^N), a network builder,
// pictures of grids in 2-D and 3-D, the share a budget covers, and a race against descent.
import { applyStrings, registerStrings } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { mountCountPanel } from './count-panel.js';
import { mountNetworkPanel } from './network-panel.js';
import { mountSamplingPictures } from './sampling-pictures.js';
import { mountCoverage } from './coverage-chart.js';
import { mountRace } from './race-panel.js';
import { mountGuessExercise } from './exercise.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);

// URL state of this lesson, one declarative table.
export const stateTable = {
  k: { type: 'int', default: 10, min: 1, max: 1e6 },
  n: { type: 'int', default: 3, min: 0, max: 1e12 },
  gps: { type: 'number', default: 1e9, min: 1, max: 1e18 },
  layers: { type: 'string', default: '784,15,10' },
  budget: { type: 'int', default: 1000, min: 10, max: 100000 },
  seed: { type: 'int', default: 1, min: 0, max: 4294967295 },
  cost: { type: 'string', default: 'backprop', choices: ['backprop', 'finite_differences'] },
  rot: { type: 'int', default: 35, min: 0, max: 359 },
};

export function mount(root, { core }) {
  const state = readState(stateTable);
  const save = () => writeState(stateTable, state);
  root.insertAdjacentHTML('beforeend', '<h1 data-i18n="l2.title"></h1><p class="lead" data-i18n="l2.intro"></p>');
  applyStrings(root);
  const panel = (className) => {
    const box = document.createElement('div');
    box.className = `panel ${className}`;
    root.append(box);
    return box;
  };
  const countBox = panel('count');
  const netBox = panel('network');
  const picsBox = panel('pictures');
  const coverBox = panel('coverage-panel');
  const raceBox = panel('race-panel');

  let net = null, pics = null, cover = null;
  // k, N or the rate changed: everything that depends on them redraws.
  const onCount = () => { net?.render(); pics?.render(); cover?.render(); save(); };
  mountCountPanel(countBox, core, state, onCount);
  net = mountNetworkPanel(netBox, core, state, save);
  pics = mountSamplingPictures(picsBox, core, state, save);
  // The exercise follows the network builder, where the same counts are made.
  const exercise = mountGuessExercise(root, netBox, core, state);
  let race = null;
  // The budget is shared by the coverage chart and the race; the race reruns a frame later so
  // that the slider stays responsive while it is dragged.
  let pending = 0;
  cover = mountCoverage(coverBox, core, state, () => {
    cover.render();
    save();
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => race.render());
  });
  race = mountRace(raceBox, core, state, save);
  return () => {
    cancelAnimationFrame(pending);
    cover.dispose();
    race.dispose();
    exercise.destroy();
  };
}
