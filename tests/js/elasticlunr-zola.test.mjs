// The elasticlunr export (search_index.nl.js) used the way a zola theme uses zola's own index.
//
//   node tests/js/elasticlunr-zola.test.mjs <site-output-dir> --base-url URL   (a normal build)
//   node tests/js/elasticlunr-zola.test.mjs <site-output-dir> --portable       (a portable build)
//
// In a fresh browser-like global (`window`), runs the scripts a page would load with <script>
// tags, in this order: the real `elasticlunr.min.js`, the few lines of glue that
// docs/elasticlunr-export.md gives (lunr-languages is written for lunr: it finds elasticlunr as
// `lunr`), `lunr.stemmer.support.js` and `lunr.du.js` from the real `lunr-languages` package,
// and our `search_index.nl.js`; then `elasticlunr.Index.load(window.searchIndex)` and searches
// Dutch words as a zola theme's search script does. Checks that singular and plural find the
// same pages, that every ref (of every stored document, not only hits) is the URL of a page that
// exists in the output, and that every hit carries its page's title.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { readMeta, tally } from './lib.mjs';

const [site, mode, baseUrl] = process.argv.slice(2);
if (!site || !['--base-url', '--portable'].includes(mode) || (mode === '--base-url' && !baseUrl)) {
  console.error('usage: node tests/js/elasticlunr-zola.test.mjs <site-output-dir> (--base-url URL | --portable)');
  process.exit(2);
}
const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const meta = readMeta(site);
const t = tally(`elasticlunr export as a zola theme loads it (${mode === '--portable' ? 'portable' : 'normal'} build)`);

// The glue of docs/elasticlunr-export.md, word for word.
const GLUE = `window.lunr = elasticlunr;
lunr.generateStopWordFilter = function (words) {
  var stop = {};
  words.forEach(function (w) { stop[w] = true; });
  return function (token) { return stop[token] === true ? undefined : token; };
};`;

const window = { console: { log() {}, warn() {}, error: console.error } };
window.window = window;
vm.createContext(window);
const scripts = [
  ['elasticlunr.min.js', fs.readFileSync(path.join(nodeModules, 'elasticlunr/elasticlunr.min.js'), 'utf8')],
  ['glue', GLUE],
  ['lunr.stemmer.support.js', fs.readFileSync(path.join(nodeModules, 'lunr-languages/lunr.stemmer.support.js'), 'utf8')],
  ['lunr.du.js', fs.readFileSync(path.join(nodeModules, 'lunr-languages/lunr.du.js'), 'utf8')],
  [`search_index.${meta.lang}.js`, fs.readFileSync(path.join(site, `search_index.${meta.lang}.js`), 'utf8')],
];
for (const [name, source] of scripts) {
  t.check(`<script src="${name}"> runs`, () => vm.runInContext(source, window, { filename: name }));
}

let index;
t.check('elasticlunr.Index.load(window.searchIndex)', () => {
  const data = window.searchIndex;
  if (!data) throw new Error('search_index.nl.js set no window.searchIndex');
  if (JSON.stringify(data.pipeline) !== JSON.stringify(['trimmer-du', 'stopWordFilter-du', 'stemmer-du'])) {
    throw new Error(`pipeline ${JSON.stringify(data.pipeline)}`);
  }
  if (JSON.stringify(data.fields) !== JSON.stringify(['title', 'description', 'body'])) throw new Error(`fields ${data.fields}`);
  if (data.version !== window.elasticlunr.version) throw new Error(`version ${data.version}, elasticlunr ${window.elasticlunr.version}`);
  index = window.elasticlunr.Index.load(data);
});

