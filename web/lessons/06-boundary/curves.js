// Training and test loss over the epochs (uPlot, as the other lessons), from lab.history().
import { createChart } from '../../shared/plot.js';
import { t } from '../../shared/i18n.js';

export function createCurves(container) {
  let chart = null;
  function make() {
    chart?.dispose();
    chart = createChart(container, {
      height: 220,
      scales: { x: { time: false } },
      axes: [{ label: t('bd.curves.epoch') }, {}],
      series: [{ label: t('bd.curves.epoch') }, { label: t('bd.train.train_loss'), stroke: '#1f6feb', width: 2 }, { label: t('bd.train.test_loss'), stroke: '#d1242f', width: 2, dash: [6, 4] }],
    }, [[0], [null], [null]]);
  }
  make();
  return {
    // history: {epoch, trainLoss, testLoss} typed arrays
    update(history) {
      const clean = (a) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
      chart.setData([Array.from(history.epoch), clean(history.trainLoss), clean(history.testLoss)]);
    },
    dispose() { chart?.dispose(); },
  };
}
