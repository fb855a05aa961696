// Shared helpers for the node tests: load the search client core (its ES modules, or the bundle a site ships), run it on a built site's
// index (format v4, docs/search-format.md) with the loader the page would use, and a tiny
// encoder that writes an index in that format from readable arrays (for hand-made fixtures).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import * as source from '../../client/search/api.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** The client core: the bundled one a built site loads (static/search.min.js, which exports
 *  the API under node), else the repo's source modules (client/search/api.js). */
export function loadClient(site) {
  const shipped = site && path.join(site, 'search.min.js');
  return shipped && fs.existsSync(shipped) ? require(shipped) : source;
}

/** Runs one data script (search/*.js) and returns [callback name, ...its arguments]. */
export function runDataFile(file) {
  const calls = [];
  const leernetSearch = {};
  for (const name of ['meta', 'shard', 'keys', 'postings', 'facets', 'ranges', 'attrs', 'firsts', 'docs', 'labels']) {
    leernetSearch[name] = (...args) => calls.push([name, ...args]);
  }
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { leernetSearch }, { filename: file });
  if (calls.length !== 1) throw new Error(`${file}: expected one callback, got ${calls.length}`);
  return calls[0];
}

export function readMeta(site) {
  const file = path.join(site, 'search/meta.js');
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: is ${site} a built site?`);
  const [kind, meta] = runDataFile(file);
  if (kind !== 'meta') throw new Error(`${file} called ${kind}, not meta`);
  return meta;
}

/** A loader for Engine.run: runs site/<file> in a vm with the client's callbacks feeding
 *  `engine`; every file asked for is pushed to `log`. */
export function fileLoader(site, engine, client, log = []) {
  return (file) => {
    log.push(file);
    let fed = null;
    const leernetSearch = client.callbacks(engine, (f) => { fed = f; });
    const full = path.join(site, file);
    vm.runInNewContext(fs.readFileSync(full, 'utf8'), { leernetSearch }, { filename: full });
    if (fed !== file) throw new Error(`${file} fed ${fed}`);
    return Promise.resolve();
  };
}

/** A fresh Engine on a site's index (nothing but meta.js loaded), with its loader and log. */
export function loadEngine(site, client = loadClient(site)) {
  const meta = readMeta(site);
  const engine = new client.Engine(meta);
  const log = [];
  const load = fileLoader(site, engine, client, log);
  return { meta, engine, client, load, log, run: (q, o) => engine.run(q, o, load) };
}

/** Minimal test bookkeeping: check(name, fn) and a summary with the exit code. A check whose fn
 *  is async returns a promise: await it before finish(). */
export function tally(title) {
  let passed = 0;
  const failures = [];
  const fail = (name, e) => failures.push(`${name}: ${e && e.message ? e.message : e}`);
  return {
    check(name, fn) {
      try {
        const r = fn();
        if (r && typeof r.then === 'function') return r.then(() => { passed++; }, (e) => fail(name, e));
        passed++;
      } catch (e) {
        fail(name, e);
      }
      return undefined;
    },
    finish() {
      for (const f of failures) console.log(`FAIL ${f}`);
      console.log(`${title}: ${passed} passed, ${failures.length} failed`);
      process.exitCode = failures.length ? 1 : 0;
      return failures.length === 0;
    },
  };
}

// ------------------------------------------------------------------ encoder (format v4)

const V64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function v64(n) {
  let s = '';
  for (;;) {
    const g = n % 32;
    n = Math.floor(n / 32);
    if (n === 0) return s + V64[g];
    s += V64[g + 32];
  }
}

/** [[doc, weight], ...] (docs ascending) -> postings string; with `code` (doc -> [code
 *  words]) each posting also carries its document's code words (a small term in a shard). */
export function encodePostings(list, code) {
  let prev = 0;
  return list.map(([d, w]) => {
    const s = v64(d - prev) + v64(w) + (code ? code(d).map(v64).join('') : '');
    prev = d;
    return s;
  }).join('');
}

/** Ascending doc ids -> `g…` gaps or `b…` bitset, whichever is shorter (ties: `g`). */
export function encodeSet(ids) {
  let prev = 0;
  const gaps = 'g' + ids.map((d) => { const s = v64(d - prev); prev = d; return s; }).join('');
  const bits = new Array(ids.length ? Math.floor(ids[ids.length - 1] / 6) + 1 : 0).fill(0);
  for (const d of ids) bits[Math.floor(d / 6)] |= 1 << (d % 6);
  const b = 'b' + bits.map((x) => V64[x]).join('');
  return gaps.length <= b.length ? gaps : b;
}

const byCodePoints = (a, b) => {
  const x = Array.from(a), y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  }
  return x.length - y.length;
};

/** Sorted keys front-coded as in meta.keys (docs/search-format.md), like src/search/files.rs. */
export function frontCoded(keys) {
  let prev = [];
  return keys.map((key) => {
    const cps = Array.from(key);
    let shared = 0;
    while (shared < 35 && shared < prev.length && shared < cps.length && prev[shared] === cps[shared]) shared++;
    prev = cps;
    return shared.toString(36) + cps.slice(shared).join('');
  }).join(' ');
}

export function fileKey(key) {
  return Array.from(key).map((c) => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0).toString(16)}`)).join('');
}

