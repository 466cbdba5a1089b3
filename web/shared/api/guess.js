// Lesson 2's arithmetic and race: k^N guesses (exact digits while small, a power of ten always),
// the time they take, the share a budget covers, network sizes, random search vs descent.
import { caller } from './errors.js';

export function guessApi(Module) {
  const call = caller(Module);
  return {
    // {log10Atoms, ageOfUniverseSeconds, secondsPerYear, maxExactDigits, maxSegments, maxRaceBudget}
    guessConstants: call('guessConstants'),
    // (k, n, guessesPerSecond) → {k, n, log10, exact ('' when huge), digits, mantissa, exponent,
    // powerOfTen, log10Seconds, seconds (Infinity when huge), log10Years, log10UniverseAges, log10VsAtoms}
    guessReport: call('guessReport'),
    // (budget, k, nMax) → Float64Array of log10(share covered) for N = 1 … nMax
    guessCoverage: call('guessCoverage'),
    // (sizes: number[], NaN for what was not a number) → {problem: 'none' | 'too_few_layers' |
    // 'too_many_layers' | 'not_a_number' | 'not_an_integer' | 'not_positive' | 'too_wide' |
    // 'too_many_parameters', index}
    checkLayers: call('checkLayers'),
    // (sizes) → {weights, biases, parameters, layers: [{inputs, outputs, weights, biases}]}
    countParameters: call('countParameters'),
    // parameters → forward passes to probe each one up and down once (2·P)
    probeForwardPasses: call('probeForwardPasses'),
    // (n, budget, seed, 'backprop' | 'finite_differences') → {n, budget, step, evalsPerStep,
    // descentSteps, randomBest: Float64Array, descentBest: Float64Array}
    guessRace: call('guessRace'),
  };
}
