// Makes static/search.min.js, the search client the site loads, from its ES modules in
// client/search/ (entry main.js) with esbuild: one classic script (an IIFE, minified), since
// module scripts do not load from file://. `npm run bundle` after every change to a module;
// tests/js/minified.test.mjs fails when the committed bundle and a fresh one disagree. The Rust
// binary embeds the committed file (static/ is compiled in), so `cargo build` needs no node.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TARGET = path.join(repo, 'static/search.min.js');
export const ENTRY = path.join(repo, 'client/search/main.js');

/** The bundled client, as it should be on disk. */
export async function bundled() {
  const out = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2020',
    // Non-ASCII characters as escapes (esbuild's default): the script reads the same whatever
    // charset it is served or opened with, and it gzips a little smaller.
    charset: 'ascii',
    legalComments: 'none',
    banner: { js: '/* leernet search client: client/search/, bundled by esbuild (npm run bundle) */' },
    // main.js sets module.exports under node on purpose (tests and benches require the bundle).
    logOverride: { 'commonjs-variable-in-esm': 'silent' },
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(TARGET, await bundled());
  console.log(`wrote ${path.relative(repo, TARGET)} (${fs.statSync(TARGET).size} bytes)`);
}
