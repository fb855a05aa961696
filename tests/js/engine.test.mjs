// The search core (Engine in client/search/) on a small hand-made index in format v4
// (tests/js/fixtures/search/, written from the readable spec in tests/js/fixtures/index.mjs):
// ranking, AND, prefixes, facet counts (summaries, codes, f.js), and exactly which files each
// query loads.
//
//   node tests/js/engine.test.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeIndex, encodePostings, frontCoded, encodeSet, loadClient, loadEngine, repo, tally } from './lib.mjs';
import { spec, withInitiativeFacets } from './fixtures/index.mjs';

const fixture = path.join(repo, 'tests/js/fixtures');
const client = loadClient(null);   // the repo's source modules, client/search/api.js
const t = tally('engine');

const ok = (cond, what) => {
  if (!cond) throw new Error(`${what}: not so`);
};
const eq = (a, b, what) => {
  const j = (x) => JSON.stringify(x, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v));
  if (j(a) !== j(b)) throw new Error(`${what}: got ${j(a)}, want ${j(b)}`);
};
const near = (a, b, what) => {
  if (Math.abs(a - b) > 1e-9) throw new Error(`${what}: got ${a}, want ${b}`);
};
const idf = (df) => 1 + Math.log(9 / (df + 1));   // 9 documents
const fresh = (dir = fixture) => loadEngine(dir, client);
/** A query on a fresh engine (a fresh page): its result and the files it loaded, in order. */
async function query(q, o = {}, dir = fixture) {
  const e = fresh(dir);
  const out = await e.run(q, o);
  return { out, files: e.log.map((f) => f.replace('search/', '')), ids: out.results.map((r) => r.id), e };
}
const ids = async (q, o) => (await query(q, o)).ids;

await t.check('the fixture files are the spec, encoded', () => {
  for (const [file, text] of Object.entries(encodeIndex(spec))) {
    eq(fs.readFileSync(path.join(fixture, file), 'utf8'), text, file);
  }
  eq(fs.readdirSync(path.join(fixture, 'search')).length, Object.keys(encodeIndex(spec)).length, 'no stray files');
});

await t.check('decoders read what the Rust encoder writes (its test vectors)', () => {
  eq(client.v64('ABfgBhB_fggB'), [0, 1, 31, 32, 33, 1023, 1024], 'v64 numbers');
  const p = client.decodePostings('DMEBBU');
  eq([p.ids, p.weights, p.codes], [[3, 7, 8], [12, 1, 20], null], 'postings');
  // codes.rs: docs 2 and 4, weights 9 and 1, codes 25 and 17 (one word), and two words
  const c = client.decodePostings('CJZCBR', 1);
  eq([c.ids, c.weights, c.codes], [[2, 4], [9, 1], [25, 17]], 'postings with codes');
  eq(client.decodePostings('DMFB', 2).codes, [5, 1], 'two code words');
  eq(client.decodeSummary('BDCBCCBCABBMD', [2, 3]),
    { counts: [[1, 3], [2, 1, 2]], tops: [[1, 2], [0, 1]], head: [[12, 3]] }, 'summary');
  const members = (s, n) => Array.from(client.decodeSet(s, n)).flatMap((x, i) => (x ? [i] : []));
  eq(members('g', 5), [], 'empty set');
  eq(members('gCmB', 50), [2, 40], 'gaps');
  eq(members('b__', 12), [...Array(12).keys()], 'dense bitset');
  eq(members('bDC', 9), [0, 1, 7], 'bitset');
  // and the test encoder picks the same forms as the Rust one
  eq([encodeSet([]), encodeSet([2, 40]), encodeSet([...Array(12).keys()]), encodeSet([0, 1, 7])], ['g', 'gCmB', 'b__', 'bDC'], 'encodeSet');
  eq(encodePostings([[3, 12], [7, 1], [8, 20]]), 'DMEBBU', 'encodePostings');
  eq(client.frontDecoded('0a 0zo 2r 3g 2ö 3x'), ['a', 'zo', 'zor', 'zorg', 'zoö', 'zoöx'], 'front-coded keys');
  eq(frontCoded(['a', 'zo', 'zor', 'zorg', 'zoö', 'zoöx']), '0a 0zo 2r 3g 2ö 3x', 'frontCoded');
  eq([client.fileKey('mant'), client.fileKey('ø'), client.fileKey('a-1')], ['mant', '_f8', 'a_2d1'], 'file keys');
});

