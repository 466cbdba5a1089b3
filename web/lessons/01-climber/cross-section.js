// The ground under the climber's feet: heights along the steepest way down (from the core's
// crossSection), with the slope drawn as the tangent line. A small uPlot chart.
import { createChart } from '../../shared/plot.js';
import { t } from '../../shared/i18n.js';

export function createCrossSection(container) {
  let chart = null;
  function build(section) {
    const s = Array.from(section.s);
    chart = createChart(container, {
      height: 200,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [s[0], s[s.length - 1]] }, y: { auto: true } },
      axes: [{ label: t('l1.climb.section.axis') }, { label: t('l1.climb.section.height'), size: 60 }],
      series: [
        {},
        { label: t('l1.climb.section.ground'), stroke: '#1f6feb', width: 2 },
        { label: t('l1.climb.section.tangent'), stroke: '#d1242f', width: 1.5, dash: [6, 4] },
        { label: t('l1.climb.section.here'), stroke: '#111', width: 0, paths: () => null,
          points: { show: true, size: 12, width: 2, stroke: '#111', fill: '#ffd43b' } },
      ],
    }, data(section));
  }
  // Only the middle sample (s = 0, the climber) carries the point; the tangent is kept short.
  function data(section) {
    const n = section.s.length;
    const mid = (n - 1) / 2;
    const here = Array.from(section.f, (f, k) => (k === mid ? f : null));
    const tangent = Array.from(section.tangent, (v, k) => (Math.abs(k - mid) <= n / 4 ? v : null));
    return [Array.from(section.s), Array.from(section.f), tangent, here];
  }
  return {
    update(section) {
      if (!chart) build(section);
      else chart.setData(data(section));
    },
    dispose() { chart?.dispose(); },
  };
}
