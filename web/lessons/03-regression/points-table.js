// The data as an editable table: one row per point with x and y inputs, the residual the core
// computed for the current line, and a remove button; "add row" and "reset to the original data"
// below. The table keeps the learner's draft text; only a fully valid table is committed.
import { parseNumber } from '../../shared/number-field.js';
import { applyStrings, t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';

const template = `
  <div class="l3-table-wrap">
    <table class="l3-points">
      <caption class="sr-only" data-i18n="l3.table.caption"></caption>
      <thead><tr>
        <th scope="col">#</th><th scope="col">x</th><th scope="col">y</th>
        <th scope="col" data-i18n="l3.table.residual"></th><th scope="col"><span class="sr-only" data-i18n="l3.table.actions"></span></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <div class="controls">
    <button type="button" name="add-row" data-i18n="l3.table.add"></button>
    <button type="button" name="reset-data" class="secondary" data-i18n="l3.table.reset"></button>
  </div>
  <p class="message warning" role="alert" data-out="table-error"></p>`;

// Reads a cell: accepts a true minus sign and a decimal comma; returns a number or an error key.
function parseCell(text) {
  if (text.trim() === '') return { error: 'l3.table.err.empty' };
  const value = parseNumber(text.replace(',', '.'));
  if (!Number.isFinite(value)) return { error: 'l3.table.err.nan' };
  return { value };
}

// callbacks: {commit(points), reset()}; points are [[x, y], ...].
export function createPointsTable(container, callbacks) {
  container.innerHTML = template;
  applyStrings(container);
  const body = container.querySelector('tbody');
  const errorOut = container.querySelector('[data-out=table-error]');
  let rows = [];  // draft: [{x: string, y: string}]

  function rowHtml(_row, i) {
    const label = (axis) => t('l3.table.cell', { axis, row: i + 1 });
    return `<tr data-row="${i}"><th scope="row">${i + 1}</th>` +
      `<td><input type="text" inputmode="decimal" name="x" aria-label="${label('x')}"></td>` +
      `<td><input type="text" inputmode="decimal" name="y" aria-label="${label('y')}"></td>` +
      `<td class="l3-residual" data-out="residual"></td>` +
      `<td><button type="button" name="remove-row" class="secondary" aria-label="${t('l3.table.remove_label', { row: i + 1 })}">✕</button></td></tr>`;
  }

  function rebuild() {
    body.innerHTML = rows.map(rowHtml).join('');
    // Values are set as properties, never parsed as HTML.
    rows.forEach((row, i) => {
      body.children[i].querySelector('input[name=x]').value = row.x;
      body.children[i].querySelector('input[name=y]').value = row.y;
    });
  }

  // Validates the draft; commits the points when it is usable, else shows why not.
  function check() {
    const points = [];
    const problems = [];
    for (const el of body.querySelectorAll('input')) el.removeAttribute('aria-invalid');
    rows.forEach((row, i) => {
      const px = parseCell(row.x);
      const py = parseCell(row.y);
      for (const [axis, parsed] of [['x', px], ['y', py]]) {
        if (parsed.error) {
          problems.push(t(parsed.error, { row: i + 1, axis, text: row[axis].trim() }));
          body.querySelector(`tr[data-row="${i}"] input[name=${axis}]`)?.setAttribute('aria-invalid', 'true');
        }
      }
      if (!px.error && !py.error) points.push([px.value, py.value]);
    });
    if (problems.length === 0 && points.length < 2) problems.push(t('l3.table.err.few', { n: points.length }));
    if (problems.length === 0 && points.every((p) => p[0] === points[0][0])) {
      problems.push(t('l3.table.err.vertical', { x: formatNumber(points[0][0]) }));
    }
    if (problems.length > 0) {
      errorOut.textContent = `${problems.join(' ')} ${t('l3.table.err.keeping')}`;
      return;
    }
    errorOut.textContent = '';
    callbacks.commit(points);
  }

  body.addEventListener('input', (e) => {
    const tr = e.target.closest('tr');
    if (!tr) return;
    rows[Number(tr.dataset.row)][e.target.name] = e.target.value;
    check();
  });
  body.addEventListener('click', (e) => {
    if (e.target.name !== 'remove-row') return;
    const i = Number(e.target.closest('tr').dataset.row);
    rows.splice(i, 1);
    rebuild();
    body.querySelector(`tr[data-row="${Math.min(i, rows.length - 1)}"] button`)?.focus();
    check();
  });
  container.querySelector('button[name=add-row]').addEventListener('click', () => {
    rows.push({ x: '', y: '' });
    rebuild();
    body.querySelector(`tr[data-row="${rows.length - 1}"] input[name=x]`).focus();
    check();
  });
  container.querySelector('button[name=reset-data]').addEventListener('click', () => callbacks.reset());

  return {
    // Shows points that changed elsewhere (drag, add, remove, reset, URL): the draft is replaced.
    setPoints(points) {
      rows = points.map(([x, y]) => ({ x: String(x), y: String(y) }));
      if (body.children.length !== rows.length) rebuild();
      else {
        rows.forEach((row, i) => {
          const tr = body.children[i];
          tr.querySelector('input[name=x]').value = row.x;
          tr.querySelector('input[name=y]').value = row.y;
        });
      }
      for (const el of body.querySelectorAll('input')) el.removeAttribute('aria-invalid');
      errorOut.textContent = '';
    },
    // The core's residuals ŷᵢ − yᵢ, while the table matches the committed points.
    setResiduals(residuals) {
      [...body.children].forEach((tr, i) => {
        tr.querySelector('[data-out=residual]').textContent = residuals[i] === undefined ? '' : formatNumber(residuals[i], 3);
      });
    },
    hasError: () => errorOut.textContent !== '',
  };
}
