// An exercise with a checkable answer, the same in every lesson: a task, an answer field (a
// number, a choice, or none when the answer is the lesson's current state), a "Check" button,
// a hint shown on request, and the verdict in a live region. The lesson supplies the texts
// (already translated) and check(answer) → {ok, message}, computed from the core's numbers.
import { parseNumber } from './number-field.js';
import { t } from './i18n.js';

let counter = 0;

// options: {title, task, hint, answer: {kind: 'number' | 'choice' | 'none', label?, choices?:
//   [{value, label}]}, check(answer) → {ok: boolean, message: string}}
// Returns {element, check(): runs the check as the button does, destroy()}.
export function mountExercise(container, options) {
  const id = `exercise-${++counter}`;
  const section = document.createElement('section');
  section.className = 'panel exercise';
  section.setAttribute('aria-labelledby', `${id}-title`);
  const answer = options.answer ?? { kind: 'none' };
  let field = '';
  if (answer.kind === 'number') {
    field = `<label class="exercise-answer">${answer.label}<input type="text" inputmode="decimal" name="answer" autocomplete="off"></label>`;
  } else if (answer.kind === 'choice') {
    field = `<label class="exercise-answer">${answer.label}<select name="answer">${answer.choices
      .map((c) => `<option value="${c.value}">${c.label}</option>`).join('')}</select></label>`;
  }
  section.innerHTML = `<h2 id="${id}-title">${options.title}</h2><p class="exercise-task keep">${options.task}</p>` +
    `<div class="exercise-row">${field}<button type="button" name="check">${t('exercise.check')}</button>` +
    `<button type="button" name="hint" class="secondary" aria-expanded="false" aria-controls="${id}-hint">${t('exercise.hint')}</button></div>` +
    `<p id="${id}-hint" class="exercise-hint keep" hidden>${options.hint}</p>` +
    `<p class="exercise-verdict" role="status" aria-live="polite"></p>`;
  container.append(section);

  const input = section.querySelector('[name=answer]');
  const verdict = section.querySelector('.exercise-verdict');
  const hintButton = section.querySelector('[name=hint]');
  const hint = section.querySelector('.exercise-hint');

  function check() {
    let value = null;
    if (answer.kind === 'number') {
      value = parseNumber(input.value.replace(/,/g, ''));  // thousands separators as the page prints them
      if (!Number.isFinite(value)) {
        verdict.textContent = t('exercise.not_a_number');
        verdict.dataset.result = 'invalid';
        return;
      }
    } else if (answer.kind === 'choice') {
      value = input.value;
    }
    const { ok, message } = options.check(value);
    verdict.textContent = `${ok ? t('exercise.right') : t('exercise.not_yet')} ${message}`;
    verdict.dataset.result = ok ? 'right' : 'wrong';
  }

  section.querySelector('[name=check]').addEventListener('click', check);
  input?.addEventListener('keydown', (e) => { if (e.key === 'Enter') check(); });
  hintButton.addEventListener('click', () => {
    hint.hidden = !hint.hidden;
    hintButton.setAttribute('aria-expanded', String(!hint.hidden));
  });
  return { element: section, check, destroy: () => section.remove() };
}
