// 2-D surfaces and optimizers walking them (lessons 1, 3, 4).
// A surface spec is {surface: 'bowl'} or {surface: 'regression', x: [...], y: [...]}; settings
// use torch.optim's names ({lr, momentum, nesterov, alpha, rho, eps, beta1, beta2, weight_decay,
// amsgrad, centered, lr_decay, initial_accumulator_value}); a schedule is null or
// {kind: 'step', step_size, gamma} | {kind: 'exponential', gamma} | {kind: 'inverse_time', decay}.
import { caller, construct, unwrap } from './errors.js';

export function descentApi(Module) {
  const call = caller(Module);
  return {
    // {name, formula, bounds: {xMin, xMax, yMin, yMax}, minima: [{x, y, f, label}], saddles, fit?}
    surfaceInfo: call('surfaceInfo'),
    // {f, gx, gy} at (x, y)
    surfaceAt: call('surfaceAt'),
    // f on an nx x ny grid over [x0, x1] x [y0, y1] (Float64Array, row j = y index).
    surfaceGrid: call('surfaceGrid'),
    // {m, b, mse} of the least-squares line through the points.
    leastSquares: call('leastSquares'),
    // The whole path {path: Float64Array [x, y, f, ...], divergedAt (-1 if not)}, exactly as
    // `basecamp descend` prints it.
    descend: (spec, optimizer, settings, x0, y0, steps, schedule = null) =>
      unwrap(Module.descend(spec, optimizer, settings ?? {}, x0, y0, steps, schedule)),
    // A walker for animation: step(n) → Float64Array of new rows, x(), y(), f(), steps(),
    // divergedAt(), lr(), grad(), state() ({momentum_buffer: [a, b], ...}), stepView() ({step,
    // effectiveLr: per-coordinate |Δθ|/|g| of the last step, velocity?, lookahead?}). Call .delete().
    newDescent(spec, optimizer, settings, x0, y0, schedule = null) {
      return construct(Module.Descent, spec, optimizer, settings ?? {}, x0, y0, schedule);
    },
  };
}
