// The engine's data: the meta, the data files fed to it so far, shard keys and the terms a word
// matches, postings, summaries, initiatives and facet selections. What is matched and counted
// is in matching.js; the search in stages in query.js and engine.js.
import { codePoints, tokenize, stem } from './text.js';
import { v64, decodePostings, postingsDf, decodeSummary, decodeSet, cmp, fileKey, hasOwn } from './encodings.js';

/** meta.keys: each entry is one base-36 digit (code points shared with the previous key)
 *  and the rest of the key; entries separated by spaces. */
export function frontDecoded(text) {
  const keys = [];
  let prev = [];
  (text ? text.split(' ') : []).forEach((entry) => {
    const key = prev.slice(0, parseInt(entry[0], 36)).concat(codePoints(entry.slice(1)));
    keys.push(key.join(''));
    prev = key;
  });
  return keys;
}

/** The path of data file `name` (t-zorg, f, d-3…). */
export const dataFile = (name) => 'search/' + name + '.js';

/** Thrown when a stage of a query (query.js) has not loaded what it needs: a bug. */
function notLoaded(name) {
  throw new Error('not loaded: ' + dataFile(name));
}

/** The files a data callback names, by kind (a: its first argument). */
export const FILES = {
  shard: (a) => 't-' + fileKey(a), keys: (a) => 'k-' + fileKey(a), postings: (a) => 'p-' + a,
  facets: () => 'f', ranges: () => 'r', attrs: () => 'a', firsts: () => 'n', docs: (a) => 'd-' + a,
  labels: (a) => 'i-' + a,
};

export class Store {
  constructor(meta) {
    if (!meta || meta.version !== 4) throw new Error('search index version ' + (meta && meta.version) + ', this client reads 4');
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
    this.byInitiative = [];                     // per facet: its index in a.js (an initiative facet), or -1
    this.initiativeFacet = -1;                  // index of the facet whose values are initiatives
    this.facets.forEach((f, j) => {
      let slugs = null;
      if (f.values) {
        slugs = Object.create(null);
        f.values.forEach((v, index) => { slugs[v.slug] = index; });
        this.valueFacets.push(j);
      } else {
        this.initiativeFacet = j;
      }
      this.facetByParam[f.param] = { index: j, slugs };
      this.byInitiative.push(f.by === 'initiative' ? this.byInitiative.filter((k) => k >= 0).length : -1);
    });
    this.attrCount = this.byInitiative.filter((k) => k >= 0).length;
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
    this.sets = null;                     // f.js, decoded: [[Uint8Array] per value] per value facet with codes
    this.attrs = null;                    // a.js, decoded: per initiative facet, each initiative's value
  }

  addKeys(text) {
    frontDecoded(text).forEach((k) => {
      this.keys.add(k);
      this.longest = Math.max(this.longest, codePoints(k).length);
    });
  }

  /** Data from a file's callback; returns the file's name. */
  feed(kind, a, b, c) {
    if (!hasOwn(FILES, kind)) throw new Error('unknown search data ' + kind);
    if (kind === 'shard') this.shards[a] = { terms: b, top: c || null, sorted: null };
    else if (kind === 'keys') this.addKeys(b);
    else if (kind === 'postings') this.big[a] = b;
    else if (kind === 'facets') this.facetRaw = a;   // decoded on first use, after the first results are on screen
    else if (kind === 'ranges') this.rangesRaw = a;
    else if (kind === 'attrs') this.attrsRaw = a;
    else if (kind === 'firsts') this.firsts = a;
    else if (kind === 'docs') this.docs[a] = b;
    else this.labels[a] = b;
    const file = dataFile(FILES[kind](a));
    this.have[file] = true;
    return file;
  }

  keyFile(group) {
    return dataFile('k-' + fileKey(group));
  }

  /** The key file a term's shard key is listed in (null when meta lists every key). */
  keyFileOf(term) {
    const first = codePoints(term)[0];
    return this.groups && first !== undefined && this.groups.has(first) ? this.keyFile(first) : null;
  }