await t.check('score = idf × weight, idf = 1 + ln(count / (df + 1)); a big term from its p-file', async () => {
  const { out, files } = await query('zorg ');
  eq(out.results.map((r) => r.id), [0, 8, 5], 'ids');
  near(out.results[0].score, idf(3) * 12, 'doc 0');
  near(out.results[1].score, idf(3) * 3, 'doc 8');
  near(out.results[2].score, idf(3) * 1, 'doc 5');
  eq(files, ['t-z.js', 'p-0.js', 'd-0.js', 'd-4.js', 'd-2.js', 'i-0.js', 'i-1.js'], 'files: past its head, the p-file; no f.js');
  eq(out.results[0].doc.t, 'Alfa: zorg in de wijk', 'doc of the first result');
});

await t.check('one big term: counts and first results from its summary, the p-file only for more', async () => {
  const e = fresh();
  let out = await e.run('zorg ', { shown: 2 });
  eq([out.total, out.results.map((r) => r.id)], [3, [0, 8]], 'total from df, results from the head');
  near(out.results[1].score, idf(3) * 3, 'head score');
  eq(out.counts.slice(0, 2), [[3, 0], [1, 1, 1]], 'thema, soort counts');
  eq(Array.from(out.counts[2]), [1, 1, 1], 'initiative counts');
  eq(e.log, ['search/t-z.js', 'search/d-0.js', 'search/d-4.js', 'search/i-0.js', 'search/i-1.js'], 'no p-file, no f.js, no r.js');
  e.log.length = 0;
  out = await e.run('zorg ', { shown: 4 });
  eq([out.total, out.results.map((r) => r.id)], [3, [0, 8, 5]], 'more: all of them');
  eq(e.log, ['search/p-0.js', 'search/d-2.js'], 'more loads the p-file');
  // The same counts the long way: more initiative values than the summary has forces f.js.
  const full = await query('zorg ', { top: 11 });
  eq(full.out.counts, out.counts, 'summary counts = counted from f.js');
  ok(full.files.includes('f.js'), 'that way loads f.js');
});

await t.check('all words must match (AND), scores add up', async () => {
  const { out, files } = await query('zorg wijk ');
  eq(out.results.map((r) => r.id), [0, 5], 'zorg wijk');
  near(out.results[0].score, idf(3) * 12 + idf(3) * 11, 'doc 0 sum');
  eq(files, ['t-z.js', 't-w.js', 'p-0.js', 'r.js', 'd-0.js', 'd-2.js', 'i-0.js'], 'files: codes from wijk, no f.js');
  const none = await query('zon wijk ');
  eq(none.ids, [], 'zon wijk');
  eq(none.files, ['t-z.js', 't-w.js', 'r.js'], 'files when both words exist but never together');
  const absent = await query('wijk xyzzy ');
  eq(absent.ids, [], 'wijk xyzzy');
  eq(absent.files, ['t-w.js'], 'a word without a shard: no postings, no counts');
  eq((await query('xyzzy')).files, [], 'xyzzy (no shard x)');
});

await t.check('typing a split key: its top list, plus the exact term', async () => {
  const { out, files } = await query('man');
  eq(out.results.map((r) => r.id), [3, 5, 7, 8, 6], 'man, manager, mantelzorg; not mantel (doc 4)');
  near(out.results[0].score, idf(2) * 10, 'doc 3: its best term (mantelzorg, rarer than manager)');
  near(out.results[2].score, idf(1) * 1, 'doc 7: the exact term man');
  eq(files, ['t-man.js', 'r.js', 'd-1.js', 'd-2.js', 'd-3.js', 'd-4.js', 'i-0.js', 'i-1.js'], 'files: no shard below man');
  eq(await ids('ma'), [3, 5, 8, 6], 'ma: top of ma (manager, mantelzorg), ma is no term');
  eq((await query('ma')).files.slice(0, 2), ['t-ma.js', 'r.js'], 'ma files');
  eq(await ids('man '), [7], 'man complete: the term man only');
  eq(await ids('man', { prefix: false }), [7], 'man with prefix off');
});

