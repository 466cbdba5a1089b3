// Lesson 1 — the mountain climber. Starts in one dimension (a slope and a step downhill), then
// the night landscape with several valleys, then why nudging weights one at a time is too slow.
import { registerStrings, t } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { mountSlope1d } from './slope-1d.js';
import { mountClimber } from './climber.js';
import { mountOneWeight } from './one-weight.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);

// URL state of this lesson, one declarative table.
export const stateTable = {
  curve: { type: 'string', default: 'two_dips', choices: ['parabola', 'two_dips'] },
  x: { type: 'number', default: 3, min: -1e6, max: 1e6 },
  eta: { type: 'number', default: 0.05, min: 0, max: 100 },
  // The climber: position on the valleys map, step size, flashlight radius, daylight.
  cx: { type: 'number', default: -0.5, min: -6, max: 6 },
  cy: { type: 'number', default: 4.5, min: -6, max: 6 },
  ceta: { type: 'number', default: 0.1, min: 0.001, max: 100 },
  light: { type: 'number', default: 1.5, min: 0.3, max: 6 },
  day: { type: 'bool', default: false },
  // The one-weight-at-a-time panel's network, as typed.
  net: { type: 'string', default: '784,15,10' },
};

export function mount(root, { core }) {
  const state = { ...readState(stateTable), steps: 0 };
  const save = () => writeState(stateTable, state);
  root.insertAdjacentHTML('beforeend', `<h1>${t('lesson.1.title')}</h1><p class="lead">${t('l1.intro')}</p>`);
  const panel = (className) => {
    const box = document.createElement('div');
    box.className = `panel ${className}`;
    root.append(box);
    return box;
  };
  const cleanups = [
    mountSlope1d(panel('slope'), core, state, save),
    mountClimber(panel('climber'), core, state, save),
    mountOneWeight(panel('one-weight'), core, state, save),
  ];
  return () => cleanups.forEach((fn) => fn());
}
