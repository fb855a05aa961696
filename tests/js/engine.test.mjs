// The search core (Engine in static/search.js) on a small hand-made index that follows the data
// contract (tests/js/fixtures/search/): 5 docs in 3 chunks of 2, shards incl. a 1-char key.
//
//   node tests/js/engine.test.mjs
import path from 'node:path';
import { loadClient, loadEngine, repo, runDataFile, tally } from './lib.mjs';

const fixture = path.join(repo, 'tests/js/fixtures');
const client = loadClient(null);   // the repo's static/search.js
const { engine, meta } = loadEngine(fixture, client);
const t = tally('engine');

const eq = (a, b, what) => {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
};
const ids = (q, o = {}) => engine.search(q, o).results.map((r) => r.id);
const near = (a, b, what) => {
  if (Math.abs(a - b) > 1e-9) throw new Error(`${what}: got ${a}, want ${b}`);
};

t.check('score = idf × (10 × title + body), idf = 1 + ln(count / (df + 1))', () => {
  const r = engine.search('zorg ', {});
  const idf = 1 + Math.log(5 / 3);
  eq(r.results.map((x) => x.id), [0, 2], 'ids');
  near(r.results[0].score, idf * (10 * 1 + 2), 'doc 0');
  near(r.results[1].score, idf * 1, 'doc 2');
});

t.check('title matches rank above body matches', () => {
  eq(ids('mantelzorg', { prefix: false }), [1, 4], 'mantelzorg');
});

t.check('all words must match (AND), scores add up', () => {
  eq(ids('zorg wijk', { prefix: false }), [0, 2], 'zorg wijk');
  eq(ids('zorg mantelzorg', { prefix: false }), [], 'zorg mantelzorg');
  const r = engine.search('zorg wijk', { prefix: false });
  const idfZorg = 1 + Math.log(5 / 3), idfWijk = 1 + Math.log(5 / 3);
  near(r.results[0].score, idfZorg * 12 + idfWijk * 10, 'doc 0 sum');
});

t.check('the last word is a prefix while typing, exact after a space or with prefix off', () => {
  eq(ids('mantelz'), [3, 1, 4], 'mantelz (mantelzorger is rarer: higher idf)');
  eq(ids('mantelz', { prefix: false }), [], 'mantelz, prefix off');
  eq(ids('mantelzorg'), [3, 1, 4], 'mantelzorg (typing)');
  eq(ids('mantelzorg '), [1, 4], 'mantelzorg + space');
  eq(ids('mantelzorg,'), [1, 4], 'mantelzorg + comma');
  eq(ids('wijk mantelz'), [], 'wijk AND mantelz…');
  eq(ids('m'), [], 'a single letter is not a prefix');
});

t.check('a prefix word counts once per document (its best term)', () => {
  const r = engine.search('mantelz', {});
  const best = 1 + Math.log(5 / 3);          // mantelzorg: df 2
  const other = 1 + Math.log(5 / 2);         // mantelzorger: df 1
  near(r.results.find((x) => x.id === 1).score, best * 10, 'doc 1');
  near(r.results.find((x) => x.id === 3).score, other * 10, 'doc 3');
});

t.check('stop words: dropped when complete, a prefix while typing', () => {
  eq(engine.search('de ', {}).idle, true, '"de " is idle');
  eq(ids('de'), [4], '"de" while typing finds dementie');
  eq(ids('de mantelzorg', { prefix: false }), [1, 4], 'stop word ignored in a query');
});

t.check('1-character terms live in a 1-character shard', () => {
  eq(engine.keyOf('b'), 'b', 'key of b');
  eq(engine.keyOf('bur'), 'bu', 'key of bur');
  eq(ids('b ', {}), [4], 'b');
  eq(engine.shardKeys(engine.analyze('b ')), ['b'], 'shards for "b "');
});

t.check('only the shards a query needs, and only existing ones', () => {
  eq(engine.shardKeys(engine.analyze('wijk zorg mantelz')).sort(), ['ma', 'wi', 'zo'], 'three words');
  eq(engine.shardKeys(engine.analyze('xyzzy')), [], 'no shard for xy');
  eq(ids('xyzzy'), [], 'no results, no error');
  eq(engine.shardKeys(engine.analyze('Coördinatie')), [], 'folded key co (absent)');
});

t.check('only the doc chunks the results need', () => {
  const fresh = new client.Engine(meta);
  eq(fresh.missingChunks([0, 3]), [0, 1], 'ids 0 and 3');
  eq(fresh.missingChunks([4]), [2], 'id 4');
  eq(fresh.missingChunks(null), [0, 1, 2], 'all');
  fresh.addDocs(1, runDataFile(path.join(fixture, 'search/d-1.js'))[2]);
  eq(fresh.missingChunks([0, 3]), [0], 'chunk 1 cached');
  eq(fresh.missingShards(fresh.analyze('zorg wijk')).sort(), ['wi', 'zo'], 'missing shards');
  let threw = false;
  try { fresh.search('zorg ', {}); } catch (e) { threw = /shards not loaded: zo/.test(e.message); }
  eq(threw, true, 'search without its shard loaded says which one');
});

t.check('facets: OR within, AND across, disjunctive counts', () => {
  let r = engine.search('', { facets: { thema: ['b'] } });
  eq(r.results.map((x) => x.id), [1, 2, 3], 'thema b alone lists everything with b');
  eq(r.counts[0], [2, 3], 'thema counts ignore the thema selection');
  eq(r.counts[1], [1, 2, 0], 'soort counts within thema b');
  eq(ids('', { facets: { thema: ['a', 'b'] } }), [0, 1, 2, 3], 'thema a or b');
  r = engine.search('', { facets: { thema: ['b'], soort: ['tip'] } });
  eq(r.results.map((x) => x.id), [2, 3], 'thema b and soort tip');
  eq(r.counts[0], [0, 2], 'thema counts with soort tip');
  eq(r.counts[1], [1, 2, 0], 'soort counts with thema b');
  eq(r.counts[2], [1, 1], 'initiatief counts with both');
  r = engine.search('mantelz', { facets: { initiatief: ['y'] } });
  eq(r.results.map((x) => x.id), [3, 4], 'query and facet');
  eq(r.counts[2], [1, 2], 'initiatief counts for the query');
});

t.check('unknown facet slugs and params are ignored', () => {
  eq(engine.search('', { facets: { thema: ['zzz'], nope: ['a'] } }).idle, true, 'idle');
  eq(ids('zorg ', { facets: { thema: ['zzz'] } }), [0, 2], 'query unaffected');
});

t.check('highlighting marks the words that matched, diacritics and case folded', () => {
  const mark = (q, text) => client.highlightPieces(text, client.highlighter(engine.analyze(q), meta.stopwords))
    .filter((p) => p.mark).map((p) => p.text);
  eq(mark('mantelz', 'Mantelzorgers en buren, mantelzorg.'), ['Mantelzorgers', 'mantelzorg'], 'prefix');
  eq(mark('mantelzorg ', 'Mantelzorgers en mantelzorg'), ['mantelzorg'], 'exact stem only');
  eq(mark('coordineren ', 'Zij coördineren; Coo\u0308rdineren!'), ['coördineren', 'Coo\u0308rdineren'], 'diacritics');
  eq(mark('de', 'De dementie'), ['dementie'], 'stop words in the text are not marked');
  const pieces = client.highlightPieces('a <b> zorg', client.highlighter(engine.analyze('zorg '), []));
  eq(pieces, [{ text: 'a <b> ', mark: false }, { text: 'zorg', mark: true }], 'pieces keep the text as is');
});

t.finish();
