  // client/search/5-page.js: the browser side: loading data files as scripts, the page's
  // state, the URL, and the facets panel.

  // ------------------------------------------------------------------ loader (browser)
  // A data file is a <script>; it runs its callback (feeding the engine) before its load event.

  var engine = null;
  var metaData = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = src;
      el.async = true;
      el.onload = function () { el.remove(); resolve(); };
      el.onerror = function () { el.remove(); reject(new Error('cannot load ' + src)); };
      document.head.appendChild(el);
    });
  }

  global.leernetSearch = callbacks(function () { return engine; }, function (file, data) {
    if (file === 'search/meta.js') metaData = data;
  });

  // ------------------------------------------------------------------ page (browser)

  var box = document.getElementById('search');
  if (!box) return;

  var root = box.getAttribute('data-root') || '';
  var portable = box.getAttribute('data-portable') === 'true';
  var form = box.querySelector('form');
  var input = box.querySelector('input[type="search"]');
  var statusEl = box.querySelector('.search-status');
  var listEl = box.querySelector('.search-results');
  var noneEl = box.querySelector('.search-none');
  var panel = box.querySelector('.search-facets');
  var facetsEl = box.querySelector('.search-facets-body');
  var activeCountEl = box.querySelector('.search-facets-active');
  var clearButton = box.querySelector('.search-clear');
  var moreButton = box.querySelector('.search-more');
  var showButton = box.querySelector('.search-show');

  var strings = {};
  var state = { q: '', facets: {} };
  var shown = PAGE;
  var generation = 0;
  var useHash = false;
  var committed = true;        // the current history entry is a committed state: push next time
  var facetInputs = [];        // value facets: [{j, v, input, item, count}]
  var facetGroups = [];        // one fieldset per facet
  var initiativeList = null;   // the initiative facet's <ul>, its hint, its items by index
  var initiativeHint = null;
  var initiativeItems = Object.create(null);
  var loadingTimer = 0;
  var lastStatus = null;
  var pageTitle = document.title;

  box.hidden = false;
  // Filters open beside the results on wide screens, folded away above them on phones.
  if (global.matchMedia && !global.matchMedia('(min-width: 50rem)').matches) panel.open = false;

  function load(file) {
    return loadScript(root + file);
  }

  function say(key, n) {
    var s = strings[key] || '';
    return n === undefined ? s : s.replace('{n}', String(n));
  }

  function setStatus(text) {
    if (text === lastStatus) return;
    lastStatus = text;
    statusEl.textContent = text;
  }

  // ---- URL state
  // The state lives in the query string (?q=zorg&thema=mantelzorg). If the browser refuses
  // history URLs (possible on file://), it moves to the hash (#q=zorg&thema=mantelzorg); a hash
  // with parameters always wins over the query string. States are compared in canonical form
  // (queryString), so our own writes never echo back as navigation.

  function locationParams() {
    var hash = location.hash.replace(/^#/, '');
    return new URLSearchParams(hash.indexOf('=') >= 0 ? hash : location.search);
  }

  function readState() {
    var params = locationParams();
    var facets = {};
    engine.facets.forEach(function (f) {
      var values = params.getAll(f.param).filter(Boolean);
      if (values.length) facets[f.param] = values;
    });
    return { q: params.get('q') || '', facets: facets };
  }

  function queryString(s) {
    var params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    engine.facets.forEach(function (f) {
      (s.facets[f.param] || []).forEach(function (slug) { params.append(f.param, slug); });
    });
    var text = params.toString();
    return text ? '?' + text : '';
  }

  function writeState(push) {
    var qs = queryString(state);
    document.title = (state.q ? state.q + ' – ' : '') + pageTitle;
    if (qs === queryString(readState())) return;
    if (!useHash) {
      try {
        var url = location.pathname + qs;
        if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
        return;
      } catch (e) {
        useHash = true;
      }
    }
    var hash = '#' + (qs ? qs.slice(1) : 'q=');   // never empty: that would mean "read ?q="
    if (push) location.hash = hash; else location.replace(hash);
  }

  /** Back/forward (popstate) or a hash change: show the location's state unless it is ours. */
  function navigated() {
    if (queryString(readState()) !== queryString(state)) restore();
  }

  /** A state change the user made deliberately: new history entry, then search. */
  function commit() {
    shown = PAGE;
    writeState(true);
    committed = true;
    return run();
  }

  /** Adds or removes one facet value; values stay in meta order (initiatives: slug order). */
  function toggle(param, slug, on) {
    var f = engine.facetByParam[param];
    var list = (state.facets[param] || []).filter(function (s) { return s !== slug; });
    if (on) list.push(slug);
    if (f.slugs) {
      list = list.filter(function (s) { return hasOwn(f.slugs, s); });
      list.sort(function (a, b) { return f.slugs[a] - f.slugs[b]; });
    } else {
      list.sort(cmp);
    }
    if (list.length) state.facets[param] = list; else delete state.facets[param];
  }

  // ---- facets panel (built once; counts, visibility and initiative items updated in place)

  function facetItem(param, id, slug, label) {
    var item = document.createElement('li');
    var check = document.createElement('input');
    check.type = 'checkbox';
    check.id = id;
    check.name = param;
    check.value = slug;
    var labelEl = document.createElement('label');
    labelEl.htmlFor = id;
    var text = document.createElement('span');
    text.className = 'facet-label';
    text.textContent = label;
    var count = document.createElement('span');
    count.className = 'count';
    labelEl.appendChild(text);
    labelEl.appendChild(document.createTextNode(' '));
    labelEl.appendChild(count);
    item.appendChild(check);
    item.appendChild(labelEl);
    return { input: check, item: item, count: count };
  }

  function buildFacets() {
    engine.facets.forEach(function (facet, j) {
      var group = document.createElement('fieldset');
      group.className = 'facet facet-' + facet.param;
      var legend = document.createElement('legend');
      legend.textContent = facet.name;
      group.appendChild(legend);
      var list = document.createElement('ul');
      group.appendChild(list);
      if (facet.values) {
        facet.values.forEach(function (value, v) {
          var f = facetItem(facet.param, 'f-' + facet.param + '-' + v, value.slug, value.label);
          list.appendChild(f.item);
          facetInputs.push({ j: j, v: v, input: f.input, item: f.item, count: f.count });
        });
      } else {
        initiativeList = list;
        initiativeHint = document.createElement('p');
        initiativeHint.className = 'facet-hint';
        initiativeHint.textContent = say('initiative_hint');
        group.appendChild(initiativeHint);
      }
      facetsEl.appendChild(group);
      facetGroups.push(group);
    });
    facetsEl.addEventListener('change', function (e) {
      if (e.target.type !== 'checkbox') return;
      toggle(e.target.name, e.target.value, e.target.checked);
      commit();
    });
  }

  /** The initiative facet: the values `out.initiatives` lists, in that order. */
  function showInitiatives(out) {
    var param = engine.facets[engine.initiativeFacet].param;
    var want = out.initiatives.map(function (v) {
      var f = initiativeItems[v.index];
      if (!f) f = initiativeItems[v.index] = facetItem(param, 'f-' + param + '-' + v.index, v.slug, v.label);
      f.input.checked = v.selected;
      f.count.textContent = out.counts ? String(v.count) : '';
      return f.item;
    });
    Array.prototype.slice.call(initiativeList.children).forEach(function (li) {
      if (want.indexOf(li) < 0) initiativeList.removeChild(li);
    });
    want.forEach(function (li, k) {
      if (initiativeList.children[k] !== li) initiativeList.insertBefore(li, initiativeList.children[k] || null);
    });
    initiativeHint.hidden = !out.idle || want.length > 0 || !say('initiative_hint');
    return want.length + (initiativeHint.hidden ? 0 : 1);
  }

  function showFacets(out) {
    var counts = out.counts, sel = out.selection;
    var visible = engine.facets.map(function () { return 0; });
    var active = 0;
    sel.forEach(function (s) { active += s.size; });
    facetInputs.forEach(function (f) {
      var selected = sel[f.j].has(f.v);
      f.input.checked = selected;
      if (counts) {
        var c = counts[f.j][f.v];
        f.count.textContent = String(c);
        f.item.hidden = c === 0 && !selected;
      } else {
        f.count.textContent = '';
        f.item.hidden = false;
      }
      if (!f.item.hidden) visible[f.j]++;
    });
    if (engine.initiativeFacet >= 0) visible[engine.initiativeFacet] = showInitiatives(out);
    facetGroups.forEach(function (g, j) { g.hidden = visible[j] === 0; });
    activeCountEl.textContent = active ? '(' + active + ')' : '';
  }