await t.check('typing below a key that is not split: the most frequent completions in its shard', async () => {
  const { out, files } = await query('mantelz');
  eq(out.results.map((r) => r.id), [3, 6, 7, 8], 'mantelzorg and mantelzorger (ties: lower id)');
  eq(files.slice(0, 2), ['t-mant.js', 'r.js'], 'files');
  eq(await ids('mantelzorger'), [6, 7], 'mantelzorger');
  // mantels: forms mantels and its stem mantel; completions of mantel: mantelzorg and
  // mantelzorger (df 2) beat mantel (df 1), but mantel is the stem and a term: always in.
  const m = await query('mantels');
  eq(m.ids, [3, 6, 4, 7, 8], 'mantels');
  near(m.out.results[2].score, idf(1), 'doc 4 by mantel');
  eq(m.files.slice(0, 2), ['t-mant.js', 'r.js'], 'one shard for both forms');
  eq(await ids('mantel '), [4], 'mantel complete');
});

await t.check('a word being typed whose completions include a big term matches one term', async () => {
  // zo: a term itself (doc 1); completions zorg (big, df 3) and zon: the word as typed wins
  let q = await query('zo');
  eq([q.ids, q.files.slice(0, 2)], [[1], ['t-z.js', 'r.js']], 'zo: the term zo only, counted from its codes');
  // zor: no term; its completions: zorg only, a big one, so its summary
  q = await query('zor', { shown: 2 });
  eq([q.out.total, q.ids], [3, [0, 8]], 'zor: zorg');
  eq(q.files, ['t-z.js', 'd-0.js', 'd-4.js', 'i-0.js', 'i-1.js'], 'zor: from the summary');
  eq(q.out.initiatives.map((v) => [v.slug, v.count]), [['alfa', 1], ['beta', 1], ['gamma', 1]], 'initiatives by count, then index');
});

await t.check('codes in the postings count exactly what f.js counts', async () => {
  for (const [text, o] of [['man', {}], ['man', { facets: { soort: ['les'] } }], ['de wijk ', { facets: { thema: ['a'], initiatief: ['beta'] } }]]) {
    const coded = await query(text, o);
    ok(!coded.files.includes('f.js'), `${text}: no f.js`);
    // top: 11 > meta.tops changes nothing here: the codes path does not depend on it
    const e = fresh();
    await e.load('search/f.js');
    const viaSets = e.engine.membership([], 'full');
    const viaCodes = (await (async () => { const f = fresh(); await f.run(text, o); return f; })());
    const terms = viaCodes.engine.analyze(text).map((w) => viaCodes.engine.termsFor(w));
    const has = viaCodes.engine.membership(terms, 'coded');
    for (const r of coded.out.results) {
      for (const [j, n] of [[0, 2], [1, 3]]) {
        for (let v = 0; v < n; v++) eq(has(j, v, r.id), viaSets(j, v, r.id), `${text}: doc ${r.id} facet ${j} value ${v}`);
      }
    }
  }
});

await t.check('a large site: keys in one file per first character', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leernet-keys-'));
  for (const [file, text] of Object.entries(encodeIndex({ ...spec, groups: true }))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const q = await query('mantelz', {}, dir);
  eq(q.ids, [3, 6, 7, 8], 'mantelz as with keys in meta');
  eq(q.files.slice(0, 3), ['k-m.js', 't-mant.js', 'r.js'], 'the key file of m first');
  const o = await query('Ørsted ', {}, dir);
  eq([o.ids, o.files.slice(0, 2)], [[8], ['k-_f8.js', 't-_f8.js']], 'escaped key file');
  eq((await query('xyzzy', {}, dir)).files, [], 'no key file for x: nothing loads');
  fs.rmSync(dir, { recursive: true, force: true });
});

await t.check('stop words: dropped when complete, a prefix while typing', async () => {
  const de = await query('de ');
  eq([de.out.idle, de.files], [true, []], '"de " is idle and loads nothing');
  eq(await ids('de'), [4, 1], '"de" while typing finds dementie');
  eq(await ids('de wijk '), [0, 6, 5], 'stop word ignored in a query');
  eq((await query('in de ')).out.idle, true, 'only stop words');
  eq((await query('')).files, [], 'empty query loads nothing');
});

await t.check('shard keys: 1-character keys, the longest key, escaped file names', async () => {
  const { engine } = fresh();
  eq([engine.keyOf('b'), engine.keyOf('bur'), engine.keyOf('mantelzorg'), engine.keyOf('xy')], ['b', 'bu', 'mant', null], 'keyOf');
  eq((await query('b ')).ids, [7], 'b');
  eq((await query('bu')).ids, [7, 2], 'bu');
  const o = await query('Ørsted ');
  eq([o.ids, o.files[0]], [[8], 't-_f8.js'], 'ørsted');
});

