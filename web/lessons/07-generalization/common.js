// What lesson 7's sections share: the data sizes, colours, and the scene of points and curves.
import { t } from '../../shared/i18n.js';

export const TRAIN_N = 11;   // the source's eleven points
export const VAL_N = 100;    // held-out points from the same curve, for the error curves
export const NOISE = 0.25;

export const COLORS = {
  train: '#0d1b2a', val: '#d1242f', truth: '#1a7f37', line: '#9a6700', lineVal: '#d4a72c',
  flex: '#1f5fbf', valCurve: '#d1242f', best: '#8250df', test: '#0a7b83',
};

// Points (training filled, held-out small hollow), the true curve dashed, then the given curves.
export function fitPlotScene(data, curves, core) {
  const truth = core.trueCurve(81);
  return {
    x: [-1, 1], y: [-2, 2], xTicks: [-1, -0.5, 0, 0.5, 1], xLabel: 'x', yLabel: 'y',
    lines: [{ x: truth.x, y: truth.y, color: COLORS.truth, dash: [5, 4], width: 1.5 }, ...curves],
    points: data ? [
      { x: data.val.x, y: data.val.y, color: '#afb8c1', r: 2.5 },
      { x: data.train.x, y: data.train.y, color: COLORS.train, fill: COLORS.train, r: 4.5 },
    ] : [],
  };
}

export function legend(items) {
  return items.map(([color, key, dash]) =>
    `<span class="l7-key"><i style="border-top:3px ${dash ? 'dashed' : 'solid'} ${color}"></i>${t(key)}</span>`).join('');
}
