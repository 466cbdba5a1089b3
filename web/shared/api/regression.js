// The regression lesson's line report (lesson 3). The surface, its gradient, its grid, the
// least-squares line and descent over the points are in descent.js ({surface: 'regression', x, y}).
import { caller } from './errors.js';

export function regressionApi(Module) {
  const call = caller(Module);
  return {
    // A candidate line y = m·x + b against the points: {prediction: [ŷᵢ], residual: [ŷᵢ − yᵢ],
    // mse, fit: {m, b, mse}, distance: ‖(m, b) − (m*, b*)‖, mseGap: mse − fit.mse}.
    lineReport: call('lineReport'),
  };
}
