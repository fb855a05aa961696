  // client/search/6-results.js: the browser side: results, events, and start-up.

  // ---- results

  function kindLabel(kind) {
    if (kind === 'initiatief') return say('initiative');
    var f = engine.facetByParam.soort;
    if (f && f.slugs && hasOwn(f.slugs, kind)) return engine.facets[f.index].values[f.slugs[kind]].label;
    return kind;
  }

  function appendHighlighted(parent, text, isMatch) {
    highlightPieces(text || '', isMatch).forEach(function (piece) {
      if (piece.mark) {
        var mark = document.createElement('mark');
        mark.textContent = piece.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece.text));
      }
    });
  }

  function renderResult(doc, isMatch) {
    var kind = /^[a-z]+$/.test(doc.k || '') ? doc.k : 'les';
    var item = document.createElement('li');
    item.className = 'card search-result card-' + kind;
    var title = document.createElement('h3');
    title.className = 'card-title';
    var link = document.createElement('a');
    link.href = hrefFor(root, portable, doc.u || '');
    appendHighlighted(link, doc.t, isMatch);
    title.appendChild(link);
    item.appendChild(title);
    var meta = document.createElement('p');
    meta.className = 'card-meta';
    var kindEl = document.createElement('span');
    kindEl.className = 'kind kind-' + kind;
    kindEl.textContent = kindLabel(doc.k);
    meta.appendChild(kindEl);
    if (doc.n && doc.k !== 'initiatief') {
      meta.appendChild(document.createTextNode(' · '));
      var from = document.createElement('span');
      from.className = 'search-initiative';
      from.textContent = doc.n;
      meta.appendChild(from);
    }
    item.appendChild(meta);
    if (doc.s) {
      var teaser = document.createElement('p');
      teaser.className = 'teaser';
      appendHighlighted(teaser, doc.s, isMatch);
      item.appendChild(teaser);
    }
    if (kind === 'initiatief' && compareForm) item.appendChild(comparePick(doc));
    return item;
  }

  // ---- choosing initiatives to compare: a checkbox on each initiative result, for the page's
  // form#compare-form (GET vergelijk/?i=…); the choice is kept while the results change.

  var compareForm = document.getElementById('compare-form');
  var picked = [];

  function comparePick(doc) {
    var slug = (/initiatieven\/([^/]+)\//.exec(doc.u || '') || [])[1] || '';
    var p = document.createElement('p');
    p.className = 'compare-pick';
    var input = document.createElement('input');
    input.type = 'checkbox';
    input.id = 'pick-' + slug;
    input.name = 'i';
    input.value = slug;
    input.setAttribute('form', 'compare-form');
    input.checked = picked.indexOf(slug) >= 0;
    input.addEventListener('change', function () {
      picked = picked.filter(function (s) { return s !== slug; });
      if (input.checked) picked.push(slug);
      showCompareForm();
    });
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = say('compare_pick');
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ': ' + (doc.t || slug);
    label.appendChild(hidden);
    p.appendChild(input);
    p.appendChild(document.createTextNode(' '));
    p.appendChild(label);
    return p;
  }

  /** The form shows while initiatives are chosen; it sends those no longer among the results
   *  too (as hidden fields). */
  function showCompareForm() {
    if (!compareForm) return;
    var keep = compareForm.querySelector('.compare-kept');
    keep.textContent = '';
    picked.forEach(function (slug) {
      if (document.getElementById('pick-' + slug)) return;
      var h = document.createElement('input');
      h.type = 'hidden';
      h.name = 'i';
      h.value = slug;
      keep.appendChild(h);
    });
    compareForm.hidden = picked.length === 0;
  }

  /** No results: say so, and offer to remove each active facet value (one button each). */
  function renderNone(sel) {
    noneEl.textContent = '';
    var p = document.createElement('p');
    p.className = 'search-none-text';
    p.textContent = say('no_results');
    noneEl.appendChild(p);
    var list = document.createElement('ul');
    list.className = 'search-remove';
    sel.forEach(function (values, j) {
      values.forEach(function (v) {
        var facet = engine.facets[j];
        var value = facet.values ? facet.values[v] : engine.initiative(v);
        if (!value) return;
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'search-remove-facet';
        var visible = facet.name + ': ' + value.label;
        b.textContent = visible;
        if (say('remove')) b.setAttribute('aria-label', say('remove') + ': ' + visible);
        var x = document.createElement('span');
        x.setAttribute('aria-hidden', 'true');
        x.className = 'search-remove-x';
        x.textContent = '×';
        b.appendChild(x);
        b.addEventListener('click', function () {
          toggle(facet.param, value.slug, false);
          commit().then(function () { input.focus(); });
        });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
    if (list.childNodes.length) {
      var lead = document.createElement('p');
      lead.textContent = say('remove_facet');
      noneEl.appendChild(lead);
      noneEl.appendChild(list);
    }
    noneEl.hidden = false;
  }

  function render(out) {
    var isMatch = highlighter(out.words, engine.stop);
    listEl.textContent = '';
    var frag = document.createDocumentFragment();
    out.results.slice(0, out.shown).forEach(function (r) { if (r.doc) frag.appendChild(renderResult(r.doc, isMatch)); });
    listEl.appendChild(frag);
    showCompareForm();
    moreButton.hidden = out.total <= out.shown;
    clearButton.hidden = !out.selection.some(function (s) { return s.size > 0; });
    if (out.total === 0) renderNone(out.selection);
    else { noneEl.hidden = true; noneEl.textContent = ''; }
    box.setAttribute('data-state', out.total ? 'results' : 'none');
    setStatus(out.total === 1 ? say('results_one') : say('results_other', out.total));
    showButton.textContent = out.total === 1 ? say('show_one') : say('show_other', out.total);
    showButton.hidden = false;
  }

  function renderIdle(out) {
    listEl.textContent = '';
    noneEl.hidden = true;
    moreButton.hidden = true;
    clearButton.hidden = true;
    box.setAttribute('data-state', 'idle');
    showButton.hidden = true;
    setStatus('');
    showFacets(out);
  }

  function fail(err) {
    clearTimeout(loadingTimer);
    listEl.removeAttribute('aria-busy');
    box.setAttribute('data-state', 'error');
    setStatus(box.getAttribute('data-error') || String(err && err.message));
    if (global.console) global.console.error(err);
  }

  /** Searches the current state (loading what it needs), then renders. A newer run makes
   *  older ones drop their results. */
  function run() {
    var mine = ++generation;
    var done = queryString(state);   // what this run shows, for tests: data-rendered
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(function () {
      if (mine !== generation) return;
      listEl.setAttribute('aria-busy', 'true');
      setStatus(say('loading'));
    }, 250);
    // Results show as soon as they are known (data-results); the facet counts follow
    // (data-rendered: everything for this state is on screen).
    function onResults(out) {
      if (mine !== generation) return;
      clearTimeout(loadingTimer);
      listEl.removeAttribute('aria-busy');
      render(out);
      box.setAttribute('data-results', done);
    }
    return engine.run(state.q, { facets: state.facets, shown: shown, onResults: onResults }, load).then(function (out) {
      if (mine !== generation) return;
      clearTimeout(loadingTimer);
      listEl.removeAttribute('aria-busy');
      if (out.idle) renderIdle(out);
      else { showFacets(out); render(out); }
      box.setAttribute('data-results', done);
      box.setAttribute('data-rendered', done);
    }).catch(function (err) { if (mine === generation) fail(err); });
  }

  // ---- events

  var typingTimer = 0;
  input.addEventListener('input', function () {
    state.q = input.value;
    shown = PAGE;
    writeState(committed);    // the first keystroke after a committed state starts a new entry
    committed = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(run, 60);
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(typingTimer);
    state.q = input.value;
    commit();
  });

  // The skip link moves focus without touching the URL (a #fragment would clobber hash state).
  var skip = box.querySelector('.search-skip');
  var mainEl = box.querySelector('.search-main');
  if (skip && mainEl) {
    skip.addEventListener('click', function (e) {
      e.preventDefault();
      mainEl.focus();
    });
  }

  // On a phone the filters sit above the results: this button (shown by search.css only there)
  // folds them away and moves to the results.
  showButton.addEventListener('click', function () {
    panel.open = false;
    if (mainEl) { mainEl.focus(); mainEl.scrollIntoView({ block: 'start' }); }
  });

  clearButton.addEventListener('click', function () {
    state.facets = {};
    commit().then(function () { input.focus(); });
  });

  moreButton.addEventListener('click', function () {
    var first = shown;
    shown += PAGE;
    run().then(function () {
      var next = listEl.children[first];
      var link = next && next.querySelector('a');
      if (link) link.focus();
    });
  });

  function restore() {
    state = readState();
    input.value = state.q;
    document.title = (state.q ? state.q + ' – ' : '') + pageTitle;
    shown = PAGE;
    committed = true;
    return run();
  }

  global.addEventListener('popstate', navigated);
  global.addEventListener('hashchange', navigated);

  // ---- start

  setStatus(box.getAttribute('data-loading') || '');
  loadScript(root + 'search/meta.js').then(function () {
    if (!metaData) throw new Error('no search data in search/meta.js');
    engine = new Engine(metaData);
    strings = metaData.strings || {};
    buildFacets();
    return restore();
  }).then(function () {
    box.setAttribute('data-ready', 'true');
  }).catch(fail);
})(typeof window !== 'undefined' ? window : this);
