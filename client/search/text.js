// The text pipeline, exactly as the Rust side (src/search/pipeline.rs; tests/search_js.rs
// compares them): NFD, drop combining marks, lowercase char by char (Rust's char::to_lowercase,
// so no final-sigma rule: Σ is always σ), then runs of chars that are Rust's
// char::is_alphanumeric (Alphabetic or Numeric); stop words dropped; Snowball Dutch stem as
// rust-stemmers 1.2.

const WORD = /[\p{Alphabetic}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Remove diacritics and lowercase: `Coördinatie` -> `coordinatie`. */
export function fold(text) {
  return String(text).normalize('NFD').replace(MARKS, '').replace(/\u03A3/g, '\u03C3').toLowerCase();
}

/** Folded tokens: maximal runs of letters and digits. */
export function tokenize(text) {
  return fold(text).match(WORD) || [];
}

/** The full pipeline as the Rust side prints it: [{token, stem}], stem '' for a stop word. */
export function pipeline(text, stopwords) {
  const stop = toSet(stopwords);
  return tokenize(text).map((token) => ({ token, stem: stop.has(token) ? '' : stem(token) }));
}

export function toSet(list) {
  return list instanceof Set ? list : new Set(list || []);
}

export function codePoints(s) {
  return Array.from(s);
}

// ------------------------------------------------------------------ Dutch stemmer
// The Snowball Dutch algorithm (snowballstem.org, dutch.sbl), as rust-stemmers 1.2 runs it.
// Works on an array of code points. The one place where rust-stemmers' UTF-8 byte offsets
// show through is the R1 rule "at least 3 from the start", which counts bytes; R1 and R2 are
// therefore kept as byte offsets.

const ACCENTED = { 'á': 'a', 'ä': 'a', 'é': 'e', 'ë': 'e', 'í': 'i', 'ï': 'i', 'ó': 'o', 'ö': 'o', 'ú': 'u', 'ü': 'u' };

// grouping v = a e i o u y è; v_I = v + I; v_j = v + j
const isVowel = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'è';
const isVowelOrI = (c) => c === 'I' || isVowel(c);
const isVowelOrJ = (c) => c === 'j' || isVowel(c);

function utf8Length(c) {
  const cp = c.codePointAt(0);
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function bytesBefore(w, index) {
  let n = 0;
  for (let i = 0; i < index; i++) n += utf8Length(w[i]);
  return n;
}

function endsWith(w, suffix, end = w.length) {
  const start = end - suffix.length;
  if (start < 0) return false;
  for (let i = 0; i < suffix.length; i++) if (w[start + i] !== suffix[i]) return false;
  return true;
}

/** Index just past the first non-vowel that follows a vowel, searching from `from`; -1 if none. */
function pastVowelThenNonVowel(w, from) {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  if (i >= w.length) return -1;
  i++;
  while (i < w.length && isVowel(w[i])) i++;
  if (i >= w.length) return -1;
  return i + 1;
}

export function stem(word) {
  const w = codePoints(word);
  let i;

  // Prelude: remove acute accents and umlauts; mark consonantal y and i as Y and I.
  for (i = 0; i < w.length; i++) if (ACCENTED[w[i]]) w[i] = ACCENTED[w[i]];
  if (w[0] === 'y') w[0] = 'Y';
  for (i = 0; i + 1 < w.length; i++) {
    if (!isVowel(w[i])) continue;
    if (w[i + 1] === 'i' && i + 2 < w.length && isVowel(w[i + 2])) w[i + 1] = 'I';
    else if (w[i + 1] === 'y') w[i + 1] = 'Y';
  }

  // Regions R1 and R2 (byte offsets; R1 starts at byte 3 or later).
  let p1 = bytesBefore(w, w.length), p2 = p1;
  const c1 = pastVowelThenNonVowel(w, 0);
  if (c1 >= 0) {
    p1 = Math.max(bytesBefore(w, c1), 3);
    const c2 = pastVowelThenNonVowel(w, c1);
    if (c2 >= 0) p2 = bytesBefore(w, c2);
  }
  const inR1 = (index) => bytesBefore(w, index) >= p1;
  const inR2 = (index) => bytesBefore(w, index) >= p2;

  let eFound = false;

  function undouble() {
    if (endsWith(w, 'dd') || endsWith(w, 'kk') || endsWith(w, 'tt')) {
      w.length -= 1;
      return true;
    }
    return false;
  }

  function eEnding() {
    eFound = false;
    const at = w.length - 1;
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
  let n = w.length;
  if (endsWith(w, 'heden')) {
    if (inR1(n - 5)) w.splice(n - 5, 5, 'h', 'e', 'i', 'd');
  } else if (endsWith(w, 'ene')) {
    enEnding(n - 3);
  } else if (endsWith(w, 'en')) {
    enEnding(n - 2);
  } else if (endsWith(w, 'se') || endsWith(w, 's')) {
    const at = endsWith(w, 'se') ? n - 2 : n - 1;
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
      const ig = w.length - 2;
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