  /** f.js, decoded on first use: per value facet, per value, its documents as a Uint8Array. */
  facetSets() {
    if (this.sets) return this.sets;
    if (!this.facetRaw) notLoaded('f');
    const count = this.meta.count;
    this.sets = (this.facetRaw.values || []).map((values) => values.map((s) => decodeSet(s, count)));
    return this.sets;
  }

  /** a.js, decoded on first use: per initiative facet (format v4), each initiative's value. */
  initiativeValues() {
    if (this.attrs) return this.attrs;
    if (!this.attrsRaw) notLoaded('a');
    this.attrs = this.attrsRaw.map((s) => Int32Array.from(v64(s)));
    return this.attrs;
  }

  /** r.js, decoded on first use: owner[d], the initiative of document d (initiative i is
   *  document i; then the lessons, initiative by initiative), -1 for none. */
  owners() {
    if (this.owner) return this.owner;
    if (this.rangesRaw === undefined) notLoaded('r');
    const count = this.meta.count, I = this.meta.initiatives;
    const owner = new Int32Array(count).fill(-1);
    const lessons = v64(this.rangesRaw || '');
    for (let i = 0, next = I; i < I && i < count; i++) {
      owner[i] = i;
      for (let n = lessons[i] || 0; n > 0 && next < count; n--) owner[next++] = i;
    }
    this.owner = owner;
    return owner;
  }

  /** Loads a file once (load: file -> promise, see `callbacks`); concurrent asks share it. */
  fetch(file, load) {
    if (this.have[file]) return Promise.resolve();
    if (this.pending[file]) return this.pending[file];
    const p = Promise.resolve().then(() => load(file)).then(() => {
      delete this.pending[file];
      if (!this.have[file]) throw new Error('no search data in ' + file);
    }, (err) => {
      delete this.pending[file];   // a later search may retry
      throw err;
    });
    this.pending[file] = p;
    return p;
  }

  /** The shard key of a term: the longest key that is a prefix of it (null if none). */
  keyOf(term) {
    const kf = this.keyFileOf(term);
    if (kf && !this.have[kf]) throw new Error('not loaded: ' + kf);
    const cps = codePoints(term);
    for (let n = Math.min(cps.length, this.longest); n > 0; n--) {
      const key = cps.slice(0, n).join('');
      if (this.keys.has(key)) return key;
    }
    return null;
  }

  shardFile(key) {
    return dataFile('t-' + fileKey(key));
  }

  /** Query text -> words: [{token, stem, prefix: [forms] | null}]. */
  analyze(query, options) {
    const allowPrefix = !options || options.prefix !== false;
    const text = String(query || '');
    const open = allowPrefix && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(text);
    const tokens = tokenize(text);
    const words = [];
    tokens.forEach((token, i) => {
      const typing = open && i === tokens.length - 1 && codePoints(token).length >= 2;
      if (this.stop.has(token) && !typing) return;
      const st = stem(token);
      words.push({ token, stem: st, prefix: typing ? (st === token ? [token] : [token, st]) : null });
    });
    return words;
  }

  /** The shard keys (existing ones) a word needs. */
  wordKeys(word) {
    const keys = [];
    (word.prefix || [word.stem]).forEach((form) => {
      const k = this.keyOf(form);
      if (k !== null && keys.indexOf(k) < 0) keys.push(k);
    });
    return keys;
  }

  /** A term's entry (postings string or [n, df]) from its loaded shard; undefined if no term. */
  entry(term) {
    const key = this.keyOf(term), shard = key !== null && this.shards[key];
    if (key !== null && !shard) notLoaded('t-' + fileKey(key));
    return shard && hasOwn(shard.terms, term) ? shard.terms[term] : undefined;
  }

  entryDf(entry) {
    return typeof entry === 'string' ? postingsDf(entry, 2 + this.words) : entry[1];
  }

