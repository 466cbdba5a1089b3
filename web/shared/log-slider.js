// A range input read on a log scale: position p of 0 … steps is the value 10^(lo + (hi − lo)·p/steps)
// (kept to `digits` significant digits when given), and back. Sliders for learning rates and
// penalties span decades; a linear slider would put them all in its first pixels.
export function logSlider({ lo, hi, steps = 1000, digits = 0 }) {
  return {
    value(p) {
      const v = 10 ** (lo + ((hi - lo) * p) / steps);
      return digits ? +v.toPrecision(digits) : v;
    },
    position: (v) => Math.round(((Math.log10(v) - lo) / (hi - lo)) * steps),
  };
}
