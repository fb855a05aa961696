// The elasticlunr export (search_index.nl.js) used the way a zola theme uses zola's own index.
//
//   node tests/js/elasticlunr-zola.test.mjs <site-output-dir> --base-url URL   (a normal build)
//   node tests/js/elasticlunr-zola.test.mjs <site-output-dir> --portable       (a portable build)
//
// Runs the README's example page in a fresh browser-like global (`window`): its scripts in
// order — the real `elasticlunr.min.js`, two lines of glue (lunr-languages is written for lunr:
// it finds elasticlunr as `lunr`), `lunr.stemmer.support.js` and `lunr.du.js` from the real
// `lunr-languages` package, our `search_index.nl.js`, and its search; then loads the index from
// `window.searchIndex` again and searches Dutch words as a zola theme's search script does. Checks that singular and plural find the
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

// The README's example page ("Use the search index from another client"), as it stands: its
// scripts run in order in a fresh global, `src` files taken from node_modules and the site.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const fence = (file) => {
  const blocks = fs.readFileSync(path.join(repo, file), 'utf8').split('```html\n').slice(1).map((b) => b.split('\n```')[0]);
  const example = blocks.find((b) => b.includes('window.searchIndex'));
  if (!example) throw new Error(`${file} has no html example that uses window.searchIndex`);
  return example;
};
const example = fence('README.md');
t.check('docs/elasticlunr-export.md has the README\'s example', () => {
  if (fence('docs/elasticlunr-export.md') !== example) throw new Error('the two examples differ');
});
const SOURCES = {
  'elasticlunr.min.js': path.join(nodeModules, 'elasticlunr/elasticlunr.min.js'),
  'lunr.stemmer.support.js': path.join(nodeModules, 'lunr-languages/lunr.stemmer.support.js'),
  'lunr.du.js': path.join(nodeModules, 'lunr-languages/lunr.du.js'),
  [`search_index.${meta.lang}.js`]: path.join(site, `search_index.${meta.lang}.js`),
};
const logged = [];
const window = { console: { log: (...a) => logged.push(a), warn() {}, error: console.error } };
window.window = window;
vm.createContext(window);
for (const [, src, inline] of example.matchAll(/<script(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g)) {
  t.check(src ? `<script src="${src}">` : `<script>${inline.trim().slice(0, 40)}…`, () => {
    if (src && !SOURCES[src]) throw new Error(`the example loads ${src}, which this test does not know`);
    vm.runInContext(src ? fs.readFileSync(SOURCES[src], 'utf8') : inline, window, { filename: src || 'inline script' });
  });
}
t.check('the example printed the title and URL of each hit', () => {
  if (!logged.length) throw new Error('nothing printed');
  for (const [title, ref] of logged) {
    if (pageTitle(pageFile(ref)) !== title) throw new Error(`printed "${title}" for ${ref}`);
  }
  console.log(`the README's example found ${logged.length} pages for "mantelzorgers"`);
});

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
