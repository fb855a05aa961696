  // client/search/4-query.js: one search in stages (Query), how its counts are made (mode),
  // ranking, facet filtering and counting, the callbacks data files call, highlighting, and the
  // API node tests use.

  function Query(engine, query, options) {
    this.e = engine;
    this.options = options || {};
    this.words = engine.analyze(query, this.options);
    this.shown = this.options.shown || PAGE;
    this.top = this.options.top || TOP;
    this.out = null;
    this.sel = null;
    this.terms = null;
    this.found = null;
  }

  function missing(engine, files) {
    var out = [];
    files.forEach(function (f) { if (!engine.have[f] && out.indexOf(f) < 0) out.push(f); });
    return out;
  }

  Query.prototype.next = function () {
    var e = this.e, self = this, need;
    var slugs = e.initiativeSlugs(this.options.facets);
    if (!this.keysIn) {   // stage 0: key files of the words (large sites), n.js for URL slugs
      need = [];
      this.words.forEach(function (w) {
        (w.prefix || [w.stem]).forEach(function (form) { var f = e.keyFileOf(form); if (f) need.push(f); });
      });
      if (slugs.length) need.push('search/n.js');
      need = missing(e, need);
      if (need.length) return need;
      this.keysIn = true;
    }
    if (!this.sel) {   // stage 1: shards, label chunks of the URL's initiative slugs
      need = [];
      this.words.forEach(function (w) { e.wordKeys(w).forEach(function (k) { need.push(e.shardFile(k)); }); });
      slugs.forEach(function (slug) {
        var c = e.labelChunkOf(slug);
        if (c >= 0) need.push('search/i-' + c + '.js');
      });
      need = missing(e, need);
      if (need.length) return need;
      this.sel = e.selection(this.options.facets);
      if (!this.words.length && !this.sel.some(function (s) { return s.size > 0; })) {
        this.out = { words: this.words, idle: true, total: 0, results: [], counts: null, selection: this.sel, initiatives: [], shown: this.shown };
        return null;
      }
    }
    var noFacets = !this.sel.some(function (s) { return s.size > 0; });
    var early = noFacets && this.options.onResults;
    if (!this.terms) {   // stage 2: what the ranking needs (see Engine.mode): big terms' p-files
      var terms = this.words.map(function (w) { return e.termsFor(w); });
      this.mode = e.mode(terms, noFacets, this.top);
      need = [];
      if (this.mode === 'summary') {
        var t = terms[0][0], head = e.summary(t.term, t.entry).head.length;
        if (this.shown > head && t.entry[1] > head) need.push('search/p-' + t.entry[0] + '.js');
      } else if (this.mode !== 'none') {
        terms.forEach(function (list) {
          list.forEach(function (t) { if (typeof t.entry !== 'string') need.push('search/p-' + t.entry[0] + '.js'); });
        });
      }
      // and what the counts need: with early results, that loads beside their display chunks
      this.countFiles = this.mode === 'coded' ? ['search/r.js'] : this.mode === 'full' ? ['search/r.js', 'search/f.js'] : [];
      need = missing(e, early ? need : need.concat(this.countFiles));
      if (need.length) return need;
      this.terms = terms;
    }
    // No facet selected: the ranking needs no facet data, so the first results are handed to
    // options.onResults as soon as their display chunks are in, before counting.
    if (early && !this.early) {
      // Only the first few (what one round of requests brings): the rest of the page follows.
      // r.js (small) comes in the same round; f.js (large) only after the first results.
      var ranked = this.ranked || (this.ranked = e.ranked(this.terms, this.mode, this.shown));
      var first = Math.min(this.shown, FIRST);
      need = this.countFiles.filter(function (f) { return f === 'search/r.js'; });
      for (var r = 0; r < ranked.length && r < first; r++) {
        need.push('search/d-' + Math.floor(ranked[r].id / e.meta.chunk) + '.js');
      }
      need = missing(e, need);
      if (need.length) return need;
      this.early = true;
      this.options.onResults({
        words: this.words, idle: false, total: e.total(this.terms, this.mode, ranked), shown: this.shown, selection: this.sel,
        results: ranked.map(function (x, k) { return k < first ? { id: x.id, score: x.score, doc: e.doc(x.id) } : x; })
      });
    }
    need = missing(e, this.countFiles);   // stage 2b: f.js after early results
    if (need.length) return need;
    if (!this.found) this.found = e.collect(this.terms, this.sel, this.top, this.ranked, this.mode, this.shown);
    var found = this.found;
    // stage 3: display chunks of the results shown, label chunks of the initiative values shown
    need = [];
    for (var k = 0; k < found.results.length && k < this.shown; k++) {
      need.push('search/d-' + Math.floor(found.results[k].id / e.meta.chunk) + '.js');
    }
    found.initiatives.forEach(function (i) { need.push('search/i-' + Math.floor(i / e.meta.labels) + '.js'); });
    need = missing(e, need);
    if (need.length) return need;
    var results = found.results.map(function (r, k) {
      return k < self.shown ? { id: r.id, score: r.score, doc: e.doc(r.id) } : r;
    });
    var initiatives = found.initiatives.map(function (i) {
      var label = e.initiative(i);
      return { index: i, slug: label.slug, label: label.label, count: found.counts[e.initiativeFacet][i], selected: self.sel[e.initiativeFacet].has(i) };
    });
    this.out = {
      words: this.words, idle: false, total: found.total, results: results, counts: found.counts,
      selection: this.sel, initiatives: initiatives, shown: this.shown
    };
    return null;
  };

  /** How a query's counts are made, from its words' terms:
   *  'none': a word has no term (no results, nothing to count);
   *  'summary': one word matched as one big term, no facet selected, at most meta.tops
   *    initiative values wanted: all from the term's summary (its p-file only past its head);
   *  'coded': a word whose terms are all small: every result is in their postings, whose
   *    codes give the facet values (r.js gives initiatives);
   *  'full': otherwise (also a facet-only search): f.js and r.js. */
  Engine.prototype.mode = function (terms, noFacets, top) {
    if (!terms.length) return 'full';
    if (terms.some(function (t) { return t.length === 0; })) return 'none';
    var bigEntry = function (t) { return typeof t.entry !== 'string'; };
    if (terms.length === 1 && terms[0].length === 1 && bigEntry(terms[0][0]) && noFacets && top <= (this.meta.tops || 0)) {
      return 'summary';
    }
    return terms.some(function (list) { return !list.some(bigEntry); }) ? 'coded' : 'full';
  };

  /** The ranked results without facet filtering: a summary's head when it covers `shown`. */
  Engine.prototype.ranked = function (terms, mode, shown) {
    if (mode === 'summary') {
      var t = terms[0][0], head = this.summary(t.term, t.entry).head, df = t.entry[1];
      if (shown <= head.length || df <= head.length) {
        var idf = 1 + Math.log(this.meta.count / (df + 1));
        return head.map(function (h) { return { id: h[0], score: idf * h[1] }; });
      }
    }
    return this.rank(terms);
  };

  /** The number of results before facet filtering. */
  Engine.prototype.total = function (terms, mode, ranked) {
    return mode === 'summary' ? terms[0][0].entry[1] : ranked.length;
  };

  /** The ranked matches of the words' terms, without facet filtering: [{id, score}] by score,
   *  then id — what `collect` ranks when no facet is selected. Needs the postings only. */
  Engine.prototype.rank = function (terms) {
    var count = this.meta.count, self = this, total = null;
    if (!terms.length || terms.some(function (t) { return t.length === 0; })) return [];
    for (var w = 0; w < terms.length; w++) {
      var best = new Float64Array(count);
      terms[w].forEach(function (t) {
        var p = self.postings(t.term, t.entry);
        var idf = 1 + Math.log(count / (p.ids.length + 1));
        for (var k = 0; k < p.ids.length; k++) {
          var d = p.ids[k], s = idf * p.weights[k];
          if (d < count && s > best[d]) best[d] = s;
        }
      });
      if (total === null) total = best;
      else for (var d2 = 0; d2 < count; d2++) total[d2] = total[d2] > 0 && best[d2] > 0 ? total[d2] + best[d2] : 0;
    }
    var out = [];
    for (var d3 = 0; d3 < count; d3++) if (total[d3] > 0) out.push({ id: d3, score: total[d3] });
    return out.sort(function (p, q) { return q.score - p.score || p.id - q.id; });
  };

  /** has(j, v, d): whether document d has value v of value facet j, from f.js ('full') or from
   *  the codes in the postings of a word whose terms are all small ('coded'). */
  Engine.prototype.membership = function (terms, mode) {
    var self = this;
    if (mode !== 'coded') {
      var sets = this.facetSets(), at = this.facets.map(function (f, j) { return self.valueFacets.indexOf(j); });
      return function (j, v, d) { var s = sets[at[j]] && sets[at[j]][v]; return s ? s[d] === 1 : false; };
    }
    var W = this.words, offsets = this.meta.code.offsets, where = new Map();
    var list = terms.filter(function (l) { return l.every(function (t) { return typeof t.entry === 'string'; }); })[0];
    list.forEach(function (t) {
      var p = self.postings(t.term, t.entry);
      for (var k = 0; k < p.ids.length; k++) if (!where.has(p.ids[k])) where.set(p.ids[k], { c: p.codes, at: k * W });
    });
    return function (j, v, d) {
      var e = where.get(d), bit = offsets[j] + v;
      return e ? ((e.c[e.at + Math.floor(bit / 30)] >>> (bit % 30)) & 1) === 1 : false;
    };
  };

  /** Matching, facet filtering and counting, with what `mode` needs loaded. Returns
   *  {results: [{id, score}] ranked, total, counts, initiatives: [index] to show}. */
  Engine.prototype.collect = function (terms, sel, top, ranked, mode, shown) {
    var meta = this.meta, count = meta.count, self = this;
    var counts = this.facets.map(function (f) {
      return f.values ? f.values.map(function () { return 0; }) : new Int32Array(meta.initiatives);
    });
    var jI = this.initiativeFacet;
    if (mode === 'summary') {
      var t = terms[0][0], sum = this.summary(t.term, t.entry);
      this.valueFacets.forEach(function (j, n) { counts[j] = sum.counts[n].slice(); });
      if (jI >= 0) sum.tops.forEach(function (p) { if (p[0] < counts[jI].length) counts[jI][p[0]] = p[1]; });
      ranked = ranked || this.ranked(terms, mode, shown);
      return this.shownInitiatives({ results: ranked, total: t.entry[1], counts: counts }, sel, top);
    }
    var ids = [], score = null;
    if (terms.length) {
      // In rank order (`ranked`, when the caller has it already): results come out ranked.
      ranked = ranked || this.rank(terms);
      score = new Float64Array(count);
      ranked.forEach(function (x) { score[x.id] = x.score; });
      ids = ranked.map(function (x) { return x.id; });
    } else {
      for (var d4 = 0; d4 < count; d4++) ids.push(d4);
    }
    if (!ids.length) return this.shownInitiatives({ results: [], total: 0, counts: counts }, sel, top);
    var owner = this.owners(), has = this.membership(terms, mode);
    // Per active facet: does a document pass it?
    var active = [], pass = [];
    this.facets.forEach(function (f, j) {
      if (!sel[j].size) return;
      var values = Array.from(sel[j]);
      active.push(j);
      pass.push(j === jI
        ? function (d) { return sel[j].has(owner[d]); }
        : function (d) { for (var v = 0; v < values.length; v++) if (has(j, values[v], d)) return true; return false; });
    });
    // Documents passing all active facets count for every facet (and are results); documents
    // failing exactly one facet count for that facet only (disjunctive counts).
    var results = [], countFor = this.facets.map(function () { return []; }), all = [];
    for (var x = 0; x < ids.length; x++) {
      var id = ids[x], failures = 0, failed = -1;
      for (var a = 0; a < active.length && failures < 2; a++) if (!pass[a](id)) { failures++; failed = active[a]; }
      if (failures === 0) { results.push({ id: id, score: score ? score[id] : 0 }); all.push(id); }
      else if (failures === 1) countFor[failed].push(id);
    }
    this.facets.forEach(function (f, j) {
      [all, countFor[j]].forEach(function (l) {
        for (var k = 0; k < l.length; k++) {
          if (j === jI) {
            var o = owner[l[k]];
            if (o >= 0) counts[j][o]++;
          } else {
            for (var v = 0; v < f.values.length; v++) if (has(j, v, l[k])) counts[j][v]++;
          }
        }
      });
    });
    return this.shownInitiatives({ results: results, total: results.length, counts: counts }, sel, top);
  };

  /** Adds `initiatives`: the `top` initiatives by count (count > 0; ties: lower index) plus the
   *  selected ones, ordered by count descending, then index. */
  Engine.prototype.shownInitiatives = function (found, sel, top) {
    var j = this.initiativeFacet, list = [];
    if (j >= 0) {
      var c = found.counts[j];
      for (var i = 0; i < c.length; i++) {
        if (!c[i]) continue;
        if (list.length === top && c[i] <= c[list[top - 1]]) continue;
        var at = list.length;
        while (at > 0 && c[list[at - 1]] < c[i]) at--;
        list.splice(at, 0, i);
        if (list.length > top) list.pop();
      }
      sel[j].forEach(function (s) { if (list.indexOf(s) < 0) list.push(s); });
      list.sort(function (a, b) { return c[b] - c[a] || a - b; });
    }
    found.initiatives = list;
    return found;
  };

  /** Searches, loading what is missing with `load(file)` (a promise; see `callbacks`).
   *  options: {prefix (default true), facets: {param: [slugs]}, shown (20), top (10),
   *  onResults (called once, when no facet is selected, as soon as the first few results can
   *  show: `results` carries `doc` for the first min(shown, 6) only)}.
   *  Resolves to {words, idle, total, results: [{id, score, doc (the first `shown`)}],
   *  counts (per facet per value; initiatives: Int32Array, from a summary only the values shown), selection, initiatives: [{index,
   *  slug, label, count, selected}], shown}. */
  Engine.prototype.run = function (query, options, load) {
    var self = this, q = new Query(this, query, options);
    function step() {
      var need = q.next();
      if (!need) return q.out;
      return Promise.all(need.map(function (f) { return self.fetch(f, load); })).then(step);
    }
    return Promise.resolve().then(step);
  };

  /** The same search synchronously; throws naming the files a stage still needs. */
  Engine.prototype.search = function (query, options) {
    var q = new Query(this, query, options);
    var need = q.next();
    if (need) throw new Error('not loaded: ' + need.join(', '));
    return q.out;
  };

  /** The `leernetSearch` callback object: feeds `engine` (an Engine, or a function returning
   *  the current one) and calls done(file, data) for each file that calls back. */
  function callbacks(engine, done) {
    function feed(kind) {
      return function (a, b, c) {
        var e = typeof engine === 'function' ? engine() : engine;
        done(e.feed(kind, a, b, c));
      };
    }
    return {
      meta: function (m) { done('search/meta.js', m); },
      shard: feed('shard'), keys: feed('keys'), postings: feed('postings'), facets: feed('facets'), ranges: feed('ranges'),
      firsts: feed('firsts'), docs: feed('docs'), labels: feed('labels')
    };
  }

  /** A predicate telling whether a word of displayed text matches the query words. */
  function highlighter(words, stopwords) {
    var stems = new Set(), prefixes = [];
    words.forEach(function (w) {
      if (w.prefix) prefixes.push.apply(prefixes, w.prefix);
      else if (w.stem) stems.add(w.stem);
    });
    var stop = toSet(stopwords);
    return function (segment) {
      var tokens = tokenize(segment);
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i];
        if (stop.has(t)) continue;
        var st = stem(t);
        if (stems.has(st)) return true;
        for (var k = 0; k < prefixes.length; k++) {
          if (st.indexOf(prefixes[k]) === 0 || t.indexOf(prefixes[k]) === 0) return true;
        }
      }
      return false;
    };
  }

  /** Splits text into [{text, mark}] pieces, marking words the predicate accepts. */
  function highlightPieces(text, isMatch) {
    var pieces = [];
    var re = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
    var last = 0, m;
    while ((m = re.exec(text))) {
      if (!isMatch(m[0])) continue;
      if (m.index > last) pieces.push({ text: text.slice(last, m.index), mark: false });
      pieces.push({ text: m[0], mark: true });
      last = m.index + m[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  var api = {
    fold: fold, tokenize: tokenize, stem: stem, pipeline: pipeline, hrefFor: hrefFor,
    Engine: Engine, callbacks: callbacks, highlighter: highlighter, highlightPieces: highlightPieces,
    v64: v64, decodePostings: decodePostings, decodeSummary: decodeSummary, decodeSet: decodeSet, fileKey: fileKey, cmp: cmp,
    frontDecoded: frontDecoded
  };

  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;