/** The output file a ref names, or an error saying why it names none. */
function pageFile(ref) {
  let rel;
  if (mode === '--portable') {
    if (/^[a-z]+:|^\//.test(ref) || !ref.endsWith('index.html')) throw new Error(`${ref}: not a relative link to a page`);
    rel = ref;
  } else {
    if (!ref.startsWith(`${baseUrl}/`) || !ref.endsWith('/')) throw new Error(`${ref}: not an absolute URL under ${baseUrl}/`);
    rel = `${ref.slice(baseUrl.length + 1)}index.html`;
  }
  const file = path.join(site, ...rel.split('/'));
  if (!fs.existsSync(file)) throw new Error(`${ref}: no ${rel} in the output`);
  return file;
}

const h1Cache = new Map();
function pageTitle(file) {
  if (!h1Cache.has(file)) {
    const m = fs.readFileSync(file, 'utf8').match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
    const text = m ? m[1].replace(/<[^>]+>/g, '') : '';
    const unescaped = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    h1Cache.set(file, unescaped.trim());
  }
  return h1Cache.get(file);
}

// What a zola theme's search script passes (zola's docs): AND of the words, title boosted.
const OPTIONS = {
  bool: 'AND',
  expand: false,
  fields: { title: { boost: meta.boost.title }, description: { boost: 1 }, body: { boost: 1 } },
};
/** Refs of the hits of `q`, each hit checked: its page exists and its title is the page's. */
function search(q) {
  const hits = index.search(q, OPTIONS);
  for (const h of hits) {
    const file = pageFile(h.ref);
    // elasticlunr 0.9.6 (what zola themes ship) puts the stored document in the hit; 0.9.5
    // (npm) returns ref and score, and the document is in the store.
    const doc = h.doc || index.documentStore.getDoc(h.ref);
    if (!doc || !doc.title) throw new Error(`${q}: hit ${h.ref} has no title`);
    if (pageTitle(file) !== doc.title) throw new Error(`${q}: hit ${h.ref} has title "${doc.title}", its page "${pageTitle(file)}"`);
  }
  return hits.map((h) => h.ref);
}

if (index) {
  t.check('every stored document: its ref is a page of the output, with title, description and body', () => {
    const docs = index.documentStore.docs;
    const refs = Object.keys(docs);
    if (refs.length !== meta.count) throw new Error(`${refs.length} documents stored, the site's index has ${meta.count}`);
    for (const ref of refs) {
      const d = docs[ref];
      const file = pageFile(ref);
      if (d.id !== ref) throw new Error(`${ref}: id ${d.id}`);
      if (pageTitle(file) !== d.title) throw new Error(`${ref}: title "${d.title}", its page "${pageTitle(file)}"`);
      if (!d.description || !d.body || d.body.length < d.description.length / 2) throw new Error(`${ref}: description or body missing`);
    }
    console.log(`${refs.length} documents, every ref a page of the output`);
  });

  // Pairs the Snowball Dutch stemmer folds together (it leaves some apart, as in our own
  // search: `huisarts` stems to huisart, `huisartsen` to huisarts).
  const PAIRS = [
    ['wijk', 'wijken'],
    ['mantelzorger', 'mantelzorgers'],
    ['gemeente', 'gemeenten'],
    ['wijkverpleegkundige', 'wijkverpleegkundigen'],
    ['patiënt', 'patiënten'],
    ['Bestuurder', 'bestuurders'],
  ];
  for (const [one, many] of PAIRS) {
    t.check(`"${one}" and "${many}" find the same pages`, () => {
      const a = search(one);
      const b = search(many);
      if (!a.length) throw new Error(`"${one}" found nothing`);
      if (JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort())) throw new Error(`"${one}" [${a}] but "${many}" [${b}]`);
      console.log(`${one} / ${many}: ${a.length} pages`);
    });
  }

  t.check('diacritics: "patienten" finds what "patiënten" finds', () => {
    if (JSON.stringify(search('patienten').sort()) !== JSON.stringify(search('patiënten').sort())) throw new Error('differ');
  });

  t.check('a title word ranks its page first; several words are AND', () => {
    const hits = search('wijkverpleegkundige');
    const want = mode === '--portable'
      ? 'lessen/positieve-gezondheid-in-alle-organisatielagen/index.html'
      : `${baseUrl}/lessen/positieve-gezondheid-in-alle-organisatielagen/`;
    if (!hits.includes(want)) throw new Error(`"wijkverpleegkundige": [${hits}] lacks ${want}`);
    const both = search('mantelzorgers huisartsen');
    const onlyOne = search('mantelzorgers');
    if (!both.length || both.length >= onlyOne.length + search('huisartsen').length) throw new Error(`AND gave ${both.length}`);
    if (!both.every((r) => onlyOne.includes(r))) throw new Error('an AND hit lacks one of the words');
    if (search('xyzzyq').length) throw new Error('a word in no page found something');
  });
}

t.finish();
