// Highlighting the query's words in displayed text (titles and teasers of results).
import { tokenize, stem, toSet } from './text.js';

/** A predicate telling whether a word of displayed text matches the query words. */
export function highlighter(words, stopwords) {
  const stems = new Set(), prefixes = [];
  words.forEach((w) => {
    if (w.prefix) prefixes.push(...w.prefix);
    else if (w.stem) stems.add(w.stem);
  });
  const stop = toSet(stopwords);
  return (segment) => tokenize(segment).some((t) => {
    if (stop.has(t)) return false;
    const st = stem(t);
    return stems.has(st) || prefixes.some((p) => st.indexOf(p) === 0 || t.indexOf(p) === 0);
  });
}

/** Splits text into [{text, mark}] pieces, marking words the predicate accepts. */
export function highlightPieces(text, isMatch) {
  const pieces = [];
  const re = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  let last = 0, m;
  while ((m = re.exec(text))) {
    if (!isMatch(m[0])) continue;
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), mark: false });
    pieces.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
  return pieces;
}