await t.check('display chunks only for the results shown; more loads only the new ones', async () => {
  const e = fresh();
  let out = await e.run('man', { shown: 2 });
  eq(out.results.map((r) => r.id), [3, 5, 7, 8, 6], 'all results ranked');
  eq(out.results.map((r) => Boolean(r.doc)), [true, true, false, false, false], 'docs for the first 2');
  eq(e.log.filter((f) => f.includes('/d-')), ['search/d-1.js', 'search/d-2.js'], 'chunks for 2');
  e.log.length = 0;
  out = await e.run('man', { shown: 4 });
  eq(e.log, ['search/d-3.js', 'search/d-4.js'], 'more: the new chunks only');
  eq(out.results.slice(0, 4).map((r) => r.doc.t), ['Manager en mantelzorg', 'Managers', 'Buurt', 'Ørsted'], 'titles');
  e.log.length = 0;
  await e.run('man', { shown: 20 });
  await e.run('man ', {});
  eq(e.log, [], 'nothing loads twice');
});

await t.check('first results before the counts: onResults with the first 6 shown, then the whole page', async () => {
  const e = fresh();
  const early = [];
  const out = await e.run('man', { onResults: (o) => early.push({ o, files: e.log.slice() }) });
  eq(early.length, 1, 'called once');
  const first = early[0];
  eq(first.o.results.map((r) => r.id), out.results.map((r) => r.id), 'the same ranking as the final result');
  eq(first.o.total, out.total, 'total');
  eq(first.o.results.map((r) => Boolean(r.doc)), [true, true, true, true, true], 'docs for the first min(shown, 6)');
  ok(!first.files.some((f) => f.includes('/i-')), 'no label chunk loaded before the first results');
  ok(first.files.length < e.log.length || out.initiatives.length === 0, 'the rest loads after');
  eq(first.files, ['search/t-man.js', 'search/r.js', 'search/d-1.js', 'search/d-2.js', 'search/d-3.js', 'search/d-4.js'],
    'r.js comes with the first display chunks (one round after the shard)');
  const full = fresh(), before = [];
  await full.run('zorg ', { top: 11, onResults: () => before.push(...full.log) });
  ok(before.includes('search/r.js') && !before.includes('search/f.js') && full.log.includes('search/f.js'),
    `f.js loads after the first results: ${before}`);
  const withFacet = [];
  await fresh().run('man', { facets: { soort: ['les'] }, onResults: (o) => withFacet.push(o) });
  eq(withFacet.length, 0, 'with a facet selected, results need the counts first: no early call');
});

await t.check('concurrent runs share their loads', async () => {
  const e = fresh();
  const slow = (f) => new Promise((r) => setTimeout(r, 5)).then(() => e.load(f));
  await Promise.all([e.engine.run('zorg ', {}, slow), e.engine.run('zo', {}, slow), e.engine.run('zorg wijk', {}, slow)]);
  eq(e.log.length, new Set(e.log).size, `each file once: ${e.log}`);
});

await t.check('search() is the same, synchronously, and names what is missing', async () => {
  const e = fresh();
  const threw = (q, o) => { try { e.engine.search(q, o); return ''; } catch (err) { return err.message; } };
  eq(threw('zorg '), 'not loaded: search/t-z.js', 'stage 1');
  await e.load('search/t-z.js');
  eq(threw('zorg '), 'not loaded: search/p-0.js', 'stage 2 (past the head of the summary)');
  await e.run('zorg ');
  eq(e.engine.search('zorg ').results.map((r) => r.id), [0, 8, 5], 'all loaded');
  const head = fresh();
  await head.load('search/t-z.js');
  await head.load('search/d-0.js');
  await head.load('search/d-4.js');
  eq(((q) => { try { head.engine.search(q, { shown: 2 }); } catch (err) { return err.message; } })('zorg '),
    'not loaded: search/i-0.js, search/i-1.js', 'the head needs no p-file, only the labels shown');
  const other = fresh().engine;
  eq(((q) => { try { other.search(q, { facets: { initiatief: ['gamma'] } }); } catch (err) { return err.message; } })(''),
    'not loaded: search/n.js', 'a slug needs the first slugs of the label chunks');
});

