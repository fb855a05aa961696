// The shipped client static/search.min.js is client/search/*.js joined and minified at this
// commit, and it exports the same API as the joined source. Run `npm run minify` when this fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { minified, TARGET } from '../../scripts/minify.mjs';
import { requireClient } from '../../scripts/client.mjs';
import { tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const t = tally('minified');
const want = await minified();
await t.check('static/search.min.js is up to date (npm run minify)', () => {
  if (fs.readFileSync(TARGET, 'utf8') !== want) throw new Error('static/search.min.js is stale: run `npm run minify`');
});
await t.check('same exports, same stemmer', () => {
  const src = requireClient(), min = require(TARGET);
  if (Object.keys(src).join() !== Object.keys(min).join()) throw new Error('exports differ');
  for (const w of ['mantelzorgers', 'huisartsen', 'coördinatie', 'gemeentelijke']) {
    if (src.stem(w) !== min.stem(w)) throw new Error(`stem(${w}) differs`);
  }
});
t.finish();
