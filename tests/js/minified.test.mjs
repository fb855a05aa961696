// The shipped client is made from its parts at this commit: static/search.js is client/search/*.js
// joined, static/search.min.js that minified, and both export the same API. Run `npm run minify`
// when this fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { joined, minified, SOURCE, TARGET } from '../../scripts/minify.mjs';
import { tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const t = tally('minified');
const want = await minified();
await t.check('static/search.js is client/search/ joined (npm run minify)', () => {
  if (fs.readFileSync(SOURCE, 'utf8') !== joined()) throw new Error('static/search.js is stale: run `npm run minify`');
});
await t.check('static/search.min.js is up to date (npm run minify)', () => {
  if (fs.readFileSync(TARGET, 'utf8') !== want) throw new Error('static/search.min.js is stale: run `npm run minify`');
});
await t.check('same exports, same stemmer', () => {
  const src = require(SOURCE), min = require(TARGET);
  if (Object.keys(src).join() !== Object.keys(min).join()) throw new Error('exports differ');
  for (const w of ['mantelzorgers', 'huisartsen', 'coördinatie', 'gemeentelijke']) {
    if (src.stem(w) !== min.stem(w)) throw new Error(`stem(${w}) differs`);
  }
});
t.finish();