await t.check('facets: OR within, AND across, disjunctive counts from b and g sets', async () => {
  let q = await query('', { facets: { thema: ['b'] } });
  eq(q.ids, [2, 7], 'thema b alone lists its documents in id order');
  eq(q.out.counts[0], [6, 2], 'thema counts ignore the thema selection');
  eq(q.out.counts[1], [1, 0, 1], 'soort counts within thema b');
  eq(q.out.counts[2], [0, 1, 1], 'initiative counts within thema b');
  eq(q.files, ['r.js', 'f.js', 'd-1.js', 'd-3.js', 'i-0.js', 'i-1.js'], 'files');
  eq(await ids('', { facets: { thema: ['a', 'b'] } }), [0, 2, 3, 4, 5, 6, 7, 8], 'thema a or b');
  q = await query('', { facets: { thema: ['b'], soort: ['les'] } });
  eq(q.ids, [7], 'thema b and soort les');
  eq(q.out.counts[0], [2, 1], 'thema counts with soort les');
  eq(q.out.counts[1], [1, 0, 1], 'soort counts with thema b');
  eq(q.out.counts[2], [0, 1, 0], 'initiative counts with both');
  eq([...q.out.selection[0], ...q.out.selection[1]], [1, 0], 'selection');
});

await t.check('initiative facet: ranges from r.js, slugs via n.js and label chunks, top values', async () => {
  let q = await query('man', { facets: { initiatief: ['beta'] } });
  eq(q.ids, [5, 7, 6], 'man in beta (documents 1, 5-7)');
  eq(q.out.counts[2], [1, 3, 1], 'initiative counts (disjunctive)');
  eq(q.out.counts[0], [2, 1], 'thema counts within beta');
  eq(q.files, ['n.js', 't-man.js', 'i-0.js', 'r.js', 'd-2.js', 'd-3.js', 'i-1.js'], 'files');
  eq(q.out.initiatives, [
    { index: 1, slug: 'beta', label: 'Beta', count: 3, selected: true },
    { index: 0, slug: 'alfa', label: 'Alfa', count: 1, selected: false },
    { index: 2, slug: 'gamma', label: 'Gamma', count: 1, selected: false },
  ], 'values shown');
  q = await query('', { facets: { initiatief: ['gamma'] } });
  eq(q.ids, [2, 8], 'gamma alone: the initiative and its lesson');
  eq(q.out.counts[2], [3, 4, 2], 'every initiative counts (disjunctive)');
  eq(q.files, ['n.js', 'i-1.js', 'r.js', 'f.js', 'd-1.js', 'd-4.js', 'i-0.js'], 'files');
  q = await query('man', { top: 1 });
  eq(q.out.initiatives.map((v) => v.slug), ['beta'], 'top 1');
  eq(q.files.filter((f) => f.startsWith('i-')), ['i-0.js'], 'labels for the values shown only');
  q = await query('man', { top: 1, facets: { initiatief: ['gamma'] } });
  eq(q.out.initiatives.map((v) => [v.slug, v.count, v.selected]), [['beta', 3, false], ['gamma', 1, true]], 'top 1 plus the selected one');
  q = await query('zon ', { facets: { initiatief: ['alfa'] } });
  eq([q.out.total, q.out.initiatives.map((v) => [v.slug, v.count])], [0, [['gamma', 1], ['alfa', 0]]], 'a selected value with count 0 stays');
});

await t.check('unknown facet slugs and params are ignored', async () => {
  let q = await query('', { facets: { thema: ['zzz'], nope: ['a'], initiatief: ['zzz'] } });
  eq([q.out.idle, q.files], [true, ['n.js', 'i-1.js']], 'idle; zzz would be in label chunk 1');
  q = await query('', { facets: { initiatief: ['aaa'] } });
  eq([q.out.idle, q.files], [true, ['n.js']], 'a slug before the first initiative needs no chunk');
  eq(await ids('zorg ', { facets: { thema: ['zzz'] } }), [0, 8, 5], 'query unaffected');
});

