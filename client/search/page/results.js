// The search page's results: the list, the status line, "no results" with a button per active
// facet value, the "more" and "show N results" buttons.
import { hrefFor } from '../links.js';
import { hasOwn } from '../encodings.js';
import { highlighter, highlightPieces } from '../highlight.js';
import { el } from './dom.js';

function appendHighlighted(parent, text, isMatch) {
  highlightPieces(text || '', isMatch).forEach((piece) => {
    parent.append(piece.mark ? el('mark', '', piece.text) : piece.text);
  });
}

/** The results of the box `box`; picker: a comparePicker or null; onRemove(param, slug): a
 *  button of "no results" removes that facet value. Returns {render, renderIdle, busy, fail,
 *  list, clearButton, moreButton, showButton}. */
export function resultsView(engine, box, say, picker, onRemove) {
  const root = box.getAttribute('data-root') || '';
  const portable = box.getAttribute('data-portable') === 'true';
  const status = box.querySelector('.search-status');
  const list = box.querySelector('.search-results');
  const none = box.querySelector('.search-none');
  const clearButton = box.querySelector('.search-clear');
  const moreButton = box.querySelector('.search-more');
  const showButton = box.querySelector('.search-show');
  let lastStatus = null;

  function setStatus(text) {
    if (text === lastStatus) return;
    lastStatus = text;
    status.textContent = text;
  }

  function kindLabel(kind) {
    const f = engine.facetByParam.soort;
    if (kind === 'initiatief') return say('initiative');
    if (f && f.slugs && hasOwn(f.slugs, kind)) return engine.facets[f.index].values[f.slugs[kind]].label;
    return kind;
  }

  function renderResult(doc, isMatch) {
    const kind = /^[a-z]+$/.test(doc.k || '') ? doc.k : 'les';
    const item = el('li', 'card search-result card-' + kind);
    const title = el('h3', 'card-title');
    const link = el('a');
    link.href = hrefFor(root, portable, doc.u || '');
    appendHighlighted(link, doc.t, isMatch);
    title.appendChild(link);
    item.appendChild(title);
    const meta = el('p', 'card-meta');
    meta.appendChild(el('span', 'kind kind-' + kind, kindLabel(doc.k)));
    if (doc.n && doc.k !== 'initiatief') {
      meta.append(' · ', el('span', 'search-initiative', doc.n));
    }
    item.appendChild(meta);
    if (doc.s) {
      const teaser = el('p', 'teaser');
      appendHighlighted(teaser, doc.s, isMatch);
      item.appendChild(teaser);
    }
    if (kind === 'initiatief' && picker) item.appendChild(picker.pick(doc));
    return item;
  }

  /** No results: say so, and offer to remove each active facet value (one button each). */
  function renderNone(sel) {
    none.textContent = '';
    none.appendChild(el('p', 'search-none-text', say('no_results')));
    const buttons = el('ul', 'search-remove');
    sel.forEach((values, j) => {
      values.forEach((v) => {
        const facet = engine.facets[j];
        const value = facet.values ? facet.values[v] : engine.initiative(v);
        if (!value) return;
        const li = el('li');
        const visible = facet.name + ': ' + value.label;
        const b = el('button', 'search-remove-facet', visible);
        b.type = 'button';
        if (say('remove')) b.setAttribute('aria-label', say('remove') + ': ' + visible);
        const x = el('span', 'search-remove-x', '×');
        x.setAttribute('aria-hidden', 'true');
        b.appendChild(x);
        b.addEventListener('click', () => onRemove(facet.param, value.slug));
        li.appendChild(b);
        buttons.appendChild(li);
      });
    });
    if (buttons.childNodes.length) {
      none.append(el('p', '', say('remove_facet')), buttons);
    }
    none.hidden = false;
  }

  function render(out) {
    const isMatch = highlighter(out.words, engine.stop);
    list.textContent = '';
    const frag = document.createDocumentFragment();
    out.results.slice(0, out.shown).forEach((r) => { if (r.doc) frag.appendChild(renderResult(r.doc, isMatch)); });
    list.appendChild(frag);
    if (picker) picker.show();
    moreButton.hidden = out.total <= out.shown;
    clearButton.hidden = !out.selection.some((s) => s.size > 0);
    if (out.total === 0) renderNone(out.selection);
    else { none.hidden = true; none.textContent = ''; }
    box.setAttribute('data-state', out.total ? 'results' : 'none');
    setStatus(out.total === 1 ? say('results_one') : say('results_other', out.total));
    showButton.textContent = out.total === 1 ? say('show_one') : say('show_other', out.total);
    showButton.hidden = false;
  }

  function renderIdle() {
    list.textContent = '';
    none.hidden = true;
    moreButton.hidden = true;
    clearButton.hidden = true;
    box.setAttribute('data-state', 'idle');
    showButton.hidden = true;
    setStatus('');
  }

  /** Loading: aria-busy and the status line (on), or the list no longer busy (off). */
  function busy(on) {
    if (on) {
      list.setAttribute('aria-busy', 'true');
      setStatus(say('loading'));
    } else {
      list.removeAttribute('aria-busy');
    }
  }

  function fail(err) {
    busy(false);
    box.setAttribute('data-state', 'error');
    setStatus(box.getAttribute('data-error') || String(err && err.message));
    if (globalThis.console) globalThis.console.error(err);
  }

  return { render, renderIdle, busy, fail, list, clearButton, moreButton, showButton };
}
