/* leernet search client: offline Dutch full-text search with facets.
 *
 * Our own code, no dependencies. Works from file:// and over HTTP without fetch/XHR: every data
 * file is a <script> that calls back into the global `leernetSearch` object defined here.
 * The same file loads in node (module.exports: fold, tokenize, stem, pipeline, hrefFor, Engine,
 * highlighter, highlightPieces), so tests run exactly the shipped pipeline and ranking.
 *
 * Data contract (written by the Rust build, src/search/index.rs; paths relative to the site root):
 *   search/meta.js    leernetSearch.meta({version, lang, stopwords, boost, shards, docs,
 *                                          chunk, count, facets, strings})
 *   search/t-<key>.js leernetSearch.shard(key, {term: [docGap, weight, docGap, weight, ...]})
 *                     docGap: difference to the previous doc id (the first is the id itself);
 *                     weight: boost.title × count in the title + count in the body.
 *   search/d-<n>.js   leernetSearch.docs(n, [{t, u, k, i, n, s, f}, ...])
 * Shard keys have different lengths (a large group of terms is split by a longer prefix): a
 * term lives in the shard whose key is the longest key that is a prefix of it.
 * The page (templates/search.html) gives data-root (prefix to the site root) and
 * data-portable ("true" in a portable build) on #search.
 *
 * Text pipeline, identical to src/search/pipeline.rs (tests/search_js.rs compares them):
 * NFD, drop combining marks, lowercase per character (Rust char::to_lowercase: Σ is always σ),
 * tokens = runs of Rust char::is_alphanumeric characters (\p{Alphabetic} or \p{N}, a hair wider
 * than \p{L}\p{N}: it also takes e.g. Ⓐ), drop meta.stopwords, Snowball Dutch stem as in
 * rust-stemmers 1.2.
 *
 * Readings of the contract where it left a choice (the simplest one, written down here):
 *  - "chars" are Unicode code points: shard keys are compared by code points, as Rust's chars().
 *  - The last query word is matched as a prefix while it is being typed: prefix matching is on
 *    (the page always; Engine.search unless {prefix: false}), the query does not end in a space
 *    or other non-word character, and the word has at least 2 code points. It then matches
 *    every term that starts with its folded form or with its stem (a stem shorter than 2 code
 *    points is not used as a prefix, so one shard per form suffices). A stop word being typed
 *    ("de" on the way to "dementie") is kept as a prefix word with its folded form only; once
 *    completed it is dropped like any stop word.
 *  - A prefix word that expands to several terms contributes, per document, the best of those
 *    terms' idf × (boost.title × titleTf + boost.body × bodyTf), so one query word counts once.
 *  - Ranking: score descending, then doc id ascending (the build's order: initiatives, then
 *    lessons). A facet-only search (no searchable words) lists its documents in doc id order.
 *  - A query made only of stop words counts as an empty query. An empty query with no facet
 *    selected is idle: no results, nothing loaded, facets listed without counts.
 *  - Facet counts are disjunctive: a value's count is the number of results there would be with
 *    that value added to its own facet's selection (the query and the other facets still
 *    apply). Values with count 0 are hidden unless selected; a facet with no visible value is
 *    hidden. Unknown facet slugs in the URL are ignored.
 *  - URL state: `q` plus one repeated parameter per facet (`meta.facets[j].param`), in meta
 *    order. Typing replaces the current history entry, except that the first keystroke after a
 *    committed state (page load, back/forward, facet change, submit) pushes a new one; facet
 *    changes and submit push. If pushState/replaceState throw, the state goes to location.hash.
 *  - strings: results_one, results_many ("{n}"), no_results, remove_facet (a lead-in above one
 *    button per active facet value), loading, clear, filters, initiative, remove (the
 *    accessible prefix of those buttons); kind labels come from the `soort` facet's values.
 *  - Links: href = root + u, plus "index.html" when the build is portable and u is "" or ends
 *    in "/" (the rule of the Rust urls::href).
 */
