// Lesson 1's climber on a 2-D surface (spec as in descent.js, e.g. {surface: 'valleys'}).
import { caller } from './errors.js';

export function climbApi(Module) {
  const call = caller(Module);
  return {
    // {flatSlope, arrivalRadius}
    climbConstants: call('climbConstants'),
    // (spec, x, y) → {f, gx, gy, slope: |∇f|, nearest (minimum index, 0 = base camp), distance,
    // status: 'walking' | 'base_camp' | 'stuck' | 'flat'}
    climbSpot: call('climbSpot'),
    // (spec, x, y, halfWidth, samples) → {dx, dy (downhill unit direction), slope, s, f, tangent}
    crossSection: call('crossSection'),
    // (spec, x0, y0, lr, maxSteps) → {stepsToBaseCamp (-1 if not), steps, divergedAt, x, y, f, status}
    reachBaseCamp: call('reachBaseCamp'),
  };
}
