// The search client's source: the parts in client/search/, read in name order and joined (each
// part owns one concern; they share one function scope). scripts/minify.mjs minifies the joined
// source into static/search.min.js, the file the site loads; node tests and benches load the
// joined source itself with requireClient().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PARTS = path.join(repo, 'client/search');

/** The parts' file names, in order. */
export function parts() {
  return fs.readdirSync(PARTS).filter((f) => f.endsWith('.js')).sort();
}

/** The client source: the parts joined. */
export function joined() {
  return parts().map((f) => fs.readFileSync(path.join(PARTS, f), 'utf8')).join('');
}

/** The joined source as a node module (written once per content to the temp folder, so stack
 *  traces name a file). */
export function requireClient() {
  const source = joined();
  const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `leernet-search-${hash}.js`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, source);
  return createRequire(import.meta.url)(file);
}
