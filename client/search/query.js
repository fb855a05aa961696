// One search in stages, resumable: next() returns the files a stage still needs, or null once
// the result is known (then out() gives it). The stages are described in engine.js; the engine
// (an Engine) gives the data and the matching.

export const PAGE = 20;   // results per page
export const TOP = 10;    // initiative values shown (plus the selected ones)
const FIRST = 6;          // results shown before the rest of the page has loaded

import { dataFile } from './store.js';

const chunkFile = (e, id) => dataFile('d-' + Math.floor(id / e.meta.chunk));
const postingsFile = (t) => dataFile('p-' + t.entry[0]);
const labelFile = (e, i) => dataFile('i-' + Math.floor(i / e.meta.labels));

/** {next, out}: the search for `text` with `options` (see Engine.run) on engine `e`. */
export function query(e, text, options = {}) {
  const words = e.analyze(text, options);
  const shown = options.shown || PAGE;
  const top = options.top || TOP;
  let out = null, sel = null, terms = null, found = null;
  let keysIn = false, mode, countFiles, early = false, ranked;
  const missing = (files) => {
    const list = [];
    files.forEach((f) => { if (!e.have[f] && list.indexOf(f) < 0) list.push(f); });
    return list;
  };
  const result = (fields) => ({ words, idle: false, shown, selection: sel, ...fields });

  function next() {
    let need;
    const slugs = e.initiativeSlugs(options.facets);
    if (!keysIn) {   // stage 0: key files of the words (large sites), n.js for URL slugs
      need = [];
      words.forEach((w) => {
        (w.prefix || [w.stem]).forEach((form) => { const f = e.keyFileOf(form); if (f) need.push(f); });
      });
      if (slugs.length) need.push('search/n.js');
      need = missing(need);
      if (need.length) return need;
      keysIn = true;
    }
    if (!sel) {   // stage 1: shards, label chunks of the URL's initiative slugs
      need = [];
      words.forEach((w) => e.wordKeys(w).forEach((k) => need.push(e.shardFile(k))));
      slugs.forEach((slug) => {
        const c = e.labelChunkOf(slug);
        if (c >= 0) need.push(dataFile('i-' + c));
      });
      need = missing(need);
      if (need.length) return need;
      sel = e.selection(options.facets);
      if (!words.length && !sel.some((s) => s.size > 0)) {
        out = result({ idle: true, total: 0, results: [], counts: null, initiatives: [] });
        return null;
      }
    }
    const noFacets = !sel.some((s) => s.size > 0);
    const onResults = noFacets && options.onResults;
    if (!terms) {   // stage 2: what the ranking needs (see Engine.mode): big terms' p-files
      const list = words.map((w) => e.termsFor(w));
      mode = e.mode(list, noFacets, top);
      need = [];
      if (mode === 'summary') {
        const t = list[0][0], head = e.summary(t.term, t.entry).head.length;
        if (shown > head && t.entry[1] > head) need.push(postingsFile(t));
      } else if (mode !== 'none') {
        list.forEach((l) => l.forEach((t) => { if (typeof t.entry !== 'string') need.push(postingsFile(t)); }));
      }
      // and what the counts need: with early results, that loads beside their display chunks
      countFiles = mode === 'coded' ? ['search/r.js'] : mode === 'full' ? ['search/r.js', 'search/f.js'] : [];
      if (e.attrCount && countFiles.length) countFiles.push('search/a.js');
      need = missing(onResults ? need : need.concat(countFiles));
      if (need.length) return need;
      terms = list;
    }
    // No facet selected: the ranking needs no facet data, so the first results are handed to
    // options.onResults as soon as their display chunks are in, before counting.
    if (onResults && !early) {
      // Only the first few (what one round of requests brings): the rest of the page follows.
      // r.js (small) comes in the same round; f.js (large) only after the first results.
      ranked = ranked || e.ranked(terms, mode, shown);
      const first = Math.min(shown, FIRST);
      need = countFiles.filter((f) => f === 'search/r.js');
      for (let r = 0; r < ranked.length && r < first; r++) need.push(chunkFile(e, ranked[r].id));
      need = missing(need);
      if (need.length) return need;
      early = true;
      onResults(result({
        total: e.total(terms, mode, ranked),
        results: ranked.map((x, k) => (k < first ? { id: x.id, score: x.score, doc: e.doc(x.id) } : x)),
      }));
    }
    need = missing(countFiles);   // stage 2b: f.js after early results
    if (need.length) return need;
    found = found || e.collect(terms, sel, top, ranked, mode, shown);
    // stage 3: display chunks of the results shown, label chunks of the initiative values shown
    need = [];
    for (let k = 0; k < found.results.length && k < shown; k++) need.push(chunkFile(e, found.results[k].id));
    found.initiatives.forEach((i) => need.push(labelFile(e, i)));
    need = missing(need);
    if (need.length) return need;
    const jI = e.initiativeFacet;
    out = result({
      total: found.total, counts: found.counts,
      results: found.results.map((r, k) => (k < shown ? { id: r.id, score: r.score, doc: e.doc(r.id) } : r)),
      initiatives: found.initiatives.map((i) => {
        const label = e.initiative(i);
        return { index: i, slug: label.slug, label: label.label, count: found.counts[jI][i], selected: sel[jI].has(i) };
      }),
    });
    return null;
  }

  return { next, out: () => out };
}
