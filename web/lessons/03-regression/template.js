// The lesson's page: the data and the line (left), the loss surface and descent (right), then the
// formulas, the exercise and "more dimensions". Text comes from strings.js via data-i18n.
const readout = (out, key) => `<div><dt data-i18n="${key}"></dt><dd data-out="${out}"></dd></div>`;

export const template = `
  <h1 data-i18n="l3.title"></h1>
  <p class="l3-lead" data-i18n="l3.intro"></p>
  <div class="l3-grid">
    <section class="panel l3-data" aria-labelledby="l3-data-title">
      <h2 id="l3-data-title" data-i18n="l3.data.title"></h2>
      <p data-i18n="l3.data.intro"></p>
      <div class="chart l3-scatter"></div>
      <p class="sr-only" aria-live="polite" data-out="scatter-summary"></p>
      <div class="controls">
        <label><span data-i18n="l3.line.m"></span>
          <input name="m" type="range" min="-2" max="4" step="0.01"><output name="m-out"></output></label>
        <label><span data-i18n="l3.line.b"></span>
          <input name="b" type="range" min="-6" max="8" step="0.01"><output name="b-out"></output></label>
        <label><span data-i18n="l3.preset.label"></span>
          <select name="preset"></select></label>
        <label class="l3-check"><input name="show-fit" type="checkbox"> <span data-i18n="l3.line.show_fit"></span></label>
      </div>
      <dl class="readout">
        ${readout('line', 'l3.line.equation')}
        ${readout('mse', 'l3.line.mse')}
      </dl>
      <p class="l3-note" data-out="preset-note"></p>
      <p class="message warning" role="alert" data-out="data-message"></p>
      <h3 data-i18n="l3.table.title"></h3>
      <div class="l3-table"></div>
    </section>
    <section class="panel l3-surface" aria-labelledby="l3-surface-title">
      <h2 id="l3-surface-title" data-i18n="l3.surface.title"></h2>
      <p data-i18n="l3.surface.intro"></p>
      <div class="chart l3-contour"></div>
      <ul class="l3-legend">
        <li><span class="l3-sym l3-sym-point"></span><span data-i18n="l3.legend.point"></span></li>
        <li><span class="l3-sym l3-sym-arrow">→</span><span data-i18n="l3.legend.grad"></span></li>
        <li><span class="l3-sym l3-sym-fit">✕</span><span data-i18n="l3.legend.fit"></span></li>
        <li><span class="l3-sym l3-sym-guess"></span><span data-i18n="l3.legend.guess"></span></li>
        <li><span class="l3-sym l3-sym-path"></span><span data-i18n="l3.legend.path"></span></li>
      </ul>
      <p class="sr-only" aria-live="polite" data-out="surface-summary"></p>
      <dl class="readout">
        ${readout('gm', 'l3.grad.dm')}
        ${readout('gb', 'l3.grad.db')}
      </dl>
      <h3 data-i18n="l3.gd.title"></h3>
      <div class="controls">
        <label><span data-i18n="l3.gd.lr"></span>
          <input name="lr" type="range" min="0" max="1000" step="1"><output name="lr-out"></output></label>
        <button type="button" name="step" data-i18n="l3.gd.step"></button>
        <button type="button" name="play" data-i18n="l3.gd.play"></button>
        <button type="button" name="pause" data-i18n="l3.gd.pause"></button>
        <button type="button" name="reset" data-i18n="l3.gd.reset"></button>
      </div>
      <dl class="readout">
        ${readout('steps', 'l3.gd.steps')}
        ${readout('distance', 'l3.gd.distance')}
        ${readout('gap', 'l3.gd.gap')}
      </dl>
      <p class="message" role="status" aria-live="polite" data-out="message"></p>
      <h3 data-i18n="l3.fit.title"></h3>
      <dl class="readout">
        ${readout('fit-m', 'l3.fit.m')}
        ${readout('fit-b', 'l3.fit.b')}
        ${readout('fit-mse', 'l3.fit.mse')}
      </dl>
      <p class="l3-note" data-out="floor-note"></p>
    </section>
  </div>
  <section class="panel l3-formulas" aria-labelledby="l3-formulas-title">
    <h2 id="l3-formulas-title" data-i18n="l3.formulas.title"></h2>
    <p data-i18n="l3.formulas.loss"></p>
    <div class="l3-tex" data-tex="loss"></div>
    <p data-i18n="l3.formulas.partials"></p>
    <div class="l3-tex" data-tex="dm"></div>
    <div class="l3-tex" data-tex="db"></div>
    <p class="l3-note" data-i18n="l3.formulas.sign"></p>
    <p data-i18n="l3.formulas.update"></p>
    <div class="l3-tex" data-tex="update"></div>
    <p data-i18n="l3.formulas.lr"></p>
  </section>
  <section class="panel l3-exercise" aria-labelledby="l3-exercise-title">
    <h2 id="l3-exercise-title" data-i18n="l3.ex.title"></h2>
    <p data-i18n="l3.ex.task"></p>
    <p class="l3-exercise-status" role="status" aria-live="polite" data-out="exercise"></p>
  </section>
  <section class="panel l3-dims" aria-labelledby="l3-dims-title">
    <h2 id="l3-dims-title" data-i18n="l3.dims.title"></h2>
    <p data-i18n="l3.dims.bias"></p>
    <div class="l3-tex" data-tex="bias"></div>
    <p data-i18n="l3.dims.matrix"></p>
    <div class="l3-tex" data-tex="lossN"></div>
    <div class="l3-tex" data-tex="gradN"></div>
    <div class="l3-tex" data-tex="updateN"></div>
    <p data-i18n="l3.dims.here"></p>
    <div class="l3-tex-numbers" data-out="dims"></div>
    <p data-i18n="l3.dims.same"></p>
  </section>`;
