// The shipped client static/search.min.js is client/search/ bundled by esbuild and minified by terser at this commit
// (scripts/bundle.mjs), and it exports the same API as the source modules (client/search/api.js).
// Run `npm run bundle` when this fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { bundled, TARGET } from '../../scripts/bundle.mjs';
import * as source from '../../client/search/api.js';
import { tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const t = tally('minified');
const want = await bundled();
await t.check('static/search.min.js is up to date (npm run bundle)', () => {
  if (fs.readFileSync(TARGET, 'utf8') !== want) throw new Error('static/search.min.js is stale: run `npm run bundle`');
});
await t.check('same exports, same stemmer', () => {
  const min = require(TARGET);
  if (Object.keys(source).join() !== Object.keys(min).join()) throw new Error('exports differ');
  for (const w of ['mantelzorgers', 'huisartsen', 'coördinatie', 'gemeentelijke']) {
    if (source.stem(w) !== min.stem(w)) throw new Error(`stem(${w}) differs`);
  }
});
t.finish();
