// Bytes a reader downloads for a query on a built site: search.js, meta.js, and exactly the
// shards and document chunks the search client asks for (its own Engine decides, as on the
// page). Usage: node bench/search-payload.mjs <built-site> word [word ...]
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = require(path.join(repo, 'static/search.js'));
const [site, ...words] = process.argv.slice(2);
if (!site || !words.length) {
  console.error('usage: node bench/search-payload.mjs <built-site> word [word ...]');
  process.exit(2);
}
const size = (f) => fs.statSync(path.join(site, f)).size;
function load(file) {
  const got = {};
  const ctx = { leernetSearch: { meta: (m) => (got.meta = m), shard: (k, t) => (got.shard = [k, t]), docs: (n, d) => (got.docs = [n, d]) } };
  vm.runInNewContext(fs.readFileSync(path.join(site, file), 'utf8'), ctx);
  return got;
}
const meta = load('search/meta.js').meta;
const base = size('search.js') + size('search/meta.js');
console.log(`search.js + meta.js: ${(base / 1024).toFixed(1)} KB; ${Object.keys(meta.shards).length} shards, ${meta.docs.length} document chunks`);
for (const word of words) {
  const engine = new lib.Engine(meta);
  const t0 = process.hrtime.bigint();
  const q = engine.analyze(word, { prefix: true });
  let bytes = base;
  const files = [];
  for (const key of engine.missingShards(q)) {
    const f = meta.shards[key];
    const s = load(f).shard;
    engine.addShard(s[0], s[1]);
    bytes += size(f);
    files.push(f);
  }
  const matched = engine.match(q);
  for (const n of engine.missingChunks(matched === null ? null : Array.from(matched.keys()))) {
    const f = meta.docs[n];
    const d = load(f).docs;
    engine.addDocs(d[0], d[1]);
    bytes += size(f);
    files.push(f);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${word.padEnd(18)} ${String(matched ? matched.size : 0).padStart(6)} hits  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${String(files.length).padStart(4)} files  ${ms.toFixed(1)} ms`);
}