(function (global) {
  'use strict';

  // ------------------------------------------------------------------ text pipeline

  // Exactly as the Rust side (src/search/pipeline.rs): NFD, drop combining marks, lowercase
  // char by char (Rust's char::to_lowercase, so no final-sigma rule: Σ is always σ), then runs
  // of chars that are Rust's char::is_alphanumeric (Alphabetic or Numeric).
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var MARKS = /\p{M}/gu;

  /** Remove diacritics and lowercase: `Coördinatie` -> `coordinatie`. */
  function fold(text) {
    return String(text).normalize('NFD').replace(MARKS, '').replace(/\u03A3/g, '\u03C3').toLowerCase();
  }

  /** Folded tokens: maximal runs of letters and digits. */
  function tokenize(text) {
    return fold(text).match(WORD) || [];
  }

  /** The full pipeline as the Rust side prints it: [{token, stem}], stem '' for a stop word. */
  function pipeline(text, stopwords) {
    var stop = toSet(stopwords);
    return tokenize(text).map(function (token) {
      return { token: token, stem: stop.has(token) ? '' : stem(token) };
    });
  }

  function toSet(list) {
    return list instanceof Set ? list : new Set(list || []);
  }

  function codePoints(s) {
    return Array.from(s);
  }

  // ------------------------------------------------------------------ Dutch stemmer
  // The Snowball Dutch algorithm (snowballstem.org, dutch.sbl), as rust-stemmers 1.2 runs it.
  // Works on an array of code points. The one place where rust-stemmers' UTF-8 byte offsets
  // show through is the R1 rule "at least 3 from the start", which counts bytes; R1 and R2 are
  // therefore kept as byte offsets.

  var ACCENTED = { 'á': 'a', 'ä': 'a', 'é': 'e', 'ë': 'e', 'í': 'i', 'ï': 'i', 'ó': 'o', 'ö': 'o', 'ú': 'u', 'ü': 'u' };

  function isVowel(c) {       // grouping v = a e i o u y è
    return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'è';
  }
  function isVowelOrI(c) {    // v_I = v + I
    return c === 'I' || isVowel(c);
  }
  function isVowelOrJ(c) {    // v_j = v + j
    return c === 'j' || isVowel(c);
  }

  function utf8Length(c) {
    var cp = c.codePointAt(0);
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  function bytesBefore(w, index) {
    var n = 0;
    for (var i = 0; i < index; i++) n += utf8Length(w[i]);
    return n;
  }

  function endsWith(w, suffix, end) {
    if (end === undefined) end = w.length;
    var start = end - suffix.length;
    if (start < 0) return false;
    for (var i = 0; i < suffix.length; i++) if (w[start + i] !== suffix[i]) return false;
    return true;
  }

  /** Index just past the first non-vowel that follows a vowel, searching from `from`; -1 if none. */
  function pastVowelThenNonVowel(w, from) {
    var i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    if (i >= w.length) return -1;
    i++;
    while (i < w.length && isVowel(w[i])) i++;
    if (i >= w.length) return -1;
    return i + 1;
  }

  function stem(word) {
    var w = codePoints(word);
    var i;

    // Prelude: remove acute accents and umlauts; mark consonantal y and i as Y and I.
    for (i = 0; i < w.length; i++) if (ACCENTED[w[i]]) w[i] = ACCENTED[w[i]];
    if (w[0] === 'y') w[0] = 'Y';
    for (i = 0; i + 1 < w.length; i++) {
      if (!isVowel(w[i])) continue;
      if (w[i + 1] === 'i' && i + 2 < w.length && isVowel(w[i + 2])) w[i + 1] = 'I';
      else if (w[i + 1] === 'y') w[i + 1] = 'Y';
    }

    // Regions R1 and R2 (byte offsets; R1 starts at byte 3 or later).
    var p1 = bytesBefore(w, w.length), p2 = p1;
    var c1 = pastVowelThenNonVowel(w, 0);
    if (c1 >= 0) {
      p1 = Math.max(bytesBefore(w, c1), 3);
      var c2 = pastVowelThenNonVowel(w, c1);
      if (c2 >= 0) p2 = bytesBefore(w, c2);
    }
    function inR1(index) { return bytesBefore(w, index) >= p1; }
    function inR2(index) { return bytesBefore(w, index) >= p2; }

    var eFound = false;

    function undouble() {
      if (endsWith(w, 'dd') || endsWith(w, 'kk') || endsWith(w, 'tt')) {
        w.length -= 1;
        return true;
      }
      return false;
    }

    function eEnding() {
      eFound = false;
      var at = w.length - 1;
      if (at < 1 || w[at] !== 'e' || !inR1(at) || isVowel(w[at - 1])) return;
      w.length = at;
      eFound = true;
      undouble();
    }

    function enEnding(at) {
      if (!inR1(at) || at < 1 || isVowel(w[at - 1]) || endsWith(w, 'gem', at)) return;
      w.length = at;
      undouble();
    }

    // Step 1: -heden, -en(e), -s(e).
    var n = w.length;
    if (endsWith(w, 'heden')) {
      if (inR1(n - 5)) w.splice(n - 5, 5, 'h', 'e', 'i', 'd');
    } else if (endsWith(w, 'ene')) {
      enEnding(n - 3);
    } else if (endsWith(w, 'en')) {
      enEnding(n - 2);
    } else if (endsWith(w, 'se') || endsWith(w, 's')) {
      var at = endsWith(w, 'se') ? n - 2 : n - 1;
      if (inR1(at) && at >= 1 && !isVowelOrJ(w[at - 1])) w.length = at;
    }

    // Step 2: -e.
    eEnding();

    // Step 3a: -heid.
    n = w.length;
    if (endsWith(w, 'heid') && inR2(n - 4) && !endsWith(w, 'c', n - 4)) {
      w.length = n - 4;
      if (endsWith(w, 'en')) enEnding(w.length - 2);
    }

    // Step 3b: -end, -ing, -ig, -lijk, -baar, -bar.
    n = w.length;
    if (endsWith(w, 'end') || endsWith(w, 'ing')) {
      if (inR2(n - 3)) {
        w.length = n - 3;
        var ig = w.length - 2;
        if (endsWith(w, 'ig') && inR2(ig) && !endsWith(w, 'e', ig)) w.length = ig;
        else undouble();
      }
    } else if (endsWith(w, 'ig')) {
      if (inR2(n - 2) && !endsWith(w, 'e', n - 2)) w.length = n - 2;
    } else if (endsWith(w, 'lijk')) {
      if (inR2(n - 4)) {
        w.length = n - 4;
        eEnding();
      }
    } else if (endsWith(w, 'baar')) {
      if (inR2(n - 4)) w.length = n - 4;
    } else if (endsWith(w, 'bar')) {
      if (inR2(n - 3) && eFound) w.length = n - 3;
    }

    // Step 4: undouble a vowel before a final consonant (maan -> man).
    n = w.length;
    if (n >= 4 && !isVowelOrI(w[n - 1]) && w[n - 3] === w[n - 2] && 'aeou'.indexOf(w[n - 2]) >= 0 &&
        !isVowel(w[n - 4])) {
      w.splice(n - 2, 1);
    }

    // Postlude: Y and I back to lowercase.
    for (i = 0; i < w.length; i++) {
      if (w[i] === 'Y') w[i] = 'y';
      else if (w[i] === 'I') w[i] = 'i';
    }
    return w.join('');
  }

  // ------------------------------------------------------------------ links

  /** The link from a page whose root prefix is `root` to the site path `path` (Rust urls::href). */
  function hrefFor(root, portable, path) {
    var cut = path.search(/[#?]/);
    var rest = cut >= 0 ? path.slice(cut) : '';
    if (cut >= 0) path = path.slice(0, cut);
    var out = root + path;
    if (portable && (path === '' || path.charAt(path.length - 1) === '/')) out += 'index.html';
    return out + rest;
  }

  // ------------------------------------------------------------------ the index (pure)

  /** The search core. Holds the meta, the shards and the doc chunks loaded so far; every method
   *  is synchronous. The page asks what is missing (`missingShards`, then `match` and
   *  `missingChunks`), loads it, then calls `finish`; node tests load everything and call
   *  `search`. Loaded shards and chunks stay, so each file is loaded at most once. */
  function Engine(meta) {
    this.meta = meta;
    this.stop = new Set(meta.stopwords || []);
    this.shardFiles = meta.shards || {};
    this.maxKey = Object.keys(this.shardFiles).reduce(function (m, k) { return Math.max(m, codePoints(k).length); }, 0);
    this.shards = Object.create(null);   // key -> {map: {term: postings}, terms: sorted terms}
    this.chunks = Object.create(null);   // chunk number -> array of docs
    this.facets = meta.facets || [];
    this.facetByParam = Object.create(null);
    for (var j = 0; j < this.facets.length; j++) {
      var slugs = Object.create(null);
      this.facets[j].values.forEach(function (v, index) { slugs[v.slug] = index; });
      this.facetByParam[this.facets[j].param] = { index: j, slugs: slugs };
    }
  }

  /** The shard holding a term: the longest shard key that is a prefix of it (null if none). */
  Engine.prototype.keyOf = function (term) {
    var cps = codePoints(term);
    for (var n = Math.min(cps.length, this.maxKey); n > 0; n--) {
      var key = cps.slice(0, n).join('');
      if (this.shardFiles[key]) return key;
    }
    return null;
  };

  /** Postings arrive as [doc gap, weight, ...]; kept as [doc id, weight, ...]. */
  Engine.prototype.addShard = function (key, terms) {
    Object.keys(terms).forEach(function (term) {
      var p = terms[term];
      for (var i = 0, id = 0; i < p.length; i += 2) { id += p[i]; p[i] = id; }
    });
    this.shards[key] = { map: terms, terms: Object.keys(terms).sort() };
  };

  Engine.prototype.addDocs = function (n, docs) {
    this.chunks[n] = docs;
  };

  Engine.prototype.chunkOf = function (id) {
    return Math.floor(id / this.meta.chunk);
  };

  Engine.prototype.doc = function (id) {
    var chunk = this.chunks[this.chunkOf(id)];
    return chunk ? chunk[id % this.meta.chunk] : undefined;
  };

  /** Query text -> words: [{token, stem, prefix: [forms] | null}]. */
  Engine.prototype.analyze = function (query, options) {
    var allowPrefix = !options || options.prefix !== false;
    var text = String(query || '');
    var open = allowPrefix && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(text);
    var tokens = tokenize(text);
    var words = [];
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      var isStop = this.stop.has(token);
      var typing = open && i === tokens.length - 1 && codePoints(token).length >= 2;
      if (isStop && !typing) continue;
      var st = isStop ? '' : stem(token);
      var forms = null;
      if (typing) {
        forms = [token];
        if (st && st !== token && codePoints(st).length >= 2) forms.push(st);
      }
      words.push({ token: token, stem: st, prefix: forms });
    }
    return words;
  };

  /** Shard keys (existing ones only) that a term prefix needs. */
  Engine.prototype.keysForPrefix = function (prefix) {
    // The shard that would hold the prefix itself, and every longer key under it.
    var keys = Object.keys(this.shardFiles).filter(function (k) { return k.indexOf(prefix) === 0; });
    var own = this.keyOf(prefix);
    if (own && keys.indexOf(own) < 0) keys.push(own);
    return keys;
  };

  /** The shard keys a query needs that exist in meta.shards. */
  Engine.prototype.shardKeys = function (words) {
    var keys = new Set();
    var self = this;
    words.forEach(function (w) {
      if (w.prefix) {
        w.prefix.forEach(function (p) { self.keysForPrefix(p).forEach(function (k) { keys.add(k); }); });
      } else if (self.keyOf(w.stem)) {
        keys.add(self.keyOf(w.stem));
      }
    });
    return Array.from(keys);
  };

  Engine.prototype.missingShards = function (words) {
    var self = this;
    return this.shardKeys(words).filter(function (k) { return !self.shards[k]; });
  };

  Engine.prototype.idf = function (postings) {
    return 1 + Math.log(this.meta.count / (postings.length / 2 + 1));
  };

  /** Terms (from loaded shards) matching one query word. */
  Engine.prototype.termsFor = function (word) {
    var self = this;
    if (!word.prefix) {
      var key = this.keyOf(word.stem);
      var shard = key && this.shards[key];
      return shard && Object.prototype.hasOwnProperty.call(shard.map, word.stem) ? [word.stem] : [];
    }
    var found = new Set();
    word.prefix.forEach(function (p) {
      self.keysForPrefix(p).forEach(function (key) {
        var shard = self.shards[key];
        if (!shard) return;
        var terms = shard.terms;
        var lo = 0, hi = terms.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (terms[mid] < p) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < terms.length && terms[i].indexOf(p) === 0; i++) found.add(terms[i]);
      });
    });
    return Array.from(found);
  };

  Engine.prototype.postings = function (term) {
    return this.shards[this.keyOf(term)].map[term];
  };

  /** Score every document that matches all words (AND). Returns a Map docId -> score, or null
   *  when there are no words (meaning: every document). Needs the shards loaded. */
  Engine.prototype.match = function (words) {
    if (!words.length) return null;
    var self = this;
    var perWord = words.map(function (word) {
      var scores = new Map();
      self.termsFor(word).forEach(function (term) {
        var p = self.postings(term);
        var idf = self.idf(p);
        for (var i = 0; i < p.length; i += 2) {
          var s = idf * p[i + 1];
          var old = scores.get(p[i]);
          if (old === undefined || s > old) scores.set(p[i], s);
        }
      });
      return scores;
    });
    perWord.sort(function (a, b) { return a.size - b.size; });
    var result = new Map();
    perWord[0].forEach(function (score, id) {
      var total = score;
      for (var k = 1; k < perWord.length; k++) {
        var s = perWord[k].get(id);
        if (s === undefined) return;
        total += s;
      }
      result.set(id, total);
    });
    return result;
  };

  /** Chunk numbers not yet loaded that the ids (or all docs when ids is null) need. */
  Engine.prototype.missingChunks = function (ids) {
    var need = new Set();
    if (ids === null) {
      for (var n = 0; n < this.meta.docs.length; n++) need.add(n);
    } else {
      var self = this;
      ids.forEach(function (id) { need.add(self.chunkOf(id)); });
    }
    var chunks = this.chunks;
    return Array.from(need).filter(function (n) { return !chunks[n]; }).sort(function (a, b) { return a - b; });
  };

  /** {param: [slugs]} -> per facet index a Set of value indices (unknown slugs dropped). */
  Engine.prototype.selection = function (facets) {
    var sel = this.facets.map(function () { return new Set(); });
    var self = this;
    Object.keys(facets || {}).forEach(function (param) {
      var f = self.facetByParam[param];
      if (!f) return;
      [].concat(facets[param]).forEach(function (slug) {
        if (f.slugs[slug] !== undefined) sel[f.index].add(f.slugs[slug]);
      });
    });
    return sel;
  };

  /** Final step, with shards and chunks loaded: filter by facets, count, rank.
   *  `matched` is the result of `match` (null: all documents). */
  Engine.prototype.finish = function (matched, facets) {
    var sel = this.selection(facets);
    var active = [];
    sel.forEach(function (s, j) { if (s.size) active.push(j); });
    var ids;
    if (matched === null) {
      ids = [];
      for (var d = 0; d < this.meta.count; d++) ids.push(d);
    } else {
      ids = Array.from(matched.keys()).sort(function (a, b) { return a - b; });
    }
    var counts = this.facets.map(function (f) { return f.values.map(function () { return 0; }); });
    var results = [];
    for (var x = 0; x < ids.length; x++) {
      var id = ids[x];
      var doc = this.doc(id);
      if (!doc) continue;
      // Which active facets does the doc fail? Counting facet j needs all others to pass.
      var failed = -1, failures = 0;
      for (var a = 0; a < active.length; a++) {
        var j = active[a];
        if (!carriesAny(doc.f[j], sel[j])) { failures++; failed = j; }
      }
      if (failures === 0) results.push({ id: id, score: matched ? matched.get(id) : 0, doc: doc });
      if (failures > 1) continue;
      for (var k = 0; k < this.facets.length; k++) {
        if (failures === 1 && k !== failed) continue;
        var values = doc.f[k] || [];
        for (var v = 0; v < values.length; v++) counts[k][values[v]]++;
      }
    }
    results.sort(function (p, q) { return q.score - p.score || p.id - q.id; });
    return { results: results, total: results.length, counts: counts, selection: sel };
  };

  /** Everything at once, for node and tests: needs all required shards and chunks loaded.
   *  options: {prefix: bool (default true), facets: {param: [slugs]}}. Like the page, a search
   *  with no searchable words and no facet is idle: no results (not every document). */
  Engine.prototype.search = function (query, options) {
    options = options || {};
    var words = this.analyze(query, options);
    if (!words.length && !this.selection(options.facets).some(function (s) { return s.size > 0; })) {
      return { results: [], total: 0, counts: null, selection: this.selection({}), words: words, idle: true };
    }
    var missing = this.missingShards(words);
    if (missing.length) throw new Error('shards not loaded: ' + missing.join(', '));
    var matched = this.match(words);
    var chunks = this.missingChunks(matched === null ? null : Array.from(matched.keys()));
    if (chunks.length) throw new Error('doc chunks not loaded: ' + chunks.join(', '));
    var out = this.finish(matched, options.facets);
    out.words = words;
    return out;
  };

  function carriesAny(values, wanted) {
    if (!values) return false;
    for (var i = 0; i < values.length; i++) if (wanted.has(values[i])) return true;
    return false;
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
    Engine: Engine, highlighter: highlighter, highlightPieces: highlightPieces
  };

  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ------------------------------------------------------------------ loader (browser)
  // Each data file is loaded once, by a <script> element; its callback resolves the promise.
  // Promises are cached by file, so concurrent searches share loads and nothing loads twice.

  var waiting = Object.create(null);   // callback id -> {resolve, reject}
  var loads = Object.create(null);     // src -> promise
  var engine = null;

  function loadScript(src, id) {
    if (loads[src]) return loads[src];
    var promise = new Promise(function (resolve, reject) {
      waiting[id] = { resolve: resolve, reject: reject };
      var el = document.createElement('script');
      el.src = src;
      el.async = true;
      el.onload = function () {
        el.remove();   // its data is in the engine now
        // The file ran without calling back: a broken or foreign file.
        if (waiting[id]) { delete waiting[id]; reject(new Error('no data in ' + src)); }
      };
      el.onerror = function () {
        el.remove();
        delete waiting[id];
        reject(new Error('cannot load ' + src));
      };
      document.head.appendChild(el);
    });
    loads[src] = promise;
    promise.catch(function () { delete loads[src]; });   // a later search may retry
    return promise;
  }

  function arrived(id, value) {
    var w = waiting[id];
    if (!w) return;
    delete waiting[id];
    w.resolve(value);
  }

  global.leernetSearch = {
    meta: function (meta) { arrived('meta', meta); },
    shard: function (key, terms) {
      if (engine) engine.addShard(key, terms);
      arrived('t:' + key, terms);
    },
    docs: function (n, docs) {
      if (engine) engine.addDocs(n, docs);
      arrived('d:' + n, docs);
    }
  };

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
  var PAGE = 50;

  var strings = {};
  var state = { q: '', facets: {} };
  var shown = PAGE;
  var generation = 0;
  var useHash = false;
  var committed = true;        // the current history entry is a committed state: push next time
  var facetInputs = [];        // [{j, v, input, item, count}]
  var facetGroups = [];        // one fieldset per facet
  var loadingTimer = 0;
  var lastStatus = null;
  var pageTitle = document.title;

  box.hidden = false;
  // Filters open beside the results on wide screens, folded away above them on phones.
  if (global.matchMedia && !global.matchMedia('(min-width: 50rem)').matches) panel.open = false;

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

  // ---- facets panel (built once; counts and visibility updated in place, so focus stays)

  function buildFacets() {
    engine.facets.forEach(function (facet, j) {
      var group = document.createElement('fieldset');
      group.className = 'facet facet-' + facet.param;
      var legend = document.createElement('legend');
      legend.textContent = facet.name;
      group.appendChild(legend);
      var list = document.createElement('ul');
      facet.values.forEach(function (value, v) {
        var item = document.createElement('li');
        var id = 'f-' + facet.param + '-' + v;
        var check = document.createElement('input');
        check.type = 'checkbox';
        check.id = id;
        check.name = facet.param;
        check.value = value.slug;
        var label = document.createElement('label');
        label.htmlFor = id;
        var text = document.createElement('span');
        text.className = 'facet-label';
        text.textContent = value.label;
        var count = document.createElement('span');
        count.className = 'count';
        label.appendChild(text);
        label.appendChild(document.createTextNode(' '));
        label.appendChild(count);
        item.appendChild(check);
        item.appendChild(label);
        list.appendChild(item);
        facetInputs.push({ j: j, v: v, input: check, item: item, count: count });
      });
      group.appendChild(list);
      facetsEl.appendChild(group);
      facetGroups.push(group);
    });
    facetsEl.addEventListener('change', function (e) {
      if (e.target.type !== 'checkbox') return;
      state.facets = checkedFacets();
      commit();
    });
  }

  function checkedFacets() {
    var facets = {};
    facetInputs.forEach(function (f) {
      if (!f.input.checked) return;
      var param = engine.facets[f.j].param;
      (facets[param] = facets[param] || []).push(f.input.value);
    });
    return facets;
  }

  /** counts: per facet per value, or null for "no counts" (nothing searched yet). */
  function showFacets(counts, sel) {
    var visible = engine.facets.map(function () { return 0; });
    var active = 0;
    facetInputs.forEach(function (f) {
      var selected = sel[f.j].has(f.v);
      if (selected) active++;
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
    facetGroups.forEach(function (g, j) { g.hidden = visible[j] === 0; });
    activeCountEl.textContent = active ? '(' + active + ')' : '';
  }

  // ---- results

  function kindLabel(kind) {
    if (kind === 'initiatief') return say('initiative');
    var f = engine.facetByParam.soort;
    if (f && f.slugs[kind] !== undefined) return engine.facets[f.index].values[f.slugs[kind]].label;
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

  function renderResult(result, isMatch) {
    var doc = result.doc;
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
    return item;
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
        var facet = engine.facets[j], value = facet.values[v];
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
          var left = (state.facets[facet.param] || []).filter(function (s) { return s !== value.slug; });
          if (left.length) state.facets[facet.param] = left; else delete state.facets[facet.param];
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

  function render(out, words) {
    var isMatch = highlighter(words, engine.stop);
    listEl.textContent = '';
    var frag = document.createDocumentFragment();
    out.results.slice(0, shown).forEach(function (r) { frag.appendChild(renderResult(r, isMatch)); });
    listEl.appendChild(frag);
    moreButton.hidden = out.total <= shown;
    clearButton.hidden = !out.selection.some(function (s) { return s.size > 0; });
    if (out.total === 0) renderNone(out.selection);
    else { noneEl.hidden = true; noneEl.textContent = ''; }
    box.setAttribute('data-state', out.total ? 'results' : 'none');
    setStatus(out.total === 1 ? say('results_one') : say('results_many', out.total));
  }

  function renderIdle() {
    clearTimeout(loadingTimer);
    listEl.removeAttribute('aria-busy');
    listEl.textContent = '';
    noneEl.hidden = true;
    moreButton.hidden = true;
    clearButton.hidden = true;
    box.setAttribute('data-state', 'idle');
    setStatus('');
    showFacets(null, engine.selection({}));
  }

  function fail(err) {
    clearTimeout(loadingTimer);
    listEl.removeAttribute('aria-busy');
    box.setAttribute('data-state', 'error');
    setStatus(box.getAttribute('data-error') || String(err && err.message));
    if (global.console) global.console.error(err);
  }

  /** Searches the current state: loads the shards and chunks it needs, then renders.
   *  A newer run makes older ones drop their results. */
  function run() {
    var mine = ++generation;
    var words = engine.analyze(state.q);
    var sel = engine.selection(state.facets);
    var done = queryString(state);   // what this run shows, for tests: data-rendered
    if (!words.length && !sel.some(function (s) { return s.size > 0; })) {
      renderIdle();
      box.setAttribute('data-rendered', done);
      return Promise.resolve();
    }
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(function () {
      if (mine !== generation) return;
      listEl.setAttribute('aria-busy', 'true');
      setStatus(say('loading'));
    }, 250);
    var shards = engine.missingShards(words).map(function (key) {
      return loadScript(root + engine.shardFiles[key], 't:' + key);
    });
    return Promise.all(shards).then(function () {
      if (mine !== generation) return;
      var matched = engine.match(words);
      var chunks = engine.missingChunks(matched === null ? null : Array.from(matched.keys()));
      return Promise.all(chunks.map(function (n) {
        return loadScript(root + engine.meta.docs[n], 'd:' + n);
      })).then(function () {
        if (mine !== generation) return;
        clearTimeout(loadingTimer);
        listEl.removeAttribute('aria-busy');
        var out = engine.finish(matched, state.facets);
        showFacets(out.counts, out.selection);
        render(out, words);
        box.setAttribute('data-rendered', done);
      });
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
  loadScript(root + 'search/meta.js', 'meta').then(function (meta) {
    engine = new Engine(meta);
    strings = meta.strings || {};
    buildFacets();
    return restore();
  }).then(function () {
    box.setAttribute('data-ready', 'true');
  }).catch(fail);
})(typeof window !== 'undefined' ? window : this);
