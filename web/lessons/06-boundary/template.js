// The lesson's page skeleton (text from strings.js through data-i18n; the lists of data sets,
// optimizers and initializers are filled by the controller from the core).
const readout = (items) => `<dl class="readout">${items.map(([key, out]) => `<div><dt data-i18n="${key}"></dt><dd data-out="${out}">–</dd></div>`).join('')}</dl>`;

export const template = () => `
  <h1 data-i18n="lesson.boundary.title"></h1>
  <p class="lead" data-i18n="bd.intro"></p>

  <div class="bd-top">
    <section class="panel bd-data" aria-labelledby="bd-data-title">
      <h2 id="bd-data-title" data-i18n="bd.data.title"></h2>
      <div class="controls">
        <label><span data-i18n="bd.data.set"></span><select name="data"></select></label>
        <label><span><span data-i18n="bd.data.noise"></span> <output data-out="noise"></output></span><input type="range" name="noise" min="0" max="50" step="5"></label>
        <label><span><span data-i18n="bd.data.points"></span> <output data-out="points"></output></span><input type="range" name="points" min="50" max="2000" step="50"></label>
        <label><span><span data-i18n="bd.data.ratio"></span> <output data-out="ratio"></output></span><input type="range" name="ratio" min="10" max="90" step="10"></label>
        <label><span data-i18n="bd.data.seed"></span><input type="number" name="seed" min="0" max="1000000" step="1" class="bd-num"></label>
        <button type="button" name="regenerate" data-i18n="bd.data.regenerate"></button>
      </div>
      <div class="controls">
        <label class="bd-check"><input type="checkbox" name="showTest"><span data-i18n="bd.data.show_test"></span></label>
        <label class="bd-check"><input type="checkbox" name="discretize"><span data-i18n="bd.data.discretize"></span></label>
        <label><span data-i18n="bd.data.add_class"></span><select name="addClass"></select></label>
      </div>
      <p class="note" data-i18n="bd.data.edit_help"></p>
      <div class="controls">
        <label class="bd-file"><span data-i18n="bd.data.import"></span><input type="file" name="csv" accept=".csv,text/csv"></label>
        <button type="button" name="exportCsv" class="secondary" data-i18n="bd.data.export"></button>
      </div>
      <p class="note" data-i18n="bd.data.csv_help"></p>
      <p class="message" role="status" aria-live="polite" data-out="data-message"></p>
    </section>

    <section class="panel bd-plot" aria-labelledby="bd-plot-title">
      <h2 id="bd-plot-title" data-out="plot-title"></h2>
      <canvas class="bd-plane" data-i18n-aria-label="bd.plot.label" role="img"></canvas>
      <p class="bd-keys-hint" data-i18n="bd.plot.keys_hint"></p>
      <p class="sr-only" aria-live="polite" data-out="plane-keys"></p>
      <p class="bd-summary" aria-live="polite" data-out="summary"></p>
      <button type="button" name="showOutput" class="secondary" data-i18n="bd.net.show_output" hidden></button>
    </section>
  </div>

  <section class="panel" aria-labelledby="bd-train-title">
    <h2 id="bd-train-title" data-i18n="bd.train.title"></h2>
    <div class="controls bd-run">
      <button type="button" name="play" data-i18n="bd.train.play"></button>
      <button type="button" name="step" class="secondary" data-i18n="bd.train.step"></button>
      <button type="button" name="reset" data-i18n="bd.train.reset"></button>
      <span class="bd-epoch"><span data-i18n="bd.train.epoch"></span> <output data-out="epoch">0</output></span>
    </div>
    <div class="controls">
      <label><span data-i18n="bd.train.lr"></span><input type="text" inputmode="decimal" name="lr" class="bd-num" list="bd-lrs"></label>
      <datalist id="bd-lrs"><option value="0.00001"><option value="0.0001"><option value="0.001"><option value="0.003"><option value="0.01"><option value="0.03"><option value="0.1"><option value="0.3"><option value="1"><option value="3"><option value="10"></datalist>
      <label><span data-i18n="bd.train.batch"></span><input type="number" name="batch" min="1" max="10000" step="1" class="bd-num"></label>
      <label><span data-i18n="bd.train.optimizer"></span><select name="opt"></select></label>
      <span class="bd-hyper"></span>
      <label><span data-i18n="bd.train.init"></span><select name="init"></select></label>
      <label><span data-i18n="bd.train.l1"></span><input type="text" inputmode="decimal" name="l1" class="bd-num"></label>
      <label><span data-i18n="bd.train.l2"></span><input type="text" inputmode="decimal" name="l2" class="bd-num"></label>
      <label><span data-i18n="bd.train.dropout"></span><input type="text" inputmode="decimal" name="dropout" class="bd-num"></label>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="train-message"></p>
    ${readout([['bd.train.train_loss', 'train-loss'], ['bd.train.test_loss', 'test-loss'], ['bd.train.train_acc', 'train-acc'], ['bd.train.test_acc', 'test-acc']])}
    <p class="note" data-i18n="bd.train.help"></p>
  </section>

  <section class="panel" aria-labelledby="bd-net-title">
    <h2 id="bd-net-title" data-i18n="bd.net.title"></h2>
    <div class="controls">
      <button type="button" name="addLayer" class="secondary" data-i18n="bd.net.add_layer"></button>
      <button type="button" name="removeLayer" class="secondary" data-i18n="bd.net.remove_layer"></button>
      <label><span data-i18n="bd.net.units_field"></span><input type="text" name="units" class="bd-units"></label>
      <span class="note" data-out="params"></span>
    </div>
    <div class="bd-net"></div>
    <div class="bd-weights" hidden>
      <h3 data-out="weights-title"></h3>
      <div class="bd-weight-list"></div>
    </div>
    <p class="note" data-i18n="bd.net.help"></p>
  </section>

  <div class="bd-two">
    <section class="panel" aria-labelledby="bd-curves-title">
      <h2 id="bd-curves-title" data-i18n="bd.curves.title"></h2>
      <div class="bd-curves chart"></div>
    </section>
    <section class="panel" aria-labelledby="bd-hidden-title">
      <h2 id="bd-hidden-title" data-i18n="bd.hidden.title"></h2>
      <label><span data-i18n="bd.hidden.layer"></span> <select name="hiddenLayer"></select></label>
      <canvas class="bd-hidden-space" role="img" data-i18n-aria-label="bd.hidden.title"></canvas>
      <p class="note" data-out="hidden-note"></p>
      <p class="note" data-i18n="bd.hidden.help"></p>
    </section>
  </div>

  <div class="bd-exercise"></div>

  <section class="panel" aria-labelledby="bd-keras-title">
    <h2 id="bd-keras-title" data-i18n="bd.keras.title"></h2>
    <p data-i18n="bd.keras.help"></p>
    <div class="controls">
      <button type="button" name="keras" data-i18n="bd.keras.show"></button>
      <button type="button" name="kerasDownload" class="secondary" data-i18n="bd.keras.download"></button>
    </div>
    <textarea class="bd-keras" readonly rows="16" data-i18n-aria-label="bd.keras.code" hidden></textarea>
  </section>
`;
