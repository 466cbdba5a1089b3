// The text alternative of the picture: the epoch, how much of the plane each class holds (from
// the output heatmap), the test accuracy and where the wrong test points lie (a 3 x 3 grid of
// the plane). Every number from the core's heatmap and predictions.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { classAt } from './colors.js';

const REGIONS = [['top-left', 'top', 'top-right'], ['left', 'center', 'right'], ['bottom-left', 'bottom', 'bottom-right']];

export function describe({ maps, data, record, predicted, lo, hi }) {
  const classes = data.classes;
  if (classes === 0) return t('bd.summary.regression', { epoch: record.epoch, loss: formatNumber(record.testLoss) });
  const out = maps.layers[maps.layers.length - 1];
  const n = maps.size;
  const counts = new Array(classes).fill(0);
  for (let i = 0; i < n * n; i++) counts[classAt(out, i, n, classes)]++;
  const shares = counts.map((c, k) => t('bd.summary.share', { pct: Math.round((100 * c) / (n * n)), name: data.classNames[k] })).join(', ');
  const parts = [t('bd.summary.classes', { epoch: record.epoch, k: classes, shares })];
  const test = data.test;
  if (test.x1.length > 0 && predicted) {
    const where = new Array(9).fill(0);
    let wrong = 0;
    for (let i = 0; i < test.x1.length; i++) {
      if (predicted[i] === test.label[i]) continue;
      wrong++;
      const c = Math.min(2, Math.max(0, Math.floor(((test.x1[i] - lo) / (hi - lo)) * 3)));
      const r = Math.min(2, Math.max(0, Math.floor(((hi - test.x2[i]) / (hi - lo)) * 3)));
      where[r * 3 + c]++;
    }
    parts.push(t('bd.summary.accuracy', { acc: formatNumber(100 * record.testAccuracy, 3), wrong, n: test.x1.length }));
    if (wrong === 0) parts.push(t('bd.summary.no_errors'));
    else {
      const most = where.indexOf(Math.max(...where));
      parts.push(t('bd.summary.errors_where', { where: t(`bd.where.${REGIONS[Math.floor(most / 3)][most % 3]}`) }));
    }
  } else {
    parts.push(t('bd.summary.train_accuracy', { acc: formatNumber(100 * record.trainAccuracy, 3) }));
  }
  return parts.join(' ');
}
