// The lab's shell: navigation, language switch, and mounting one lesson at a time from the URL
// (#/1, #/2?…). Lessons get the loaded wasm core; this file touches only the shell's DOM.
import { applyStrings, lang, onLangChange, registerStrings, setLang, t } from './shared/i18n.js';
import { shellStrings } from './shared/strings.js';
import { loadCore } from './shared/core.js';
import { parseHash } from './shared/url-state.js';
import { findLesson, lessons } from './lessons/index.js';
import { registerOffline } from './shared/offline.js';
import { activityOf, onActivity } from './shared/activity.js';
import { errorText } from './shared/error-text.js';

registerStrings(shellStrings);

const main = document.getElementById('lesson');
const nav = document.getElementById('lesson-nav');
const banner = document.getElementById('error-banner');
const langButton = document.getElementById('lang-switch');
const copyLinkButton = document.getElementById('copy-link');
const presenterButton = document.getElementById('presenter');
const shellStatus = document.getElementById('shell-status');
const offlineStatus = document.getElementById('offline-status');
const PRESENTER_KEY = 'basecamp.presenter';
const offline = { state: 'pending', message: '' };
let unmountCurrent = null;
let currentPath = null;
let routeCount = 0;  // the latest route() call; an older one still loading gives way

export function showError(message) {
  banner.textContent = message;
  banner.hidden = false;
}
// A core error that no lesson caught is still worded from the page's strings, never in the core's English.
const reason = (error, fallback) => (typeof error?.code === 'string' ? errorText(error) : fallback);
window.addEventListener('error', (e) => showError(t('app.error', { message: reason(e.error, e.message) })));
window.addEventListener('unhandledrejection', (e) => showError(t('app.error', { message: reason(e.reason, e.reason?.message ?? e.reason) })));

function renderNav(activeId) {
  nav.setAttribute('aria-label', t('app.nav_label'));
  nav.replaceChildren(...lessons.map((lesson) => {
    const a = document.createElement('a');
    a.href = `#/${lesson.id}`;
    a.textContent = t(`lesson.${lesson.id}.title`);
    const activity = document.createElement('span');
    activity.className = 'nav-activity';
    activity.dataset.lesson = lesson.id;
    activity.textContent = activityOf(lesson.id);
    a.append(activity);
    if (lesson.id === activeId) a.setAttribute('aria-current', 'page');
    if (!lesson.load) a.classList.add('not-built');
    return a;
  }));
}

function renderShell() {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  langButton.textContent = t('app.lang_switch');
  // Named by its visible text (the other language's name, in that language); the title explains.
  langButton.lang = lang() === 'ko' ? 'en' : 'ko';
  langButton.title = t('app.lang_switch_label');
  applyStrings(document.querySelector('header'));
  applyStrings(document.querySelector('footer'));
  renderOffline();
}

function renderOffline() {
  offlineStatus.textContent = offline.state === 'ready' ? t('app.offline_ready')
    : offline.state === 'updated' ? t('app.offline_updated')
      : offline.state === 'failed' ? t('app.offline_failed', { message: offline.message }) : '';
}

function renderHome() {
  const section = document.createElement('section');
  section.className = 'home';
  const items = lessons.map((l) => `<li><a href="#/${l.id}"><strong>${t(`lesson.${l.id}.title`)}</strong></a>` +
    `<span>${t(`lesson.${l.id}.summary`)}</span></li>`).join('');
  section.innerHTML = `<h1>${t('app.title')}</h1><p class="subtitle">${t('app.subtitle')}</p>` +
    `<p>${t('home.intro')}</p><ol class="lesson-list">${items}</ol>` +
    `<p><a class="button" href="#/1">${t('home.start')}</a></p>`;
  return section;
}

function renderPlaceholder(id) {
  const section = document.createElement('section');
  section.className = 'placeholder';
  section.innerHTML = `<h1>${t(`lesson.${id}.title`)}</h1><h2>${t('placeholder.title')}</h2>` +
    `<p>${t('placeholder.body')}</p>`;
  return section;
}

