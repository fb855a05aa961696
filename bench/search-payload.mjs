// Bytes a reader downloads for a one-word query on a built site: search.min.js, meta.js, and every
// file the search client loads for it (key files, shards, big-term postings, f.js, r.js, a.js, n.js, the display chunks of
// the first page of results and the label chunks of the initiative values shown), decided by
// the client's own Engine.run, the routine the page uses, on a fresh engine per query (a fresh
// page; "ms": that run with the files read from disk, then the same query again with
// everything loaded). Each word twice: as typed (prefix completions on) and complete (with a trailing space).
//
//   node bench/search-payload.mjs <built-site> word [word ...]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadClient, loadEngine } = await import(path.join(repo, 'tests/js/lib.mjs'));
const [site, ...words] = process.argv.slice(2);
if (!site || !words.length) {
  console.error('usage: node bench/search-payload.mjs <built-site> word [word ...]');
  process.exit(2);
}
const client = require(path.join(repo, 'static/search.min.js'));   // what the page loads
const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    // the client: the repo's minified copy, the one that runs here (the site's may be older)
    const bytes = fs.readFileSync(file === 'search.min.js' ? path.join(repo, 'static/search.min.js') : path.join(site, file));
    sizes.set(file, [bytes.length, zlib.gzipSync(bytes, { level: 9 }).length]);
  }
  return sizes.get(file);
}
const kb = (n) => (n / 1024).toFixed(1);
const [jsRaw, jsGz] = size('search.min.js');
const [metaRaw, metaGz] = size('search/meta.js');
const meta = loadEngine(site, client).meta;
console.log(`${meta.count} documents, ${meta.initiatives} initiatives, ${meta.keys != null ? client.frontDecoded(meta.keys).length : fs.readdirSync(path.join(site, 'search')).filter((f) => f.startsWith('t-')).length} shards, ${meta.big} big terms`);
console.log(`search.min.js ${kb(jsRaw)} KB (gzip ${kb(jsGz)}), meta.js ${kb(metaRaw)} KB (gzip ${kb(metaGz)})`);
console.log('query               hits   files   total KB   gzip KB  (of which keys / shards / postings / f.js / r.js / a.js / n.js / docs / labels KB)  ms (cold, warm)');
for (const word of words) {
  for (const q of [word, `${word} `]) {
    const { engine, load, log } = loadEngine(site, client);
    const t0 = process.hrtime.bigint();
    const out = await engine.run(q, {}, load);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const t1 = process.hrtime.bigint();
    await engine.run(q, {}, load);   // again, everything loaded: the search itself
    const warm = Number(process.hrtime.bigint() - t1) / 1e6;
    let raw = jsRaw + metaRaw, gz = jsGz + metaGz;
    const kinds = { k: 0, t: 0, p: 0, f: 0, r: 0, a: 0, n: 0, d: 0, i: 0 };
    for (const f of log) {
      const [r, g] = size(f);
      raw += r;
      gz += g;
      kinds[path.basename(f)[0]] += r;
    }
    const parts = Object.values(kinds).map(kb).join(' / ');
    console.log(`${JSON.stringify(q).padEnd(18)} ${String(out.total).padStart(5)} ${String(log.length).padStart(7)} ${kb(raw).padStart(10)} ${kb(gz).padStart(9)}  (${parts})  ${ms.toFixed(1).padStart(6)} ${warm.toFixed(1).padStart(5)}`);
  }
}
