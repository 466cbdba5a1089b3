// The lesson's page skeleton (text comes from strings.js through data-i18n).
import { formatNumber } from '../../shared/format.js';

export const template = (surfaces, schedules, speeds, scenes) => `
  <h1 data-i18n="lesson.4.title"></h1>
  <p class="lead" data-i18n="l4.intro"></p>
  <section class="panel scenes" aria-labelledby="l4-scenes">
    <h2 id="l4-scenes" data-i18n="l4.scenes.title"></h2>
    <div class="scene-buttons">${scenes.map((s) => `<button type="button" data-scene="${s.id}" data-i18n="l4.scene.${s.id}"></button>`).join('')}</div>
    <p class="scene-text" data-out="scene" aria-live="polite" data-i18n="l4.scenes.hint"></p>
  </section>
  <section class="panel race" aria-labelledby="l4-race">
    <h2 id="l4-race" data-i18n="l4.race.title"></h2>
    <div class="controls">
      <label><span data-i18n="l4.surface"></span><select name="surface">${surfaces.map((s) => `<option value="${s}" data-i18n="l4.surface.${s}"></option>`).join('')}</select></label>
      <label><span data-i18n="l4.speed"></span><select name="speed">${speeds.map((v) => `<option value="${v}">${formatNumber(v)}</option>`).join('')}</select></label>
    </div>
    <div class="controls buttons">
      <button type="button" name="step" data-i18n="l4.step"></button>
      <button type="button" name="play" data-i18n="l4.play"></button>
      <button type="button" name="pause" data-i18n="l4.pause"></button>
      <button type="button" name="reset" class="secondary" data-i18n="l4.reset"></button>
      <output data-out="steps"></output>
    </div>
    <p class="hint"><span data-i18n="l4.click_hint"></span> <span class="formula-text" data-out="formula"></span></p>
    <div class="race-grid">
      <figure class="race-figure"><div class="chart race-plot"></div>
        <figcaption data-i18n="l4.plot_caption"></figcaption></figure>
      <figure class="loss-figure"><div class="chart loss-chart"></div>
        <figcaption data-out="chart-note"></figcaption></figure>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="message"></p>
    <div class="legend"></div>
    <p class="sr-only" aria-live="polite" data-out="summary"></p>
    <details class="numbers-box"></details>
  </section>
  <div class="l4-exercise"></div>
  <section class="panel" aria-labelledby="l4-racers">
    <h2 id="l4-racers" data-i18n="l4.racers.title"></h2>
    <p data-i18n="l4.racers.intro"></p>
    <div class="racers"></div>
    <p class="note" data-i18n="l4.racers.convention"></p>
  </section>
  <section class="panel" aria-labelledby="l4-sched">
    <h2 id="l4-sched" data-i18n="l4.sched.title"></h2>
    <p data-i18n="l4.sched.intro"></p>
    <div class="controls">
      <label><span data-i18n="l4.sched.kind"></span><select name="schedule">${schedules.map((s) => `<option value="${s}" data-i18n="l4.sched.${s}"></option>`).join('')}</select></label>
      <label data-param="step_size"><span>step_size</span><input name="step_size" type="text" inputmode="numeric" size="6"></label>
      <label data-param="gamma"><span>gamma</span><input name="gamma" type="text" inputmode="decimal" size="6"></label>
      <label data-param="decay"><span>decay</span><input name="decay" type="text" inputmode="decimal" size="6"></label>
      <span class="field-error" data-out="schedule-error" role="alert"></span>
    </div>
    <p class="formula-text" data-out="schedule-formula"></p>
  </section>
  <section class="panel stochastic" aria-labelledby="l4-sto"></section>`;
