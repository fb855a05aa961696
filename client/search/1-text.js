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