// linked: the hash of a followed link or of back/forward (a hashchange's newURL). Its state
// wins over a lesson's writes of its own state into the URL (history.replaceState) that land
// after the navigation: a pending write run just before the hashchange is handled, or the one
// a lesson flushes when it is unmounted (meant for the language remount).
async function route({ force = false, linked = null } = {}) {
  const keepLink = () => { if (linked !== null && location.hash !== linked) history.replaceState(null, '', linked); };
  keepLink();
  const { path } = parseHash();
  delete document.body.dataset.ready;
  if (path === currentPath && !force) return;
  currentPath = path;
  const routeId = ++routeCount;
  unmountCurrent?.();
  unmountCurrent = null;
  keepLink();
  const lesson = findLesson(path);
  renderNav(lesson?.id);
  if (!lesson || !lesson.load) {
    main.replaceChildren(lesson ? renderPlaceholder(lesson.id) : renderHome());
    document.body.dataset.ready = path;
    return;
  }
  main.replaceChildren(Object.assign(document.createElement('p'), { className: 'loading', textContent: t('app.loading') }));
  let core;
  try {
    core = await loadCore();
  } catch (error) {
    showError(t('app.error_core', { message: error.message }));
    return;
  }
  const module = await lesson.load();
  if (routeId !== routeCount) return; // the learner moved on (or followed another link) while loading
  const root = document.createElement('section');
  root.className = `lesson lesson-${lesson.id}`;
  main.replaceChildren(root);
  unmountCurrent = module.mount(root, { core });
  document.body.dataset.ready = path; // tests wait for this
}

// Copy link: the URL already holds the lesson's state (each lesson writes its controls to the
// hash); the language is added so the link opens as the teacher sees it.
async function copyLink() {
  const url = new URL(location.href);
  const [path, query = ''] = url.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang());
  url.hash = `${path}?${params}`;
  try {
    await navigator.clipboard.writeText(url.href);
    shellStatus.textContent = t('app.link_copied');
  } catch {
    shellStatus.textContent = t('app.link_shown', { url: url.href });
  }
  showToast(shellStatus.textContent);
}

let toastTimer = 0;
function showToast(message) {
  let toast = document.getElementById('toast');
  if (!toast) {
    toast = Object.assign(document.createElement('div'), { id: 'toast', className: 'toast' });
    toast.setAttribute('aria-hidden', 'true');  // the live region above speaks it once
    document.body.append(toast);
  }
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.hidden = true; }, 4000);
}

// Presenter mode: larger type and the explanations hidden, controls and plots kept; remembered
// on this machine only (a shared link should not switch a student's screen into it).
function setPresenter(on, { announce = true } = {}) {
  document.body.classList.toggle('presenter', on);
  presenterButton.setAttribute('aria-pressed', String(on));
  try { localStorage.setItem(PRESENTER_KEY, on ? '1' : '0'); } catch { /* storage may be blocked */ }
  if (announce) shellStatus.textContent = t(on ? 'app.presenter_on' : 'app.presenter_off');
  window.dispatchEvent(new Event('resize'));  // charts re-measure their boxes
}

function storedPresenter() {
  try { return localStorage.getItem(PRESENTER_KEY) === '1'; } catch { return false; }
}

copyLinkButton.addEventListener('click', copyLink);
presenterButton.addEventListener('click', () => setPresenter(!document.body.classList.contains('presenter')));
setPresenter(storedPresenter(), { announce: false });
langButton.addEventListener('click', () => setLang(lang() === 'ko' ? 'en' : 'ko'));
onLangChange(() => {
  renderShell();
  route({ force: true });
});
// A link followed in this tab, or back/forward, may keep the open lesson with other settings
// (#/2?layers=784,15,10 → #/2?layers=784,100,10): the lesson is mounted again and reads them from
// the URL. A lesson's own writes of its state (history.replaceState) fire no hashchange.
window.addEventListener('hashchange', (event) => route({ force: true, linked: new URL(event.newURL).hash }));
// Only the badge's text changes: rebuilding the links would take the keyboard focus away.
onActivity((id, text) => {
  const badge = nav.querySelector(`.nav-activity[data-lesson="${id}"]`);
  if (badge) badge.textContent = text;
});
// scripts/soak.mjs opens the lab as …/?diagnostics#/1 and reads the page's wasm heap from here.
if (new URLSearchParams(location.search).has('diagnostics')) {
  window.basecampDiagnostics = { heapInUse: async () => (await loadCore()).heapInUse() };
}
renderShell();
route();
registerOffline((state, message = '') => {
  if (offline.state === 'updated' && state === 'ready') return;  // the reload notice stays
  Object.assign(offline, { state, message });
  renderOffline();
});
