// The search page (templates/search.html): the box #search, its state (query, facets, how
// many results shown), searching as the reader types or ticks, history, and start-up.
import { Engine, callbacks } from '../engine.js';
import { PAGE } from '../query.js';
import { loadScript } from './loader.js';
import { urlState } from './url-state.js';
import { facetsPanel } from './facets.js';
import { comparePicker } from './compare-pick.js';
import { resultsView } from './results.js';

/** Sets the global `leernetSearch` the data files call and, when the page has the search box,
 *  starts it. */
export function startPage(global) {
  let engine = null, metaData = null;
  global.leernetSearch = callbacks(() => engine, (file, data) => {
    if (file === 'search/meta.js') metaData = data;
  });
  const box = document.getElementById('search');
  if (!box) return;
  const root = box.getAttribute('data-root') || '';
  const status = box.querySelector('.search-status');
  box.hidden = false;
  // Filters open beside the results on wide screens, folded away above them on phones.
  if (global.matchMedia && !global.matchMedia('(min-width: 50rem)').matches) box.querySelector('.search-facets').open = false;
  status.textContent = box.getAttribute('data-loading') || '';
  loadScript(root + 'search/meta.js').then(() => {
    if (!metaData) throw new Error('no search data in search/meta.js');
    engine = new Engine(metaData);
    return searchPage(global, box, engine, root)();
  }).then(() => {
    box.setAttribute('data-ready', 'true');
  }).catch((err) => {
    box.setAttribute('data-state', 'error');
    status.textContent = box.getAttribute('data-error') || String(err && err.message);
    if (global.console) global.console.error(err);
  });
}

/** Wires the page's parts together; returns restore(), which shows the location's state. */
function searchPage(global, box, engine, root) {
  const strings = engine.meta.strings || {};
  const say = (key, n) => {
    const s = strings[key] || '';
    return n === undefined ? s : s.replace('{n}', String(n));
  };
  const input = box.querySelector('input[type="search"]');
  const mainEl = box.querySelector('.search-main');
  const pageTitle = document.title;
  const url = urlState(engine);
  let state = { q: '', facets: {} };
  let shown = PAGE;
  let generation = 0;
  let committed = true;   // the current history entry is a committed state: push next time
  let loadingTimer = 0, typingTimer = 0;

  const facets = facetsPanel(engine, box, say, (param, slug, on) => {
    url.toggle(state, param, slug, on);
    commit();
  });
  const form = document.getElementById('compare-form');
  const view = resultsView(engine, box, say, form ? comparePicker(form, say) : null, (param, slug) => {
    url.toggle(state, param, slug, false);
    commit().then(() => input.focus());
  });

  const load = (file) => loadScript(root + file);
  const setTitle = () => { document.title = (state.q ? state.q + ' – ' : '') + pageTitle; };

  function writeState(push) {
    setTitle();
    url.write(state, push);
  }

  /** A state change the user made deliberately: new history entry, then search. */
  function commit() {
    shown = PAGE;
    writeState(true);
    committed = true;
    return run();
  }

  /** The location's state, shown (load, back/forward). */
  function restore() {
    state = url.read();
    input.value = state.q;
    setTitle();
    shown = PAGE;
    committed = true;
    return run();
  }

  /** Back/forward (popstate) or a hash change: show the location's state unless it is ours. */
  function navigated() {
    if (url.queryString(url.read()) !== url.queryString(state)) restore();
  }

  /** Searches the current state (loading what it needs), then renders. A newer run makes
   *  older ones drop their results. */
  function run() {
    const mine = ++generation;
    const done = url.queryString(state);   // what this run shows, for tests: data-rendered
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(() => { if (mine === generation) view.busy(true); }, 250);
    // Results show as soon as they are known (data-results); the facet counts follow
    // (data-rendered: everything for this state is on screen).
    const onResults = (out) => {
      if (mine !== generation) return;
      clearTimeout(loadingTimer);
      view.busy(false);
      view.render(out);
      box.setAttribute('data-results', done);
    };
    return engine.run(state.q, { facets: state.facets, shown, onResults }, load).then((out) => {
      if (mine !== generation) return;
      clearTimeout(loadingTimer);
      view.busy(false);
      if (out.idle) view.renderIdle();
      facets.show(out);
      if (!out.idle) view.render(out);
      box.setAttribute('data-results', done);
      box.setAttribute('data-rendered', done);
    }).catch((err) => {
      if (mine !== generation) return;
      clearTimeout(loadingTimer);
      view.fail(err);
    });
  }

  input.addEventListener('input', () => {
    state.q = input.value;
    shown = PAGE;
    writeState(committed);   // the first keystroke after a committed state starts a new entry
    committed = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(run, 60);
  });
  box.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    state.q = input.value;
    commit();
  });
  // The skip link moves focus without touching the URL (a #fragment would clobber hash state).
  const skip = box.querySelector('.search-skip');
  if (skip && mainEl) {
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      mainEl.focus();
    });
  }
  // On a phone the filters sit above the results: this button (shown by search.css only there)
  // folds them away and moves to the results.
  view.showButton.addEventListener('click', () => {
    box.querySelector('.search-facets').open = false;
    if (mainEl) { mainEl.focus(); mainEl.scrollIntoView({ block: 'start' }); }
  });
  view.clearButton.addEventListener('click', () => {
    state.facets = {};
    commit().then(() => input.focus());
  });
  view.moreButton.addEventListener('click', () => {
    const first = shown;
    shown += PAGE;
    run().then(() => {
      const next = view.list.children[first];
      const link = next && next.querySelector('a');
      if (link) link.focus();
    });
  });
  global.addEventListener('popstate', navigated);
  global.addEventListener('hashchange', navigated);
  return restore;
}