/** The files of an index from a readable spec:
 *  {meta: {lang, stopwords, boost, chunk, labels, prefix, head, tops, facets, strings},
 *   keys: [shard keys], big: [terms with a p-file], terms: {term: [[doc, weight], ...]},
 *   initiatives: [[slug, title, lessons]], docs: [{t, u, k, n, s}],
 *   sets: [[[ids] per value] per value facet with codes], attrs: [[value per initiative] per
 *   initiative facet (a facet with by: 'initiative', listed after the value facets with codes)],
 *   groups: true to list the keys in key files}
 *  Returns {path: text}. A term goes to the shard of the longest key that is a prefix of it;
 *  a key with longer keys below it is split and gets a `top` list. Code bits: the value
 *  facets' values in order, 30 bits a word. */
export function encodeIndex(spec) {
  const files = {};
  const json = (x) => JSON.stringify(x).replace(/</g, '\\u003c');
  const keys = [...spec.keys].sort(byCodePoints);
  const terms = Object.keys(spec.terms).sort(byCodePoints);
  const bigs = terms.filter((t) => spec.big.includes(t));
  const inits = spec.initiatives;
  const count = spec.docs.length;
  const owner = [];
  inits.forEach((_, i) => owner.push(i));
  inits.forEach(([, , n], i) => { for (let k = 0; k < n; k++) owner.push(i); });
  const sizes = spec.sets.map((f) => f.length);
  const offsets = [];
  let bit = 0;
  for (const f of spec.meta.facets) {
    if (f.values && !f.by) { offsets.push(bit); bit += f.values.length; } else offsets.push(null);
  }
  const attrs = spec.attrs || [];
  const attrSizes = spec.meta.facets.filter((f) => f.by === 'initiative').map((f) => f.values.length);
  const words = Math.max(1, Math.ceil(bit / 30));
  const valueOffsets = offsets.filter((o) => o !== null);
  const code = (d) => {
    const c = new Array(words).fill(0);
    spec.sets.forEach((f, j) => f.forEach((ids, v) => {
      if (ids.includes(d)) { const b = valueOffsets[j] + v; c[Math.floor(b / 30)] += 2 ** (b % 30); }
    }));
    return c;
  };
  const summary = (list) => {
    const ids = list.map(([d]) => d);
    let s = spec.sets.map((f) => f.map((set) => v64(ids.filter((d) => set.includes(d)).length)).join('')).join('');
    s += attrs.map((of, k) => Array.from({ length: attrSizes[k] }, (_, v) => v64(ids.filter((d) => owner[d] !== undefined && of[owner[d]] === v).length)).join('')).join('');
    const per = new Map();
    for (const d of ids) if (owner[d] !== undefined) per.set(owner[d], (per.get(owner[d]) || 0) + 1);
    const tops = [...per].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, spec.meta.tops);
    s += v64(tops.length) + tops.map(([i, n]) => v64(i) + v64(n)).join('');
    const head = [...list].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, spec.meta.head);
    return s + v64(head.length) + head.map(([d, w]) => v64(d) + v64(w)).join('');
  };
  const entry = (t) => (bigs.includes(t)
    ? [bigs.indexOf(t), spec.terms[t].length, summary(spec.terms[t])]
    : encodePostings(spec.terms[t], code));
  const keyOf = (t) => keys.filter((k) => t.startsWith(k)).sort((a, b) => Array.from(b).length - Array.from(a).length)[0];
  for (const t of terms) if (!keyOf(t)) throw new Error(`no key for term ${t}`);
  for (const key of keys) {
    const own = {};
    for (const t of terms) if (keyOf(t) === key) own[t] = entry(t);
    const split = keys.some((k) => k !== key && k.startsWith(key));
    let args = `${json(key)},${json(own)}`;
    if (split) {
      const below = terms.filter((t) => t.startsWith(key))
        .sort((a, b) => spec.terms[b].length - spec.terms[a].length || byCodePoints(a, b));
      args += `,${json(below.slice(0, spec.meta.prefix).map((t) => [t, entry(t)]))}`;
    }
    files[`search/t-${fileKey(key)}.js`] = `leernetSearch.shard(${args});\n`;
  }
  bigs.forEach((t, n) => { files[`search/p-${n}.js`] = `leernetSearch.postings(${n},${json(encodePostings(spec.terms[t]))});\n`; });
  const { chunk, labels } = spec.meta;
  for (let n = 0; n * chunk < count; n++) {
    files[`search/d-${n}.js`] = `leernetSearch.docs(${n},${json(spec.docs.slice(n * chunk, (n + 1) * chunk))});\n`;
  }
  for (let n = 0; n * labels < inits.length; n++) {
    files[`search/i-${n}.js`] = `leernetSearch.labels(${n},${json(inits.slice(n * labels, (n + 1) * labels).map(([s, t]) => [s, t]))});\n`;
  }
  files['search/f.js'] = `leernetSearch.facets(${json({ values: spec.sets.map((f) => f.map(encodeSet)) })});\n`;
  files['search/r.js'] = `leernetSearch.ranges(${json(inits.map(([, , n]) => v64(n)).join(''))});\n`;
  if (attrs.length) files['search/a.js'] = `leernetSearch.attrs(${json(attrs.map((of) => of.map(v64).join('')))});\n`;
  files['search/n.js'] = `leernetSearch.firsts(${json(inits.filter((_, i) => i % labels === 0).map(([s]) => s))});\n`;
  let groups = null;
  if (spec.groups) {
    groups = [...new Set(keys.map((k) => Array.from(k)[0]))];
    for (const g of groups) {
      files[`search/k-${fileKey(g)}.js`] = `leernetSearch.keys(${json(g)},${json(frontCoded(keys.filter((k) => Array.from(k)[0] === g)))});\n`;
    }
  }
  const meta = {
    version: 4, lang: spec.meta.lang, stopwords: spec.meta.stopwords, boost: spec.meta.boost,
    count, initiatives: inits.length, chunk, labels, prefix: spec.meta.prefix,
    keys: groups ? null : frontCoded(keys), groups, big: bigs.length,
    code: { words, offsets }, head: spec.meta.head, tops: spec.meta.tops,
    facets: spec.meta.facets, strings: spec.meta.strings,
  };
  files['search/meta.js'] = `leernetSearch.meta(${json(meta)});\n`;
  return files;
}
