// The elasticlunr export (search_index.nl.json) against our client.
//
//   node tests/js/elasticlunr-compat.test.mjs <site-output-dir>
//
// Loads the export with the real `elasticlunr` 0.9.5 package, with our pipeline functions
// registered under the names the export lists (trimmer-du, stopWordFilter-du, stemmer-du), and
// checks that for single-word queries elasticlunr finds exactly the documents our client finds
// with prefix expansion off (searching title and body; the description is the teaser, whose
// words are the body's). The words: a fixed varied list plus every word of every title. Refs are
// page URLs: <base_url>/<path> for a normal build.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { loadEngine, runDataFile, tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const elasticlunr = require('elasticlunr');

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/js/elasticlunr-compat.test.mjs <site-output-dir>');
  process.exit(2);
}
const { meta, client, run } = loadEngine(site);
const t = tally('elasticlunr compat');

const stop = new Set(meta.stopwords);
const EDGES = /^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu;
// elasticlunr runs these on its own tokens (lowercased, split on whitespace and hyphens).
function trimmer(token) {
  const t = client.fold(token).replace(EDGES, '');
  return t || undefined;
}
function stopWordFilter(token) {
  return stop.has(token) ? undefined : token;
}
function stemmer(token) {
  return client.stem(token);
}
elasticlunr.Pipeline.registerFunction(trimmer, 'trimmer-du');
elasticlunr.Pipeline.registerFunction(stopWordFilter, 'stopWordFilter-du');
elasticlunr.Pipeline.registerFunction(stemmer, 'stemmer-du');

const file = path.join(site, `search_index.${meta.lang}.json`);
let index;
t.check(`elasticlunr ${elasticlunr.version} loads ${path.basename(file)}`, () => {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (data.version !== elasticlunr.version) throw new Error(`index version ${data.version}, package ${elasticlunr.version}`);
  if (JSON.stringify(data.pipeline) !== JSON.stringify(['trimmer-du', 'stopWordFilter-du', 'stemmer-du'])) {
    throw new Error(`unexpected pipeline ${JSON.stringify(data.pipeline)}`);
  }
  if (JSON.stringify([...data.fields].sort()) !== JSON.stringify(['body', 'description', 'title'])) throw new Error(`fields ${data.fields}`);
  index = elasticlunr.Index.load(data);
});

const FIXED = [
  'mantelzorg', 'mantelzorgers', 'mantelzorger', 'wijkverpleegkundige', 'wijkverpleegkundigen', 'coördineren',
  'coordineren', 'COÖRDINEREN', 'financiering', 'gemeenten', 'huisartsen', 'huisarts', 'bestuurders', 'casuïstiek',
  'casuistiek', 'ervaringsdeskundigen', 'samenwerking', 'samenwerken', 'platform', 'osteoporose', 'vertrouwen',
  'leersessies', 'gezondheid', 'mogelijkheden', 'zorggroepen', 'wijk', 'wijken', 'zorg', 'patiënten', 'patienten',
  'cliënt', 'Maastricht', 'opschaling', 'subsidie', 'ZonMw', 'teleurstelling', 'blauwdruk', 'coach', 'welbevinden',
  'werkplezier', 'kosten', 'preventie', 'geïnformeerd', 'efficiënter', 'leren', 'geleerd', 'lerend', 'bereikbaar',
  'eenzaamheid', 'vriendelijk', 'de', 'het', 'xyzzy', 'Wmo', 'Zvw',
];
// Every document, for its title words and for the "known documents" check.
const docs = [];
for (let n = 0; n * meta.chunk < meta.count; n++) {
  const [kind, m, list] = runDataFile(path.join(site, `search/d-${n}.js`));
  if (kind !== 'docs' || m !== n) throw new Error(`search/d-${n}.js: expected docs ${n}, got ${kind} ${m}`);
  docs.push(...list);
}
const titleWords = [];
for (const d of docs) {
  for (const w of d.t.split(/[\s\-]+/)) {
    // Whole words only: elasticlunr splits on spaces and hyphens, our client on every
    // non-letter; skip what one of them would split further, and numbers (elasticlunr's
    // Latin trimmer drops them).
    const core = w.replace(EDGES, '');
    if (/^\p{L}+$/u.test(core)) titleWords.push(core);
  }
}
const queries = [...new Set([...FIXED, ...titleWords])];
// A ref is the page's absolute URL: the document id of its path.
const idOfPath = new Map(docs.map((d, id) => [d.u, id]));
function idOfRef(ref) {
  const m = ref.match(/^https?:\/\/[^/]+\/(.*)$/);
  const id = m && idOfPath.get(m[1]);
  if (id === undefined || id === null) throw new Error(`ref ${ref} is not the URL of a document`);
  return id;
}

if (index) {
  await t.check(`same documents for ${queries.length} single-word queries`, async () => {
    const differ = [];
    let found = 0;
    for (const q of queries) {
      const theirs = index.search(q, { fields: { title: { boost: meta.boost.title }, body: { boost: meta.boost.body } }, expand: false })
        .map((r) => idOfRef(r.ref)).sort((a, b) => a - b);
      const ours = (await run(q, { prefix: false })).results.map((r) => r.id).sort((a, b) => a - b);
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) differ.push(`${q}: elasticlunr [${theirs}] ours [${ours}]`);
      if (ours.length) found++;
    }
    console.log(`${queries.length} queries, ${found} with results, ${differ.length} differ`);
    if (found < queries.length / 2) throw new Error(`only ${found} queries found anything`);
    if (differ.length) throw new Error(`${differ.length} queries differ:\n  ${differ.slice(0, 20).join('\n  ')}`);
  });

  await t.check('known documents', async () => {
    const ours = (await run('wijkverpleegkundige', { prefix: false })).results.map((r) => r.doc.u);
    const el = (q) => index.search(q, { expand: false }).map((r) => docs[idOfRef(r.ref)].u);
    const want = ['lessen/positieve-gezondheid-in-alle-organisatielagen/'];
    if (JSON.stringify(ours) !== JSON.stringify(want)) throw new Error(`ours: ${ours}`);
    if (JSON.stringify(el('wijkverpleegkundige')) !== JSON.stringify(want)) throw new Error(`elasticlunr: ${el('wijkverpleegkundige')}`);
  });
}

t.finish();
