// leernet search client: offline Dutch full-text search with facets; our own code. Reads index
// format version 4 (docs/search-format.md, written by src/search/). Every data file is a
// <script> calling back into the global `leernetSearch`, so it works from file:// and over
// HTTP; `callbacks(engine, done)` is that callback object. Engine.prototype.run(query, options,
// load) is the page's routine, where load(file) returns a promise settled once the file has run
// its callback (node tests and the payload bench run it with a loader of their own). A query
// loads in stages, only what it needs and never a file twice: (0) on a large site the key files
// of its words' first characters, and n.js when the URL names initiatives; (1) the shards of its
// words and the label chunks of initiative slugs in the URL; (2) what its counts need
// (Engine.mode: nothing for one big term, whose summary has its counts and first results; r.js
// with the p-<n>.js of the big terms when a word has only small terms, whose postings carry
// facet codes; else f.js too); (3) the display chunks of the results shown (20 a page) and the
// label chunks of the initiative values shown. Engine.prototype.search is the same
// synchronously and throws naming the files a stage still needs.
//
// Readings of the contract:
//  - Keys, terms and slugs compare by code points (Rust's str order).
//  - The last word is "being typed" when prefix matching is on (the page: always), the query
//    ends in a letter, digit or mark and the word has 2+ code points. Its forms: the folded
//    token and its stem, also for a stop word ("de" on the way to "dementie"; a complete stop
//    word is dropped). Its terms: each form that is a term, plus the meta.prefix most frequent
//    (df, then term) of the completions of both forms: the `top` of shard p if p is a key whose
//    shard has one, else the terms starting with p in shard keyOf(p). If a big term is among
//    them, the word matches one term only: its stem, else its token, else the first of them.
//  - What counts need loads with the postings once every word has a term (saves a round trip;
//    a query whose words all exist nearly always has results).
//  - Ranking: score descending, then id; a facet-only search lists in id order. An empty query
//    (or only stop words) with no known facet value is idle: nothing more loads, no counts, and
//    the initiative facet shows strings.initiative_hint instead of values.
//  - Initiative facet: the 10 values with the highest counts (ties: lower index) plus every
//    selected one, by count then index; count 0 only when selected. Other facets: every value,
//    count-0 ones hidden unless selected.
//  - URL (page/url-state.js): q plus one repeated parameter per facet, values in meta order
//    (initiatives by slug). Typing replaces the history entry except the first keystroke after
//    a committed state (load, back/forward, facet change, submit), which pushes; facet changes
//    and submit push. If pushState/replaceState throw, the state goes to location.hash.
//  - Links: root + u, plus "index.html" in a portable build when u is "" or ends in "/".
import { Matcher } from './matching.js';
import { query } from './query.js';
import { FILES } from './store.js';

/** The search core: the meta plus the data files fed to it so far (store.js), matching and
 *  counting (matching.js), and the search in stages (query.js). */
export class Engine extends Matcher {
  /** Searches, loading what is missing with `load(file)` (a promise; see `callbacks`).
   *  options: {prefix (default true), facets: {param: [slugs]}, shown (20), top (10),
   *  onResults (called once, when no facet is selected, as soon as the first few results can
   *  show: `results` carries `doc` for the first min(shown, 6) only)}.
   *  Resolves to {words, idle, total, results: [{id, score, doc (the first `shown`)}],
   *  counts (per facet per value; initiatives: Int32Array, from a summary only the values
   *  shown), selection, initiatives: [{index, slug, label, count, selected}], shown}. */
  run(text, options, load) {
    const q = query(this, text, options);
    const step = () => {
      const need = q.next();
      if (!need) return q.out();
      return Promise.all(need.map((f) => this.fetch(f, load))).then(step);
    };
    return Promise.resolve().then(step);
  }

  /** The same search synchronously; throws naming the files a stage still needs. */
  search(text, options) {
    const q = query(this, text, options);
    const need = q.next();
    if (need) throw new Error('not loaded: ' + need.join(', '));
    return q.out();
  }
}

/** The `leernetSearch` callback object: feeds `engine` (an Engine, or a function returning
 *  the current one) and calls done(file, data) for each file that calls back. */
export function callbacks(engine, done) {
  const feed = (kind) => (a, b, c) => {
    const e = typeof engine === 'function' ? engine() : engine;
    done(e.feed(kind, a, b, c));
  };
  const out = { meta: (m) => done('search/meta.js', m) };
  for (const kind in FILES) out[kind] = feed(kind);
  return out;
}