  /** The terms a word matches: [{term, entry}] (shards loaded). */
  termsFor(word) {
    const found = [], seen = new Set();
    const add = (term, entry) => {
      if (entry === undefined || seen.has(term)) return;
      seen.add(term);
      found.push({ term, entry });
    };
    if (!word.prefix) {
      add(word.stem, this.entry(word.stem));
      return found;
    }
    word.prefix.forEach((p) => add(p, this.entry(p)));
    const candidates = new Map();   // term -> entry
    word.prefix.forEach((p) => {
      const key = this.keyOf(p);
      if (key === null) return;
      const shard = this.shards[key];
      if (key === p && shard.top) {
        shard.top.forEach((te) => candidates.set(te[0], te[1]));
        return;
      }
      const sorted = shard.sorted || (shard.sorted = Object.keys(shard.terms).sort(cmp));
      let lo = 0, hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(sorted[mid], p) < 0) lo = mid + 1; else hi = mid;
      }
      for (let i = lo; i < sorted.length && sorted[i].indexOf(p) === 0; i++) candidates.set(sorted[i], shard.terms[sorted[i]]);
    });
    const list = [];
    candidates.forEach((entry, term) => list.push({ term, entry, df: this.entryDf(entry) }));
    list.sort((x, y) => y.df - x.df || cmp(x.term, y.term));
    list.slice(0, this.meta.prefix).forEach((t) => add(t.term, t.entry));
    // A big term among them: the word is matched as one term (its stem, else its token, else
    // its most frequent completion), whose counts its summary or its codes give exactly.
    if (found.length > 1 && found.some((t) => typeof t.entry !== 'string')) {
      for (const form of [word.stem, word.token]) {
        for (const t of found) if (t.term === form) return [t];
      }
      return [found[0]];
    }
    return found;
  }

  /** The postings of a chosen term, decoded once. */
  postings(term, entry) {
    let d = this.decoded.get(term);
    if (d) return d;
    if (typeof entry === 'string') {
      d = decodePostings(entry, this.words);
    } else {
      const s = this.big[entry[0]];
      if (s === undefined) notLoaded('p-' + entry[0]);
      d = decodePostings(s, 0);
    }
    this.decoded.set(term, d);
    return d;
  }

  /** A big term's summary, decoded once. */
  summary(term, entry) {
    let d = this.summaries.get(term);
    if (d) return d;
    d = decodeSummary(entry[2] || '', this.valueFacets.map((j) => this.facets[j].values.length));
    this.summaries.set(term, d);
    return d;
  }

  /** The label chunk an initiative slug would be in (by n.js), -1 if none. */
  labelChunkOf(slug) {
    if (!this.firsts) notLoaded('n');
    const firsts = this.firsts;
    let lo = 0, hi = firsts.length;
    while (lo < hi) {   // the number of firsts <= slug
      const mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], slug) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  /** Initiative index of a slug (label chunk loaded), -1 if unknown. */
  initiativeIndex(slug) {
    const c = this.labelChunkOf(slug);
    if (c < 0) return -1;
    const list = this.labels[c];
    if (!list) notLoaded('i-' + c);
    for (let k = 0; k < list.length; k++) if (list[k][0] === slug) return c * this.meta.labels + k;
    return -1;
  }

  /** {slug, label} of initiative i, or null when its label chunk is not loaded. */
  initiative(i) {
    const list = this.labels[Math.floor(i / this.meta.labels)];
    const e = list && list[i % this.meta.labels];
    return e ? { slug: e[0], label: e[1] } : null;
  }

  doc(id) {
    const chunk = this.docs[Math.floor(id / this.meta.chunk)];
    return chunk ? chunk[id % this.meta.chunk] : undefined;
  }

  /** Slugs of the URL's initiative parameter. */
  initiativeSlugs(facets) {
    const f = this.initiativeFacet >= 0 && facets ? facets[this.facets[this.initiativeFacet].param] : null;
    return f ? [].concat(f) : [];
  }

  /** {param: [slugs]} -> per facet a Set of value indices (initiatives: initiative indices).
   *  Unknown slugs are dropped; initiative slugs need their label chunks. */
  selection(facets) {
    const sel = this.facets.map(() => new Set());
    Object.keys(facets || {}).forEach((param) => {
      const f = this.facetByParam[param];
      if (!f) return;
      [].concat(facets[param]).forEach((slug) => {
        const v = f.slugs ? (hasOwn(f.slugs, slug) ? f.slugs[slug] : -1) : this.initiativeIndex(slug);
        if (v >= 0) sel[f.index].add(v);
      });
    });
    return sel;
  }
}
