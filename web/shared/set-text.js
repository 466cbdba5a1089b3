// Writes an element's text only when it changes: every write replaces the text node and lays the
// page out again, which a view redrawn many times a second (training progress) cannot afford.
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
