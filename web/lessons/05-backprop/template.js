// The lesson's page: the computational graph with its stepper (forward, then backward with the
// chain rule at each node), then finite differences against backpropagation. Text via data-i18n.
export const template = `
  <h1 data-i18n="l5.title"></h1>
  <p class="l5-lead" data-i18n="l5.intro"></p>
  <p class="l5-lead" data-i18n="l5.intro2"></p>

  <section class="panel l5-graph-panel" aria-labelledby="l5-graph-title">
    <h2 id="l5-graph-title" data-i18n="l5.graph.title"></h2>
    <p data-i18n="l5.graph.intro"></p>
    <div class="controls">
      <label><span data-i18n="l5.graph.choice"></span>
        <select name="graph">
          <option value="neuron" data-i18n="l5.graph.neuron"></option>
          <option value="mlp" data-i18n="l5.graph.mlp"></option>
        </select></label>
    </div>
    <div class="l5-tex" data-out="model-tex"></div>
    <fieldset class="l5-values">
      <legend data-i18n="l5.values.legend"></legend>
      <div class="l5-value-grid" data-out="value-inputs"></div>
    </fieldset>
    <p class="message warning" role="alert" data-out="value-message"></p>

    <div class="controls l5-stepbar" role="group" data-i18n-aria-label="l5.step.group">
      <button type="button" name="reset" data-i18n="l5.step.reset"></button>
      <button type="button" name="prev" data-i18n="l5.step.prev"></button>
      <button type="button" name="next" data-out="next-label"></button>
      <button type="button" name="forward-all" class="secondary" data-i18n="l5.step.forward_all"></button>
      <button type="button" name="backward-all" class="secondary" data-i18n="l5.step.backward_all"></button>
      <output name="step-out" data-out="step-count"></output>
    </div>
    <div class="l5-graph-wrap" data-out="graph"></div>
    <ul class="l5-legend">
      <li><span class="l5-sym l5-sym-weight"></span><span data-i18n="l5.legend.weight"></span></li>
      <li><span class="l5-sym l5-sym-data"></span><span data-i18n="l5.legend.data"></span></li>
      <li><span class="l5-sym l5-sym-op"></span><span data-i18n="l5.legend.op"></span></li>
      <li><span class="l5-sym l5-sym-current"></span><span data-i18n="l5.legend.current"></span></li>
      <li><span class="l5-sym-grad">∇</span><span data-i18n="l5.legend.grad"></span></li>
    </ul>
    <p class="sr-only" aria-live="polite" data-out="graph-summary"></p>

    <div class="l5-step" aria-live="polite">
      <h3 data-out="step-title"></h3>
      <p data-out="step-text"></p>
      <div class="l5-tex" data-out="step-tex"></div>
      <ul class="l5-notes" data-out="step-notes"></ul>
    </div>
    <h3 data-i18n="l5.grads.title"></h3>
    <p class="l5-note" data-out="grads-note"></p>
    <dl class="readout l5-grads" data-out="grads"></dl>
  </section>

  <section class="panel l5-fd-section" aria-labelledby="l5-fd-title">
    <h2 id="l5-fd-title" data-i18n="l5.fd.title"></h2>
    <p data-i18n="l5.fd.intro"></p>
    <div class="l5-formulas">
      <div><div class="l5-tex" data-out="fd-central"></div><p class="l5-note" data-i18n="l5.tex.central_count"></p></div>
      <div><div class="l5-tex" data-out="fd-forward"></div><p class="l5-note" data-i18n="l5.tex.forward_count"></p></div>
    </div>
    <p data-out="fd-setup"></p>
    <fieldset class="l5-sizes-box">
      <legend data-i18n="l5.fd.sizes"></legend>
      <div class="l5-sizes"></div>
    </fieldset>
    <div class="controls">
      <button type="button" name="fd-run" data-i18n="l5.fd.run"></button>
      <button type="button" name="fd-stop" class="secondary" data-i18n="l5.fd.stop"></button>
      <progress class="l5-progress" max="1" value="0" data-i18n-aria-label="l5.fd.progress"></progress>
    </div>
    <p class="message" aria-live="polite" data-out="fd-status"></p>
    <p class="l5-note" id="l5-fd-caption" data-i18n="l5.fd.table_caption"></p>
    <div class="l5-table-wrap" tabindex="0" role="region" aria-labelledby="l5-fd-caption">
      <table class="l5-fd" aria-labelledby="l5-fd-caption">
        <thead><tr>
          <th scope="col" data-i18n="l5.fd.col.layers"></th>
          <th scope="col" data-i18n="l5.fd.col.params"></th>
          <th scope="col" data-i18n="l5.fd.col.forward"></th>
          <th scope="col" data-i18n="l5.fd.col.backward"></th>
          <th scope="col" data-i18n="l5.fd.col.ratio"></th>
          <th scope="col" data-i18n="l5.fd.col.backprop"></th>
          <th scope="col" data-i18n="l5.fd.col.fd_evals"></th>
          <th scope="col" data-i18n="l5.fd.col.fwd_evals"></th>
          <th scope="col" data-i18n="l5.fd.col.fd_time"></th>
          <th scope="col" data-i18n="l5.fd.col.speedup"></th>
          <th scope="col" data-i18n="l5.fd.col.rel"></th>
        </tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <p class="l5-summary" data-out="fd-summary"></p>
    <div class="chart l5-fd-chart" role="img" data-i18n-aria-label="l5.fd.chart_aria"></div>
    <p class="l5-note" data-i18n="l5.fd.note_extrapolation"></p>
    <p class="l5-note" data-out="fd-rel-note"></p>
    <p class="l5-note" data-i18n="l5.fd.note_timing"></p>
  </section>
`;