await t.check('highlighting marks the words that matched, diacritics and case folded', () => {
  const { engine, meta } = fresh();
  const mark = (q, text) => client.highlightPieces(text, client.highlighter(engine.analyze(q), meta.stopwords))
    .filter((p) => p.mark).map((p) => p.text);
  eq(mark('mantelz', 'Mantelzorgers en buren, mantelzorg.'), ['Mantelzorgers', 'mantelzorg'], 'prefix');
  eq(mark('mantelzorg ', 'Mantelzorgers en mantelzorg'), ['mantelzorg'], 'exact stem only');
  eq(mark('coordineren ', 'Zij coördineren; Coo\u0308rdineren!'), ['coördineren', 'Coo\u0308rdineren'], 'diacritics');
  eq(mark('de', 'De dementie'), ['dementie'], 'stop words in the text are not marked');
  const pieces = client.highlightPieces('a <b> zorg', client.highlighter(engine.analyze('zorg '), []));
  eq(pieces, [{ text: 'a <b> ', mark: false }, { text: 'zorg', mark: true }], 'pieces keep the text as is');
});

// ------------------------------------------------------------------ initiative facets (a.js)

const attrDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leernet-attrs-'));
for (const [file, text] of Object.entries(encodeIndex(withInitiativeFacets))) {
  fs.mkdirSync(path.dirname(path.join(attrDir, file)), { recursive: true });
  fs.writeFileSync(path.join(attrDir, file), text);
}
// The facets' indices in the meta: thema 0, soort 1, initiatief 2, fase 3, regio 4.
const OWNER = [0, 1, 2, 0, 0, 1, 1, 1, 2];
const [FASE, REGIO] = withInitiativeFacets.attrs;

await t.check('initiative facets: a document has its initiative\'s value; OR within, AND across', async () => {
  let q = await query('', { facets: { fase: ['pilot'] } }, attrDir);
  eq(q.ids, [0, 3, 4], 'fase pilot: alfa and its lessons');
  eq(q.out.counts[3], [3, 4, 2], 'fase counts ignore the fase selection');
  eq(q.out.counts[4], [3, 0], 'regio counts within fase pilot');
  eq(q.out.counts[1], [1, 1, 1], 'soort counts within fase pilot');
  ok(q.files.includes('a.js') && q.files.includes('r.js'), `a.js and r.js loaded: ${q.files}`);
  q = await query('', { facets: { fase: ['pilot', 'niet-beschreven'] } }, attrDir);
  eq(q.ids, [0, 2, 3, 4, 8], 'pilot or not described');
  // The initiative list: only initiatives, narrowed by region.
  q = await query('', { facets: { soort: ['initiatief'], regio: ['noord'] } }, attrDir);
  eq(q.ids, [0, 1], 'initiatives in noord');
  eq(q.out.counts[3], [1, 1, 0], 'fase counts of those initiatives');
  eq(q.out.counts[4], [2, 1], 'regio counts among the initiatives');
  q = await query('', { facets: { regio: ['zuid'], fase: ['opschaling'] } }, attrDir);
  eq([q.out.total, q.out.counts[3], q.out.counts[4]], [0, [0, 0, 2], [4, 0]], 'no results; disjunctive counts');
});

await t.check('initiative facets: the same counts from summaries, codes and f.js as by hand', async () => {
  for (const text of ['zorg ', 'zorg', 'man', 'wijk ', 'mantelzorg ', 'de wijk ']) {
    const plain = await query(text, {}, attrDir);
    const all = plain.out.results.map((r) => r.id);
    const count = (of, n) => Array.from({ length: n }, (_, v) => all.filter((d) => of[OWNER[d]] === v).length);
    eq([plain.out.counts[3], plain.out.counts[4]], [count(FASE, 3), count(REGIO, 2)], `"${text}": counts`);
    eq(plain.files.includes('a.js'), plain.files.includes('r.js'), `"${text}": a.js with r.js, when counting from postings (${plain.files})`);
    for (const [param, of, n] of [['fase', FASE, 3], ['regio', REGIO, 2]]) {
      for (let v = 0; v < n; v++) {
        const slug = withInitiativeFacets.meta.facets.find((f) => f.param === param).values[v].slug;
        const q = await query(text, { facets: { [param]: [slug] } }, attrDir);
        eq(q.ids, all.filter((d) => of[OWNER[d]] === v), `"${text}" with ${param}=${slug}`);
      }
    }
  }
  const summary = await query('zorg ', { shown: 2 }, attrDir);
  eq(summary.files.includes('a.js'), false, 'one big term: its summary has the counts, no a.js');
  eq([summary.out.counts[3], summary.out.counts[4]], [[1, 1, 1], [2, 1]], 'counts from the summary');
});

t.finish();
