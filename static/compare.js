// The comparison view of /vergelijk/?i=a,b,… (also ?i=a&i=b, as the initiative list's form
// sends it): loads vergelijk/i/<slug>.js for each chosen initiative (a script that calls
// leernetCompare(data), so it works from file:// too) and shows them in columns. Format:
// docs/compare.md. No dependencies; the page works without it (it then says so).
(function () {
  'use strict';
  var box = document.getElementById('compare');
  if (!box) return;
  var root = box.getAttribute('data-root') || '';
  var portable = box.getAttribute('data-portable') === 'true';
  var S = JSON.parse(document.getElementById('compare-strings').textContent);
  var MAX = 12;

  function href(path) {
    var out = root + path;
    if (portable && (path === '' || path.charAt(path.length - 1) === '/')) out += 'index.html';
    return out;
  }

  /** The chosen slugs, in order, each once: from ?i=a,b and ?i=a&i=b (or the same after #). */
  function chosen() {
    var query = location.search || (location.hash.indexOf('=') >= 0 ? '?' + location.hash.slice(1) : '');
    var seen = [];
    new URLSearchParams(query).getAll('i').forEach(function (v) {
      v.split(',').forEach(function (s) {
        s = s.trim();
        if (/^[a-z0-9][a-z0-9-]*$/.test(s) && seen.indexOf(s) < 0 && seen.length < MAX) seen.push(s);
      });
    });
    return seen;
  }

  var data = Object.create(null);
  window.leernetCompare = function (d) { if (d && d.slug) data[d.slug] = d; };

  function load(slug) {
    return new Promise(function (resolve) {
      var el = document.createElement('script');
      el.src = root + 'vergelijk/i/' + slug + '.js';
      el.onload = el.onerror = function () { el.remove(); resolve(); };
      document.head.appendChild(el);
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function unknown() { return el('span', 'cmp-unknown', S.compare_unknown); }

  function list(items) {
    if (!items || !items.length) return unknown();
    var ul = el('ul', 'plain');
    items.forEach(function (x) {
      var li = el('li');
      if (typeof x === 'string') li.textContent = x; else li.appendChild(x);
      ul.appendChild(li);
    });
    return ul;
  }

  function terms(d, field) {
    for (var i = 0; i < d.terms.length; i++) if (d.terms[i][0] === field) return list(d.terms[i][1]);
    return unknown();
  }

  /** The largest value per unit over every chosen initiative: measures with the same unit are
   *  drawn on one scale; a measure without a unit gets its own. */
  function scales(items) {
    var max = Object.create(null);
    items.forEach(function (d) {
      d.outcomes.forEach(function (o) {
        if (o.unit) max[o.unit] = Math.max(max[o.unit] || 0, o.before, o.after);
      });
    });
    return max;
  }

  function outcomes(d, max) {
    if (!d.outcomes.length) return unknown();
    return list(d.outcomes.map(function (o) {
      var wrap = el('div', 'cmp-outcome');
      wrap.appendChild(el('span', 'cmp-measure', o.measure));
      wrap.appendChild(el('span', 'cmp-values', S.before.toLowerCase() + ' ' + o.before_text + ' → ' +
        S.after.toLowerCase() + ' ' + o.after_text + (o.unit ? ' ' + o.unit : '')));
      var top = o.unit ? max[o.unit] : Math.max(o.before, o.after);
      var bars = el('span', 'cmp-bars');
      bars.setAttribute('aria-hidden', 'true');
      [['before', o.before], ['after', o.after]].forEach(function (b) {
        var bar = el('span', 'cmp-bar cmp-' + b[0]);
        bar.style.width = (top > 0 && b[1] > 0 ? Math.max(1, b[1] / top * 100) : 0).toFixed(1) + '%';
        bars.appendChild(bar);
      });
      wrap.appendChild(bars);
      return wrap;
    }));
  }

  function contact(d) {
    var c = d.contact;
    if (!c || !(c.name || c.organisation || c.url)) return unknown();
    var p = el('span', '', [c.name, c.organisation].filter(Boolean).join(', '));
    if (c.url) {
      var a = el('a', '', c.url);
      a.href = c.url;
      if (p.textContent) p.appendChild(document.createTextNode(' — '));
      p.appendChild(a);
    }
    return p;
  }

  var ROWS = [
    ['region', function (d) { return d.region ? el('span', '', d.region) : unknown(); }],
    ['started', function (d) {
      if (!d.started) return unknown();
      var t = el('time', '', d.started[1]);
      t.setAttribute('datetime', d.started[0]);
      return t;
    }],
    ['phase', function (d) { return d.phase ? el('span', '', d.phase) : unknown(); }],
    ['evidence', function (d) { return d.evidence ? el('span', '', d.evidence) : unknown(); }],
    ['tax_financing', function (d) { return terms(d, 'financing'); }],
    ['tax_domains', function (d) { return terms(d, 'domains'); }],
    ['tax_themes', function (d) { return terms(d, 'themes'); }],
    ['tax_stakeholders', function (d) { return terms(d, 'stakeholders'); }],
    ['key_figures', function (d) {
      return list(d.figures.map(function (f) {
        var s = el('span');
        s.appendChild(el('strong', '', f[1]));
        s.appendChild(document.createTextNode(' ' + f[0]));
        return s;
      }));
    }],
    ['outcomes', null],
    ['compare_lessons', function (d) { return list(d.lessons.map(function (k) { return k[0] + ': ' + k[1]; })); }],
    ['contact', contact],
  ];

  function render(slugs) {
    var table = box.querySelector('.compare-table');
    var items = slugs.map(function (s) { return data[s] || { slug: s, missing: true }; });
    var found = items.filter(function (d) { return !d.missing; });
    var max = scales(found);
    var head = el('thead');
    var tr = el('tr');
    tr.appendChild(el('th', '', S.initiative)).setAttribute('scope', 'col');
    items.forEach(function (d) {
      var th = el('th');
      th.setAttribute('scope', 'col');
      if (d.missing) {
        th.appendChild(el('span', '', d.slug));
      } else {
        var a = el('a', '', d.title);
        a.href = href(d.path);
        th.appendChild(a);
      }
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var body = el('tbody');
    ROWS.forEach(function (row) {
      var r = el('tr');
      var th = el('th', '', S[row[0]]);
      th.setAttribute('scope', 'row');
      r.appendChild(th);
      items.forEach(function (d) {
        var td = el('td');
        if (d.missing) td.appendChild(el('span', 'cmp-unknown', S.compare_missing));
        else td.appendChild(row[1] ? row[1](d) : outcomes(d, max));
        r.appendChild(td);
      });
      body.appendChild(r);
    });
    table.appendChild(head);
    table.appendChild(body);
    table.style.setProperty('--columns', String(items.length));
    var link = box.querySelector('.compare-link');
    link.href = href('vergelijk/') + '?i=' + slugs.join(',');
    // The address printed under the handout is this comparison's.
    var printed = document.querySelector('.print-url');
    if (printed && printed.textContent.indexOf('?') < 0) printed.textContent += '?i=' + slugs.join(',');
    box.querySelector('.compare-empty').hidden = true;
    box.querySelector('.compare-result').hidden = false;
    box.setAttribute('data-ready', 'true');
    document.body.classList.add('comparing');
    document.title = found.map(function (d) { return d.title; }).join(' · ') + ' – ' + document.title;
  }

  box.querySelector('.compare-print').addEventListener('click', function () { window.print(); });

  var slugs = chosen();
  if (!slugs.length) {
    box.setAttribute('data-ready', 'true');
    return;
  }
  Promise.all(slugs.map(load)).then(function () { render(slugs); });
})();
