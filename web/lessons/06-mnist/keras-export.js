// "Export as Keras": the lesson's network and settings as a Keras 3 script, written by the core
// (nn/keras.hpp through core.mnistKeras) from the same request the worker trains from, shown
// read-only with Copy and Download (.py). Bad settings: the core's coded error, worded by the page.
import { t } from '../../shared/i18n.js';
import { errorText } from '../../shared/error-text.js';

const FILE_NAME = 'mnist_model.py';

// panel: the section's element; code(): the Python text (throws the core's error);
// settingsError(): the form's message when a typed value does not parse, else ''.
export function mountKerasExport(panel, { code, settingsError }) {
  const area = panel.querySelector('[data-out="keras-code"]');
  const message = panel.querySelector('[data-out="keras-message"]');
  const button = (name) => panel.querySelector(`[name="${name}"]`);
  const say = (text, warning = false) => {
    message.textContent = text;
    message.classList.toggle('warning', warning);
  };
  // The text for the current settings, or null after saying what is wrong.
  function write() {
    const bad = settingsError();
    if (bad) {
      say(bad, true);
      return null;
    }
    try {
      return code();
    } catch (error) {
      say(t('l6.status.error', { message: errorText(error) }), true);
      return null;
    }
  }
  function show() {
    const text = write();
    if (text === null) return;
    area.value = text;
    area.hidden = false;
    button('keras-copy').disabled = false;
    say('');
  }
  async function copy() {
    const text = write();
    if (text === null) return;
    area.value = text;
    area.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (an http page, a test browser): select the text and copy that.
      area.select();
      if (!document.execCommand?.('copy')) {
        say(t('l6.keras.copy_failed'), true);
        return;
      }
    }
    say(t('l6.keras.copied'));
  }
  function download() {
    const text = write();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: FILE_NAME });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(t('l6.keras.downloaded', { file: FILE_NAME }));
  }
  const listeners = [[button('keras-show'), show], [button('keras-copy'), copy], [button('keras-download'), download]];
  for (const [el, fn] of listeners) el.addEventListener('click', fn);
  return () => { for (const [el, fn] of listeners) el.removeEventListener('click', fn); };
}
