// Shared helpers for the node tests: load the search client core and a built site's index.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** The client core (static/search.js as the build shipped it, else the repo's copy). */
export function loadClient(site) {
  const shipped = site && path.join(site, 'search.js');
  const file = shipped && fs.existsSync(shipped) ? shipped : path.join(repo, 'static/search.js');
  return require(file);
}

/** Runs one data script (search/*.js) and returns what it passed to the callback. */
export function runDataFile(file) {
  const calls = [];
  const leernetSearch = {
    meta: (m) => calls.push(['meta', m]),
    shard: (k, t) => calls.push(['shard', k, t]),
    docs: (n, d) => calls.push(['docs', n, d]),
  };
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

/** An Engine with every shard and doc chunk of the built site loaded. */
export function loadEngine(site, client = loadClient(site)) {
  const meta = readMeta(site);
  const engine = new client.Engine(meta);
  for (const [key, rel] of Object.entries(meta.shards)) {
    const [kind, k, terms] = runDataFile(path.join(site, rel));
    if (kind !== 'shard' || k !== key) throw new Error(`${rel}: expected shard ${key}, got ${kind} ${k}`);
    engine.addShard(k, terms);
  }
  meta.docs.forEach((rel, n) => {
    const [kind, m, docs] = runDataFile(path.join(site, rel));
    if (kind !== 'docs' || m !== n) throw new Error(`${rel}: expected docs ${n}, got ${kind} ${m}`);
    engine.addDocs(m, docs);
  });
  return { meta, engine, client };
}

/** Minimal test bookkeeping: check(name, fn) and a summary with the exit code. */
export function tally(title) {
  let passed = 0;
  const failures = [];
  return {
    check(name, fn) {
      try {
        fn();
        passed++;
      } catch (e) {
        failures.push(`${name}: ${e && e.message ? e.message : e}`);
      }
    },
    finish() {
      for (const f of failures) console.log(`FAIL ${f}`);
      console.log(`${title}: ${passed} passed, ${failures.length} failed`);
      process.exitCode = failures.length ? 1 : 0;
      return failures.length === 0;
    },
  };
}
