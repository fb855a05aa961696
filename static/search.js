/* leernet search client: offline Dutch full-text search with facets; our own code, no
 * dependencies. Reads index format version 3 (docs/search-format.md, written by src/search/).
 * Every data file is a <script> calling back into the global `leernetSearch`, so it works from
 * file:// and over HTTP. The same file loads in node (module.exports): tests and the payload
 * bench run the shipped code through the page's routine, Engine.prototype.run(query, options,
 * load), where load(file) returns a promise settled once the file has run its callback
 * (`callbacks(engine, done)` is that callback object). A query loads in stages, only what it
 * needs and never a file twice: (0) on a large site the key files of its words' first
 * characters, and n.js when the URL names initiatives; (1) the shards of its words and the
 * label chunks of initiative slugs in the URL; (2) what its counts need (Engine.mode: nothing
 * for one big term, whose summary has its counts and first results; r.js with the p-<n>.js of
 * the big terms when a word has only small terms, whose postings carry facet codes; else f.js
 * too); (3) the display chunks of the results shown (20 a page) and the label chunks of the
 * initiative values shown. Engine.prototype.search is the same synchronously and throws naming
 * the files a stage still needs.
 *
 * Text pipeline as src/search/pipeline.rs (tests/search_js.rs compares them): NFD, drop marks,
 * lowercase per character (Σ is always σ), tokens = runs of \p{Alphabetic} or \p{N}, stop words
 * dropped, Snowball Dutch stem as rust-stemmers 1.2.
 *
 * Readings of the contract:
 *  - Keys, terms and slugs compare by code points (Rust's str order).
 *  - The last word is "being typed" when prefix matching is on (the page: always), the query
 *    ends in a letter, digit or mark and the word has 2+ code points. Its forms: the folded
 *    token and its stem, also for a stop word ("de" on the way to "dementie"; a complete stop
 *    word is dropped). Its terms: each form that is a term, plus the meta.prefix most frequent
 *    (df, then term) of the completions of both forms: the `top` of shard p if p is a key whose
 *    shard has one, else the terms starting with p in shard keyOf(p). If a big term is among
 *    them, the word matches one term only: its stem, else its token, else the first of them.
 *  - What counts need loads with the postings once every word has a term (saves a round trip;
 *    a query whose words all exist nearly always has results).
 *  - Ranking: score descending, then id; a facet-only search lists in id order. An empty query
 *    (or only stop words) with no known facet value is idle: nothing more loads, no counts, and
 *    the initiative facet shows strings.initiative_hint instead of values.
 *  - Initiative facet: the 10 values with the highest counts (ties: lower index) plus every
 *    selected one, by count then index; count 0 only when selected. Other facets: every value,
 *    count-0 ones hidden unless selected.
 *  - URL: q plus one repeated parameter per facet, values in meta order (initiatives by slug).
 *    Typing replaces the history entry except the first keystroke after a committed state
 *    (load, back/forward, facet change, submit), which pushes; facet changes and submit push.
 *    If pushState/replaceState throw, the state goes to location.hash.
 *  - Links: root + u, plus "index.html" in a portable build when u is "" or ends in "/".
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


  // ------------------------------------------------------------------ encodings

  var V64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var V64_VALUE = new Int8Array(128).fill(-1);
  for (var c64 = 0; c64 < 64; c64++) V64_VALUE[V64.charCodeAt(c64)] = c64;

  function v64At(s, i) {
    var v = V64_VALUE[s.charCodeAt(i)];
    if (!(v >= 0)) throw new Error('bad v64 character ' + JSON.stringify(s.charAt(i)));
    return v;
  }

  /** All v64 numbers of `s` from index `from` (default 0). */
  function v64(s, from) {
    var out = [], n = 0, scale = 1;
    for (var i = from || 0; i < s.length; i++) {
      var g = v64At(s, i);
      if (g >= 32) { n += (g - 32) * scale; scale *= 32; } else { out.push(n + g * scale); n = 0; scale = 1; }
    }
    if (scale !== 1) throw new Error('v64 number cut short');
    return out;
  }

  /** Postings string -> {ids, weights, codes} (Int32Arrays, ids ascending). `words`: code
   *  words per posting (0 for a p-file's postings; codes is then null). */
  function decodePostings(s, words) {
    var nums = v64(s), stride = 2 + (words || 0);
    var df = Math.floor(nums.length / stride), ids = new Int32Array(df), weights = new Int32Array(df);
    var codes = words ? new Int32Array(df * words) : null;
    for (var k = 0, id = 0; k < df; k++) {
      id += nums[stride * k];
      ids[k] = id;
      weights[k] = nums[stride * k + 1];
      for (var w = 0; w < words; w++) codes[k * words + w] = nums[stride * k + 2 + w];
    }
    return { ids: ids, weights: weights, codes: codes };
  }

  /** Document frequency of a postings string without decoding it: final groups / stride. */
  function postingsDf(s, stride) {
    var n = 0;
    for (var i = 0; i < s.length; i++) if (v64At(s, i) < 32) n++;
    return Math.floor(n / stride);
  }

  /** A big term's summary (format v3): {counts: [[n] per value facet], tops: [[initiative,
   *  count]], head: [[doc, weight]]}. `sizes`: the value facets' value counts. */
  function decodeSummary(s, sizes) {
    var nums = v64(s), at = 0, counts = [], tops = [], head = [], n, k;
    sizes.forEach(function (size) { counts.push(nums.slice(at, at + size)); at += size; });
    for (n = nums[at++] || 0, k = 0; k < n; k++, at += 2) tops.push([nums[at], nums[at + 1]]);
    for (n = nums[at++] || 0, k = 0; k < n; k++, at += 2) head.push([nums[at], nums[at + 1]]);
    return { counts: counts, tops: tops, head: head };
  }

  /** Document set string (`b…` bitset or `g…` gaps) -> Uint8Array(count), 1 = member. */
  function decodeSet(s, count) {
    var set = new Uint8Array(count), kind = s.charAt(0), i, g;
    if (kind === 'b') {
      for (i = 1; i < s.length; i++) {
        var bits = v64At(s, i), d = 6 * (i - 1);
        for (; bits; bits >>= 1, d++) if (bits & 1 && d < count) set[d] = 1;
      }
    } else if (kind === 'g') {
      for (i = 1, g = 0; i < s.length;) {   // inline v64: gaps
        var n = 0, scale = 1, v;
        while ((v = v64At(s, i++)) >= 32) { n += (v - 32) * scale; scale *= 32; }
        g += n + v * scale;
        if (g < count) set[g] = 1;
      }
    } else {
      throw new Error('bad document set ' + JSON.stringify(s.slice(0, 8)));
    }
    return set;
  }

  /** Code point order (Rust's str order), also for astral characters. */
  function cmp(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      var sx = x >= 0xD800 && x < 0xE000, sy = y >= 0xD800 && y < 0xE000;
      return sx === sy ? x - y : sx ? 1 : -1;
    }
    return a.length - b.length;
  }

  /** The file key of a shard key: ASCII a-z and 0-9 kept, any other character as _<hex>. */
  function fileKey(key) {
    var out = '';
    for (var ch of key) out += /^[a-z0-9]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16);
    return out;
  }

  function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  // ------------------------------------------------------------------ the engine (pure)

  var PAGE = 20;            // results per page
  var TOP = 10;             // initiative values shown (plus the selected ones)
  var FIRST = 6;            // results shown before the rest of the page has loaded

  /** meta.keys: each entry is one base-36 digit (code points shared with the previous key)
   *  and the rest of the key; entries separated by spaces. */
  function frontDecoded(text) {
    var keys = [], prev = [];
    (text ? text.split(' ') : []).forEach(function (entry) {
      var key = prev.slice(0, parseInt(entry[0], 36)).concat(codePoints(entry.slice(1)));
      keys.push(key.join(''));
      prev = key;
    });
    return keys;
  }

  /** The search core: the meta plus the data files fed to it so far (see callbacks). */
  function Engine(meta) {
    if (!meta || meta.version !== 3) throw new Error('search index version ' + (meta && meta.version) + ', this client reads 3');
    this.meta = meta;
    this.stop = new Set(meta.stopwords || []);
    this.keys = new Set();
    this.longest = 0;
    this.groups = meta.keys == null ? new Set(meta.groups || []) : null;   // key files, by first character
    if (meta.keys != null) this.addKeys(meta.keys);
    this.words = (meta.code && meta.code.words) || 0;   // code words per posting in a shard
    this.facets = meta.facets || [];
    this.facetByParam = Object.create(null);   // param -> {index, slugs: {slug: value index} | null}
    this.valueFacets = [];                      // indices of the facets with a value list
    this.initiativeFacet = -1;                  // index of the facet whose values are initiatives
    for (var j = 0; j < this.facets.length; j++) {
      var f = this.facets[j], slugs = null;
      if (f.values) {
        slugs = Object.create(null);
        f.values.forEach(function (v, index) { slugs[v.slug] = index; });
        this.valueFacets.push(j);
      } else {
        this.initiativeFacet = j;
      }
      this.facetByParam[f.param] = { index: j, slugs: slugs };
    }
    this.have = Object.create(null);      // file -> true once its data is here
    this.pending = Object.create(null);   // file -> promise of a load in flight
    this.shards = Object.create(null);    // key -> {terms: {term: entry}, top, sorted}
    this.big = Object.create(null);       // n -> postings string
    this.decoded = new Map();             // term -> {ids, weights, codes}
    this.summaries = new Map();           // term -> decoded summary
    this.docs = Object.create(null);      // chunk -> [doc]
    this.labels = Object.create(null);    // chunk -> [[slug, title]]
    this.firsts = null;                   // n.js: first slug of each label chunk
    this.owner = null;                    // r.js, decoded: the initiative of each document
    this.sets = null;                     // f.js, decoded: [[Uint8Array] per value] per value facet
  }

  Engine.PAGE = PAGE;
  Engine.TOP = TOP;

  Engine.prototype.addKeys = function (text) {
    var self = this;
    frontDecoded(text).forEach(function (k) {
      self.keys.add(k);
      self.longest = Math.max(self.longest, codePoints(k).length);
    });
  };

  /** Data from a file's callback; returns the file's name. */
  Engine.prototype.feed = function (kind, a, b, c) {
    var file;
    if (kind === 'shard') {
      this.shards[a] = { terms: b, top: c || null, sorted: null };
      file = 'search/t-' + fileKey(a) + '.js';
    } else if (kind === 'keys') {
      this.addKeys(b);
      file = this.keyFile(a);
    } else if (kind === 'postings') {
      this.big[a] = b;
      file = 'search/p-' + a + '.js';
    } else if (kind === 'facets') {
      this.facetRaw = a;   // decoded on first use, after the first results are on screen
      file = 'search/f.js';
    } else if (kind === 'ranges') {
      this.rangesRaw = a;
      file = 'search/r.js';
    } else if (kind === 'firsts') {
      this.firsts = a;
      file = 'search/n.js';
    } else if (kind === 'docs') {
      this.docs[a] = b;
      file = 'search/d-' + a + '.js';
    } else if (kind === 'labels') {
      this.labels[a] = b;
      file = 'search/i-' + a + '.js';
    } else {
      throw new Error('unknown search data ' + kind);
    }
    this.have[file] = true;
    return file;
  };

  Engine.prototype.keyFile = function (group) {
    return 'search/k-' + fileKey(group) + '.js';
  };

  /** The key file a term's shard key is listed in (null when meta lists every key). */
  Engine.prototype.keyFileOf = function (term) {
    var first = codePoints(term)[0];
    return this.groups && first !== undefined && this.groups.has(first) ? this.keyFile(first) : null;
  };

  /** f.js, decoded on first use: per value facet, per value, its documents as a Uint8Array. */
  Engine.prototype.facetSets = function () {
    if (this.sets) return this.sets;
    if (!this.facetRaw) throw new Error('facets not loaded: search/f.js');
    var count = this.meta.count;
    this.sets = (this.facetRaw.values || []).map(function (values) {
      return values.map(function (s) { return decodeSet(s, count); });
    });
    return this.sets;
  };

  /** r.js, decoded on first use: owner[d], the initiative of document d (initiative i is
   *  document i; then the lessons, initiative by initiative), -1 for none. */
  Engine.prototype.owners = function () {
    if (this.owner) return this.owner;
    if (this.rangesRaw === undefined) throw new Error('ranges not loaded: search/r.js');
    var count = this.meta.count, I = this.meta.initiatives;
    var owner = new Int32Array(count).fill(-1);
    var lessons = v64(this.rangesRaw || '');
    for (var i = 0, next = I; i < I && i < count; i++) {
      owner[i] = i;
      for (var n = lessons[i] || 0; n > 0 && next < count; n--) owner[next++] = i;
    }
    this.owner = owner;
    return owner;
  };

  /** Loads a file once (load: file -> promise, see `callbacks`); concurrent asks share it. */
  Engine.prototype.fetch = function (file, load) {
    if (this.have[file]) return Promise.resolve();
    if (this.pending[file]) return this.pending[file];
    var self = this;
    var p = Promise.resolve().then(function () { return load(file); }).then(function () {
      delete self.pending[file];
      if (!self.have[file]) throw new Error('no search data in ' + file);
    }, function (err) {
      delete self.pending[file];   // a later search may retry
      throw err;
    });
    this.pending[file] = p;
    return p;
  };

  /** The shard key of a term: the longest key that is a prefix of it (null if none). */
  Engine.prototype.keyOf = function (term) {
    var kf = this.keyFileOf(term);
    if (kf && !this.have[kf]) throw new Error('keys not loaded: ' + kf);
    var cps = codePoints(term);
    for (var n = Math.min(cps.length, this.longest); n > 0; n--) {
      var key = cps.slice(0, n).join('');
      if (this.keys.has(key)) return key;
    }
    return null;
  };

  Engine.prototype.shardFile = function (key) {
    return 'search/t-' + fileKey(key) + '.js';
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
      var typing = open && i === tokens.length - 1 && codePoints(token).length >= 2;
      if (this.stop.has(token) && !typing) continue;
      var st = stem(token);
      words.push({ token: token, stem: st, prefix: typing ? (st === token ? [token] : [token, st]) : null });
    }
    return words;
  };

  /** The shard keys (existing ones) a word needs. */
  Engine.prototype.wordKeys = function (word) {
    var self = this, keys = [];
    (word.prefix || [word.stem]).forEach(function (form) {
      var k = self.keyOf(form);
      if (k !== null && keys.indexOf(k) < 0) keys.push(k);
    });
    return keys;
  };

  /** A term's entry (postings string or [n, df]) from its loaded shard; undefined if no term. */
  Engine.prototype.entry = function (term) {
    var key = this.keyOf(term), shard = key !== null && this.shards[key];
    if (key !== null && !shard) throw new Error('shard not loaded: ' + this.shardFile(key));
    return shard && hasOwn(shard.terms, term) ? shard.terms[term] : undefined;
  };

  Engine.prototype.entryDf = function (entry) {
    return typeof entry === 'string' ? postingsDf(entry, 2 + this.words) : entry[1];
  };

  /** The terms a word matches: [{term, entry}] (shards loaded). */
  Engine.prototype.termsFor = function (word) {
    var self = this, found = [], seen = new Set();
    function add(term, entry) {
      if (entry === undefined || seen.has(term)) return;
      seen.add(term);
      found.push({ term: term, entry: entry });
    }
    if (!word.prefix) {
      add(word.stem, this.entry(word.stem));
      return found;
    }
    word.prefix.forEach(function (p) { add(p, self.entry(p)); });
    var candidates = new Map();   // term -> entry
    word.prefix.forEach(function (p) {
      var key = self.keyOf(p);
      if (key === null) return;
      var shard = self.shards[key];
      if (key === p && shard.top) {
        shard.top.forEach(function (te) { candidates.set(te[0], te[1]); });
        return;
      }
      var sorted = shard.sorted || (shard.sorted = Object.keys(shard.terms).sort(cmp));
      var lo = 0, hi = sorted.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (cmp(sorted[mid], p) < 0) lo = mid + 1; else hi = mid;
      }
      for (var i = lo; i < sorted.length && sorted[i].indexOf(p) === 0; i++) candidates.set(sorted[i], shard.terms[sorted[i]]);
    });
    var list = [];
    candidates.forEach(function (entry, term) { list.push({ term: term, entry: entry, df: self.entryDf(entry) }); });
    list.sort(function (x, y) { return y.df - x.df || cmp(x.term, y.term); });
    list.slice(0, this.meta.prefix).forEach(function (t) { add(t.term, t.entry); });
    // A big term among them: the word is matched as one term (its stem, else its token, else
    // its most frequent completion), whose counts its summary or its codes give exactly.
    if (found.length > 1 && found.some(function (t) { return typeof t.entry !== 'string'; })) {
      var forms = [word.stem, word.token];
      for (var f = 0; f < forms.length; f++) {
        for (var i = 0; i < found.length; i++) if (found[i].term === forms[f]) return [found[i]];
      }
      return [found[0]];
    }
    return found;
  };

  /** The postings of a chosen term, decoded once. */
  Engine.prototype.postings = function (term, entry) {
    var d = this.decoded.get(term);
    if (d) return d;
    if (typeof entry === 'string') {
      d = decodePostings(entry, this.words);
    } else {
      var s = this.big[entry[0]];
      if (s === undefined) throw new Error('postings not loaded: search/p-' + entry[0] + '.js');
      d = decodePostings(s, 0);
    }
    this.decoded.set(term, d);
    return d;
  };

  /** A big term's summary, decoded once. */
  Engine.prototype.summary = function (term, entry) {
    var d = this.summaries.get(term);
    if (d) return d;
    var self = this;
    d = decodeSummary(entry[2] || '', this.valueFacets.map(function (j) { return self.facets[j].values.length; }));
    this.summaries.set(term, d);
    return d;
  };

  /** The label chunk an initiative slug would be in (by n.js), -1 if none. */
  Engine.prototype.labelChunkOf = function (slug) {
    if (!this.firsts) throw new Error('first slugs not loaded: search/n.js');
    var firsts = this.firsts, lo = 0, hi = firsts.length;
    while (lo < hi) {   // the number of firsts <= slug
      var mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], slug) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  };

  /** Initiative index of a slug (label chunk loaded), -1 if unknown. */
  Engine.prototype.initiativeIndex = function (slug) {
    var c = this.labelChunkOf(slug);
    if (c < 0) return -1;
    var list = this.labels[c];
    if (!list) throw new Error('labels not loaded: search/i-' + c + '.js');
    for (var k = 0; k < list.length; k++) if (list[k][0] === slug) return c * this.meta.labels + k;
    return -1;
  };

  /** {slug, label} of initiative i, or null when its label chunk is not loaded. */
  Engine.prototype.initiative = function (i) {
    var list = this.labels[Math.floor(i / this.meta.labels)];
    var e = list && list[i % this.meta.labels];
    return e ? { slug: e[0], label: e[1] } : null;
  };

  Engine.prototype.doc = function (id) {
    var chunk = this.docs[Math.floor(id / this.meta.chunk)];
    return chunk ? chunk[id % this.meta.chunk] : undefined;
  };

  /** Slugs of the URL's initiative parameter. */
  Engine.prototype.initiativeSlugs = function (facets) {
    var f = this.initiativeFacet >= 0 && facets ? facets[this.facets[this.initiativeFacet].param] : null;
    return f ? [].concat(f) : [];
  };

  /** {param: [slugs]} -> per facet a Set of value indices (initiatives: initiative indices).
   *  Unknown slugs are dropped; initiative slugs need their label chunks. */
  Engine.prototype.selection = function (facets) {
    var sel = this.facets.map(function () { return new Set(); });
    var self = this;
    Object.keys(facets || {}).forEach(function (param) {
      var f = self.facetByParam[param];
      if (!f) return;
      [].concat(facets[param]).forEach(function (slug) {
        var v = f.slugs ? (hasOwn(f.slugs, slug) ? f.slugs[slug] : -1) : self.initiativeIndex(slug);
        if (v >= 0) sel[f.index].add(v);
      });
    });
    return sel;
  };

  /** One search, resumable: next() returns the files still needed, or null with `out` set. */
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
    if (!this.terms) {   // stage 2: what the counts need (see Engine.mode), big-term postings
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
        need.push('search/r.js');
        if (this.mode === 'full') need.push('search/f.js');
      }
      need = missing(e, need);
      if (need.length) return need;
      this.terms = terms;
    }
    // No facet selected: the ranking needs no facet data, so the first results are handed to
    // options.onResults as soon as their display chunks are in, before counting.
    if (noFacets && this.options.onResults && !this.early) {
      // Only the first few (what one round of requests brings): the rest of the page follows.
      var ranked = this.ranked || (this.ranked = e.ranked(this.terms, this.mode, this.shown));
      var first = Math.min(this.shown, FIRST);
      need = [];
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
   *  counts (per facet per value; initiatives: Int32Array), selection, initiatives: [{index,
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
    moreButton.hidden = out.total <= out.shown;
    clearButton.hidden = !out.selection.some(function (s) { return s.size > 0; });
    if (out.total === 0) renderNone(out.selection);
    else { noneEl.hidden = true; noneEl.textContent = ''; }
    box.setAttribute('data-state', out.total ? 'results' : 'none');
    setStatus(out.total === 1 ? say('results_one') : say('results_many', out.total));
  }

  function renderIdle(out) {
    listEl.textContent = '';
    noneEl.hidden = true;
    moreButton.hidden = true;
    clearButton.hidden = true;
    box.setAttribute('data-state', 'idle');
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
