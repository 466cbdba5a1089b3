// The lesson's markup; every text is filled from strings.js by applyStrings.
const field = (name, key, input) => `<label><span data-i18n="l6.field.${key}"></span>${input}</label>`;
const select = (name) => `<select name="${name}"></select>`;
// A chart with its title, described for screen readers (the plot itself is a canvas).
const chart = (out, title, aria) => `<div><h3 data-i18n="${title}"></h3><div class="chart" data-out="${out}" role="img" data-i18n-aria-label="${aria}"></div></div>`;
const text = (name, mode = 'decimal') => `<input type="text" name="${name}" inputmode="${mode}" autocomplete="off" spellcheck="false">`;

export const template = `
<h1 data-i18n="l6.title"></h1>
<p data-i18n="l6.intro"></p>
<p data-i18n="l6.intro2"></p>

<section class="panel" aria-labelledby="l6-data-h">
  <h2 id="l6-data-h" data-i18n="l6.data.title"></h2>
  <progress data-out="data-progress" max="1" value="0" aria-labelledby="l6-data-h"></progress>
  <p class="message" data-out="data-status" role="status"></p>
</section>

<section class="panel" aria-labelledby="l6-settings-h">
  <h2 id="l6-settings-h" data-i18n="l6.settings.title"></h2>
  <p class="hint" data-i18n="l6.settings.hint"></p>
  <div class="controls l6-settings">
    ${field('model', 'model', select('model'))}
    ${field('conv', 'conv', text('conv', 'text'))}
    ${field('hidden', 'hidden', text('hidden', 'text'))}
    ${field('act', 'act', select('act'))}
    ${field('opt', 'opt', select('opt'))}
    ${field('lr', 'lr', text('lr'))}
    ${field('batch', 'batch', text('batch', 'numeric'))}
    ${field('epochs', 'epochs', text('epochs', 'numeric'))}
    ${field('train', 'train', text('train', 'numeric'))}
    ${field('dropout', 'dropout', text('dropout'))}
    ${field('l2', 'l2', text('l2'))}
    ${field('init', 'init', select('init'))}
    ${field('val', 'val', select('val'))}
    ${field('seed', 'seed', text('seed', 'numeric'))}
  </div>
  <div class="controls l6-settings l6-hyper" data-out="hyper" role="group" data-i18n-aria-label="l6.hp.group"></div>
  <p class="l6-memory" data-out="memory"></p>
  <p class="message" data-out="settings-message" role="alert"></p>
  <div class="l6-buttons">
    <button type="button" name="start" data-i18n="l6.button.start"></button>
    <button type="button" name="pause" data-i18n="l6.button.pause" disabled></button>
    <button type="button" name="stop" data-i18n="l6.button.stop" disabled></button>
    <button type="button" name="reset" data-i18n="l6.button.reset"></button>
  </div>
</section>

<section class="panel l6-keras" aria-labelledby="l6-keras-h" data-out="keras-panel">
  <h2 id="l6-keras-h" data-i18n="l6.keras.title"></h2>
  <p class="hint" data-i18n="l6.keras.help"></p>
  <div class="l6-buttons">
    <button type="button" name="keras-show" data-i18n="l6.keras.show"></button>
    <button type="button" name="keras-copy" class="secondary" data-i18n="l6.keras.copy"></button>
    <button type="button" name="keras-download" class="secondary" data-i18n="l6.keras.download"></button>
  </div>
  <p class="message" data-out="keras-message" role="status"></p>
  <textarea class="l6-keras-code" data-out="keras-code" readonly rows="18" spellcheck="false" data-i18n-aria-label="l6.keras.code" hidden></textarea>
</section>

<section class="panel" aria-labelledby="l6-train-h">
  <h2 id="l6-train-h" data-i18n="l6.train.title"></h2>
  <p data-out="summary" class="hint"></p>
  <progress data-out="train-progress" max="1" value="0" data-i18n-aria-label="l6.train.progress_aria"></progress>
  <dl class="readout">
    <div><dt data-i18n="l6.read.epoch"></dt><dd data-out="epoch">–</dd></div>
    <div><dt data-i18n="l6.read.loss"></dt><dd data-out="loss">–</dd></div>
    <div><dt data-i18n="l6.read.acc"></dt><dd data-out="acc">–</dd></div>
    <div><dt data-i18n="l6.read.val"></dt><dd data-out="val">–</dd></div>
    <div><dt data-i18n="l6.read.speed"></dt><dd data-out="speed">–</dd></div>
    <div><dt data-i18n="l6.read.left"></dt><dd data-out="left">–</dd></div>
  </dl>
  <p class="message" data-out="train-message" role="status"></p>
  <div class="l6-live">
    <label><span data-i18n="l6.live.lr"></span> <input name="live-lr" type="text" inputmode="decimal" size="9" autocomplete="off"></label>
    <button type="button" name="apply-lr" data-i18n="l6.live.apply" disabled></button>
    <label data-out="live-momentum-field" hidden><span data-i18n="l6.live.momentum"></span> <input name="live-momentum" type="text" inputmode="decimal" size="6" autocomplete="off"></label>
    <button type="button" name="apply-momentum" data-i18n="l6.live.apply_momentum" hidden disabled></button>
    <button type="button" name="step" data-i18n="l6.live.step" disabled></button>
    <span class="message" data-out="live-message" role="status"></span>
  </div>
  <ul class="l6-lr-changes" data-out="lr-changes"></ul>
  <ul class="l6-lr-changes" data-out="momentum-changes"></ul>
  <div class="l6-charts">
    ${chart('loss-chart', 'l6.chart.loss_title', 'l6.chart.loss_aria')}
    ${chart('acc-chart', 'l6.chart.acc_title', 'l6.chart.acc_aria')}
  </div>
  <p class="sr-only" data-out="chart-summary" aria-live="polite"></p>
</section>

<section class="panel" aria-labelledby="l6-signals-h">
  <h2 id="l6-signals-h" data-i18n="l6.signals.title"></h2>
  <p class="hint" data-i18n="l6.signals.hint"></p>
  <p><label class="check"><input type="checkbox" name="signals"> <span data-i18n="l6.signals.measure"></span></label></p>
  <p data-out="signals-summary" aria-live="polite"></p>
  <div class="l6-table-wrap"><table class="l6-signals" data-out="signals-table"></table></div>
  <div class="l6-charts">
    ${chart('signals-ratio', 'l6.signals.ratio_title', 'l6.signals.ratio_aria')}
    ${chart('signals-grad', 'l6.signals.grad_title', 'l6.signals.grad_aria')}
  </div>
</section>

<section class="panel" aria-labelledby="l6-results-h">
  <h2 id="l6-results-h" data-i18n="l6.results.title"></h2>
  <p class="l6-test" data-out="test"></p>
  <div class="l6-results" data-out="results" hidden>
    <div>
      <h3 data-i18n="l6.cm.title"></h3>
      <p class="hint" data-i18n="l6.cm.hint"></p>
      <div class="l6-table-wrap"><table class="l6-confusion" data-out="confusion"></table></div>
    </div>
    <div>
      <h3 data-out="cell-title" data-i18n="l6.cm.pick"></h3>
      <div class="l6-gallery" data-out="cell"></div>
    </div>
    <div class="l6-wide">
      <h3 data-i18n="l6.gallery.heading"></h3>
      <p class="hint" data-i18n="l6.gallery.hint"></p>
      <div class="l6-gallery" data-out="mistakes"></div>
    </div>
    <div class="l6-wide">
      <h3 data-i18n="l6.weights.title"></h3>
      <p class="hint" data-out="weights-hint"></p>
      <div class="l6-gallery l6-weights" data-out="weights"></div>
    </div>
  </div>
</section>

<section class="panel" aria-labelledby="l6-runs-h">
  <h2 id="l6-runs-h" data-i18n="l6.runs.title"></h2>
  <p class="hint" data-i18n="l6.runs.hint"></p>
  <p data-out="runs-summary" aria-live="polite"></p>
  <div class="l6-table-wrap"><table class="l6-runs" data-out="runs"></table></div>
  <div class="l6-charts">
    ${chart('runs-loss', 'l6.runs.loss_title', 'l6.runs.loss_aria')}
    ${chart('runs-acc', 'l6.runs.acc_title', 'l6.runs.acc_aria')}
  </div>
  <p><button type="button" name="clear-runs" class="secondary" data-i18n="l6.runs.clear"></button></p>
  <div class="l6-compare" role="group" aria-labelledby="l6-compare-h">
    <h3 id="l6-compare-h" data-i18n="l6.compare.title"></h3>
    <p class="hint" data-out="compare-hint"></p>
    <div class="l6-compare-choices" data-out="compare-choices"></div>
    <p><button type="button" name="compare" data-i18n="l6.compare.start"></button></p>
    <p class="message" data-out="compare-message" role="status"></p>
  </div>
</section>

<div data-out="exercise"></div>

<section class="panel" aria-labelledby="l6-pad-h">
  <h2 id="l6-pad-h" data-i18n="l6.pad.title"></h2>
  <p class="hint" data-i18n="l6.pad.hint"></p>
  <div class="l6-pad">
    <canvas class="l6-canvas" data-out="pad" data-i18n-aria-label="l6.pad.aria" role="img"></canvas>
    <div>
      <p data-i18n="l6.pad.preview"></p>
      <canvas class="l6-preview" data-out="preview" width="28" height="28"></canvas>
      <p><button type="button" name="clear" data-i18n="l6.pad.clear"></button></p>
    </div>
    <ol class="l6-probs" data-out="probs" start="0"></ol>
  </div>
  <p class="message" data-out="pad-message" role="status"></p>
  <div class="l6-maps" data-out="maps-panel" hidden>
    <h3 data-i18n="l6.maps.title"></h3>
    <p class="hint" data-out="maps-hint"></p>
    <div data-out="maps"></div>
  </div>
</section>

<section class="panel" aria-labelledby="l6-file-h">
  <h2 id="l6-file-h" data-i18n="l6.file.title"></h2>
  <p class="hint" data-i18n="l6.file.hint"></p>
  <div class="l6-buttons">
    <button type="button" name="save" data-i18n="l6.file.save" disabled></button>
    <label class="l6-file"><span data-i18n="l6.file.load"></span> <input type="file" name="load" accept=".bcnn,application/octet-stream"></label>
  </div>
  <p class="message" data-out="file-message" role="status"></p>
</section>
`;
