// The live momentum field, beside the live learning rate: shown while a run goes on whose
// optimizer keeps a momentum buffer (SGD or RMSprop made with momentum > 0: the worker's
// 'started' reply says so), it sends {type: 'set-momentum'} and, when the worker confirms
// ('momentum-set'), marks the charts where the new momentum starts. The core checks the value
// (≥ 0, Nesterov's rule) and the page words its coded error (session.run.liveError).
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { parseNumber } from '../../shared/number-field.js';

// root: the lesson; charts: training-charts.js; xOf(from) → epochs on the charts; post(message)
// to the worker; say(text) shows a message in the live line (a warning).
export function createLiveMomentum(root, { charts, xOf, post, say }) {
  const field = root.querySelector('[data-out="live-momentum-field"]');
  const input = root.querySelector('[name="live-momentum"]');
  const apply = root.querySelector('[name="apply-momentum"]');
  const list = root.querySelector('[data-out="momentum-changes"]');
  const mark = (change) => charts.mark(xOf(change.from), t('l6.live.momentum_mark', { momentum: formatNumber(change.momentum, 4) }));

  function send() {
    const text = input.value;
    const momentum = parseNumber(text);
    if (!Number.isFinite(momentum)) {
      say(t('l6.live.bad', { text: text.trim() }));
      return;
    }
    post({ type: 'set-momentum', momentum });
  }
  const onKey = (e) => { if (e.key === 'Enter' && !apply.disabled) send(); };
  apply.addEventListener('click', send);
  input.addEventListener('keydown', onKey);

  return {
    // A new run (session.js startRun cleared its changes): the field starts at the run's own
    // momentum (settings), hidden until 'started' says the optimizer has one.
    reset(run) {
      input.value = String(run.request.settings.momentum ?? '');
    },
    render(run) {
      const active = run.status === 'running' || run.status === 'paused';
      const has = typeof run.momentum === 'number';
      field.hidden = !has;
      apply.hidden = !has;
      apply.disabled = !(has && active);
      list.innerHTML = (run.momentumChanges ?? []).map((c) => `<li>${t('l6.live.momentum_change', {
        momentum: formatNumber(c.momentum, 4), epoch: c.from.epoch, batch: c.from.batch, x: formatNumber(xOf(c.from), 3) })}</li>`).join('');
    },
    // The worker confirmed a change: its mark on the charts.
    changed(run) { mark(run.momentumChanges.at(-1)); },
    // A remount during or after a run: the marks and the field's value again.
    replay(run) {
      for (const change of run.momentumChanges ?? []) mark(change);
      const last = run.momentumChanges?.at(-1)?.momentum ?? run.momentum;
      if (typeof last === 'number') input.value = String(last);
    },
    dispose() {
      apply.removeEventListener('click', send);
      input.removeEventListener('keydown', onKey);
    },
  };
}
