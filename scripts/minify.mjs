// Makes static/search.min.js, the search client the site loads, from static/search.js (the
// source, which node tests and reviewers read). `npm run minify` after every change to the
// source; tests/js/minified.test.mjs fails when the two disagree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = path.join(repo, 'static/search.js');
export const TARGET = path.join(repo, 'static/search.min.js');

/** The minified client, as it should be on disk. */
export async function minified() {
  const out = await minify(fs.readFileSync(SOURCE, 'utf8'), {
    ecma: 2018,
    compress: true,
    mangle: true,
    format: { preamble: '/* leernet search client: minified from static/search.js by `npm run minify` */' },
  });
  return out.code + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(TARGET, await minified());
  console.log(`wrote ${path.relative(repo, TARGET)} (${fs.statSync(TARGET).size} bytes)`);
}
