// Makes static/search.min.js, the search client the site loads, from its source parts in
// client/search/ (joined by scripts/client.mjs) with terser. `npm run minify` after every change
// to a part; tests/js/minified.test.mjs fails when the two disagree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { joined } from './client.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TARGET = path.join(repo, 'static/search.min.js');

/** The minified client, as it should be on disk. */
export async function minified() {
  const out = await minify(joined(), {
    ecma: 2018,
    compress: true,
    mangle: true,
    format: { preamble: '/* leernet search client: client/search/ minified by npm run minify */' },
  });
  return out.code + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(TARGET, await minified());
  console.log(`wrote ${path.relative(repo, TARGET)} (${fs.statSync(TARGET).size} bytes)`);
}
