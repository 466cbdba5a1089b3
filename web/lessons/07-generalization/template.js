// The lesson's page skeleton (text comes from strings.js through data-i18n).
import { COLORS, legend } from './common.js';

const options = (values, label = String) => values.map((v) => `<option value="${v}">${label(v)}</option>`).join('');
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const readout = (items) => `<dl class="readout">${items.map(([key, out]) => `<div><dt data-i18n="${key}"></dt><dd data-out="${out}">–</dd></div>`).join('')}</dl>`;

export const template = () => `
  <h1 data-i18n="lesson.7.title"></h1>
  <p class="lead" data-i18n="l7.intro"></p>

  <section class="panel" aria-labelledby="l7-s1">
    <h2 id="l7-s1" data-i18n="l7.s1.title"></h2>
    <p data-i18n="l7.s1.text"></p>
    <div class="controls">
      <label><span data-i18n="l7.s1.degree"></span><select name="deg">${options(range(3, 15))}</select></label>
      <button type="button" name="seed" data-i18n="l7.s1.new_points"></button>
      <label class="l7-wide"><span><span data-i18n="l7.s1.time"></span> <output data-out="t"></output></span>
        <input type="range" name="t" min="0" max="200" step="1"></label>
      <button type="button" name="best" class="secondary" data-i18n="l7.s1.go_best"></button>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="s1-status"></p>
    <div class="l7-two">
      <figure><div class="l7-fit1"></div><figcaption>${legend([[COLORS.train, 'l7.key.train_points'], [COLORS.truth, 'l7.key.truth', true], [COLORS.line, 'l7.key.line'], [COLORS.flex, 'l7.key.flex']])}</figcaption></figure>
      <figure><div class="l7-err1"></div><figcaption>${legend([[COLORS.flex, 'l7.key.train_err'], [COLORS.val, 'l7.key.val_err'], [COLORS.line, 'l7.key.line_train', true], [COLORS.lineVal, 'l7.key.line_val', true], [COLORS.best, 'l7.key.best', true]])}</figcaption></figure>
    </div>
    ${readout([['l7.s1.train', 's1-train'], ['l7.s1.val', 's1-val'], ['l7.s1.line_train', 's1-line-train'], ['l7.s1.line_val', 's1-line-val'], ['l7.s1.best_step', 's1-best-step'], ['l7.s1.best_val', 's1-best-val'], ['l7.s1.final_train', 's1-final-train'], ['l7.s1.final_val', 's1-final-val']])}
    <p class="sr-only" aria-live="polite" data-out="s1-summary"></p>
    <p class="note" data-i18n="l7.s1.note"></p>
  </section>

  <section class="panel" aria-labelledby="l7-s2">
    <h2 id="l7-s2" data-i18n="l7.s2.title"></h2>
    <p data-i18n="l7.s2.text"></p>
    <div class="controls">
      <label><span><span data-i18n="l7.s2.train_share"></span> <output data-out="tr"></output></span><input type="range" name="tr" min="20" max="80" step="5"></label>
      <label><span><span data-i18n="l7.s2.val_share"></span> <output data-out="va"></output></span><input type="range" name="va" min="0" max="40" step="5"></label>
      <span><span data-i18n="l7.s2.test_share"></span> <output data-out="te"></output></span>
      <button type="button" name="shuffle" class="secondary" data-i18n="l7.s2.shuffle"></button>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="s2-message"></p>
    <div class="l7-two">
      <figure><div class="l7-pool"></div><figcaption>${legend([[COLORS.train, 'l7.key.train_set'], [COLORS.val, 'l7.key.val_set'], [COLORS.test, 'l7.key.test_set'], [COLORS.flex, 'l7.key.chosen']])}</figcaption></figure>
      <figure><div class="l7-scan"></div><figcaption>${legend([[COLORS.train, 'l7.key.train_err'], [COLORS.val, 'l7.key.val_err'], [COLORS.best, 'l7.key.best_degree', true]])}</figcaption></figure>
    </div>
    ${readout([['l7.s2.n_train', 'n-train'], ['l7.s2.n_val', 'n-val'], ['l7.s2.n_test', 'n-test'], ['l7.s2.best', 's2-best'], ['l7.s2.best_val', 's2-best-val']])}
    <p class="sr-only" aria-live="polite" data-out="s2-summary"></p>
    <div class="controls"><button type="button" name="test" data-i18n="l7.s2.look_test"></button></div>
    <p class="message" role="status" aria-live="polite" data-out="s2-test"></p>
    <p class="note" data-i18n="l7.s2.once"></p>
    <h3 data-i18n="l7.s2.cv_title"></h3>
    <p data-i18n="l7.s2.cv_text"></p>
    <div class="controls">
      <label><span>k</span><select name="k">${options(range(2, 10))}</select></label>
      <label><span data-i18n="l7.s2.cv_degree"></span><select name="cvdeg">${options(range(1, 12))}</select></label>
      <button type="button" name="cv" data-i18n="l7.s2.run_cv"></button>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="cv"></p>
    <div class="l7-two">
      <div class="l7-folds"></div>
      <table class="l7-fold-table"><thead><tr><th data-i18n="l7.s2.col.fold"></th><th data-i18n="l7.s2.col.ntrain"></th><th data-i18n="l7.s2.col.nval"></th><th data-i18n="l7.s2.col.train"></th><th data-i18n="l7.s2.col.val"></th></tr></thead><tbody></tbody></table>
    </div>
  </section>
  <div class="l7-exercise"></div>

  <section class="panel" aria-labelledby="l7-s3">
    <h2 id="l7-s3" data-i18n="l7.s3.title"></h2>
    <p data-i18n="l7.s3.text"></p>
    <div class="l7-formula" data-out="s3-formula"></div>
    <div class="controls">
      <label><span data-i18n="l7.s3.kind"></span><select name="pen"><option value="l2" data-i18n="l7.s3.l2"></option><option value="l1" data-i18n="l7.s3.l1"></option></select></label>
      <label class="l7-wide"><span>λ = <output data-out="lam"></output></span><input type="range" name="lam" min="0" max="50" step="1"></label>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="s3-status"></p>
    <div class="l7-two">
      <figure><div class="l7-fit3"></div><figcaption>${legend([[COLORS.train, 'l7.key.train_points'], [COLORS.truth, 'l7.key.truth', true], [COLORS.flex, 'l7.key.net']])}</figcaption></figure>
      <figure><div class="l7-hist3"></div><figcaption data-i18n="l7.s3.hist_caption"></figcaption></figure>
    </div>
    <div class="l7-formula" data-out="s3-numbers"></div>
    ${readout([['l7.s1.train', 's3-train'], ['l7.s1.val', 's3-val'], ['l7.s3.penalty', 's3-penalty']])}
    <p class="sr-only" aria-live="polite" data-out="s3-summary"></p>
    <p class="note" data-i18n="l7.s3.note"></p>
  </section>

  <section class="panel" aria-labelledby="l7-s4">
    <h2 id="l7-s4" data-i18n="l7.s4.title"></h2>
    <p data-i18n="l7.s4.text"></p>
    <div class="controls">
      <label class="l7-wide"><span><span data-i18n="l7.s4.rate"></span> <output data-out="drop"></output></span><input type="range" name="drop" min="0" max="0.6" step="0.05"></label>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="s4-status"></p>
    <div class="l7-two">
      <figure><div class="l7-err4"></div><figcaption>${legend([[COLORS.train, 'l7.key.train_plain', true], [COLORS.val, 'l7.key.val_plain', true], [COLORS.train, 'l7.key.train_drop'], [COLORS.val, 'l7.key.val_drop']])}</figcaption></figure>
      <figure><div class="l7-fit4"></div><figcaption>${legend([[COLORS.truth, 'l7.key.truth', true], [COLORS.line, 'l7.key.net_plain', true], [COLORS.flex, 'l7.key.net_drop']])}</figcaption></figure>
    </div>
    ${readout([['l7.s4.plain_train', 's4-plain-train'], ['l7.s4.plain_val', 's4-plain-val'], ['l7.s4.drop_train', 's4-drop-train'], ['l7.s4.drop_val', 's4-drop-val']])}
    <p class="sr-only" aria-live="polite" data-out="s4-summary"></p>
    <p class="note" data-i18n="l7.s4.note"></p>
  </section>

  <section class="panel" aria-labelledby="l7-s5">
    <h2 id="l7-s5" data-i18n="l7.s5.title"></h2>
    <p data-i18n="l7.s5.text"></p>
    <div class="controls">
      <label><span data-i18n="l7.s5.rule"></span><select name="rule">${['normal_0.01', 'normal_1', 'xavier', 'he'].map((r) => `<option value="${r}" data-i18n="l7.s5.rule.${r}"></option>`).join('')}</select></label>
      <label><span data-i18n="l7.s5.act"></span><select name="act">${['sigmoid', 'tanh', 'relu'].map((a) => `<option value="${a}">${a}</option>`).join('')}</select></label>
      <span>σ = <output data-out="sigma"></output></span>
    </div>
    <div class="l7-layers"></div>
    <p class="message" role="status" aria-live="polite" data-out="s5-note"></p>
    <p class="note" data-i18n="l7.s5.legend"></p>
  </section>`;
