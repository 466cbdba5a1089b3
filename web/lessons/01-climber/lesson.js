// Lesson 1 — the mountain climber. Starts in one dimension (a slope and a step downhill).
import { registerStrings } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { mountSlope1d } from './slope-1d.js';
import { strings } from './strings.js';

registerStrings(strings);

// URL state of this lesson, one declarative table.
export const stateTable = {
  curve: { type: 'string', default: 'two_dips', choices: ['parabola', 'two_dips'] },
  x: { type: 'number', default: 3, min: -1e6, max: 1e6 },
  eta: { type: 'number', default: 0.05, min: 0, max: 100 },
};

export function mount(root, { core }) {
  const state = { ...readState(stateTable), steps: 0 };
  const slopeBox = document.createElement('div');
  slopeBox.className = 'panel';
  root.append(slopeBox);
  return mountSlope1d(slopeBox, core, state, (s) => writeState(stateTable, s));
}
