// The browser client's text pipeline (client/search/text.js) against the Rust one.
//
//   node tests/js/pipeline.test.mjs <site-output-dir>
//       built-in checks: fold, tokens, stop words (from the site's search/meta.js), and
//       Snowball Dutch stems as rust-stemmers 1.2 produces them
//   node tests/js/pipeline.test.mjs <site-output-dir> --input <text> --expect <rust-output>
//       also runs the JS pipeline over <text> and compares it line by line with the output of
//       `leernet search-pipeline < <text>` (token<TAB>stem, stem empty for a stop word)
//   node tests/js/pipeline.test.mjs <site-output-dir> --input <text> --print
//       prints the JS pipeline's lines instead (a helper for debugging)
import fs from 'node:fs';
import { loadClient, readMeta, tally } from './lib.mjs';

const args = process.argv.slice(2);
const site = args[0];
if (!site) {
  console.error('usage: node tests/js/pipeline.test.mjs <site-output-dir> [--input FILE (--expect FILE | --print)]');
  process.exit(2);
}
const opt = (name) => {
  const i = args.indexOf(name);
  return i > 0 ? args[i + 1] : undefined;
};
const client = loadClient(site);
const meta = readMeta(site);
const lines = (text) => client.pipeline(text, meta.stopwords).map((p) => `${p.token}\t${p.stem}`);

if (args.includes('--print')) {
  process.stdout.write(lines(fs.readFileSync(opt('--input'), 'utf8')).join('\n') + '\n');
  process.exit(0);
}

const t = tally('pipeline');
const eq = (a, b, what) => {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
};

t.check('fold removes diacritics and lowercases', () => {
  eq(client.fold('Coördinatie'), 'coordinatie', 'Coördinatie');
  eq(client.fold('PATIËNT Geïnformeerd café'), 'patient geinformeerd cafe', 'mixed');
  eq(client.fold('Coo\u0308rdinatie'), 'coordinatie', 'decomposed input');
  eq(client.fold('ΟΔΟΣ'), 'οδοσ', 'per-char lowercase as Rust (no final sigma)');
});

t.check('tokens are runs of letters and digits', () => {
  eq(client.tokenize("Zorg-en-welzijn: 30.000 cliënten, auto's & e-health!"),
    ['zorg', 'en', 'welzijn', '30', '000', 'clienten', 'auto', 's', 'e', 'health'], 'tokens');
  eq(client.tokenize('  '), [], 'blank');
});

t.check('stop words come from meta.js', () => {
  if (!Array.isArray(meta.stopwords) || meta.stopwords.length < 50) throw new Error('meta.stopwords missing or short');
  const out = client.pipeline('De mantelzorger en het wijkteam', meta.stopwords);
  eq(out.map((p) => p.stem), ['', 'mantelzorger', '', '', 'wijkteam'], 'stems');
});

// Pairs from rust-stemmers 1.2 (Snowball Dutch): plurals, -heid/-heden, -baar, -lijk, -ig,
// -ing, -end, undoubling of consonants (bedden) and vowels (maan), y/i between vowels.
const STEMS = {
  lopen: 'lop', loopt: 'loopt', liep: 'liep', gelopen: 'gelop', mogelijkheden: 'mogelijk',
  gezondheid: 'gezond', kinderen: 'kinder', huisartsen: 'huisarts', mantelzorgers: 'mantelzorger',
  bereikbaar: 'bereik', betaalbare: 'betal', vriendelijk: 'vriendelijk', lastige: 'lastig',
  ondersteuning: 'ondersteun', gemeenten: 'gemeent', wijkverpleegkundige: 'wijkverpleegkund',
  coordinatie: 'coordinatie', maan: 'man', bomen: 'bom', bedden: 'bed', pakken: 'pak', zetten: 'zet',
  yoghurt: 'yoghurt', papegaaien: 'papegaai', koeien: 'koei', ideeen: 'ideeen', opschaling: 'opschal',
  ervaringsdeskundigen: 'ervaringsdeskund', eenzaamheid: 'eenzam', bedrijvigheid: 'bedrijv',
  lopend: 'lopend', dringende: 'dringend', machtigen: 'machtig', kinderachtig: 'kinderacht',
  zakelijkheid: 'zakelijk', haalbaarheid: 'haalbar', vrijheden: 'vrijheid', bar: 'bar', baar: 'bar',
  gemeen: 'gemen', ab: 'ab', aa: 'aa', '': '',
};
t.check('Snowball Dutch stems', () => {
  const wrong = Object.entries(STEMS).filter(([w, s]) => client.stem(w) !== s)
    .map(([w, s]) => `${w} -> ${client.stem(w)} (want ${s})`);
  if (wrong.length) throw new Error(wrong.join('; '));
});

t.check('links follow the Rust href rule', () => {
  eq(client.hrefFor('/', false, 'lessen/x/'), '/lessen/x/', 'pretty');
  eq(client.hrefFor('/sub/', false, ''), '/sub/', 'pretty home');
  eq(client.hrefFor('../', true, 'lessen/x/'), '../lessen/x/index.html', 'portable');
  eq(client.hrefFor('../', true, ''), '../index.html', 'portable home');
  eq(client.hrefFor('', true, ''), 'index.html', 'portable root home');
  eq(client.hrefFor('../', true, 'style.css'), '../style.css', 'portable file');
  eq(client.hrefFor('', true, 'zoeken/?q=zorg'), 'zoeken/index.html?q=zorg', 'query kept');
});

const input = opt('--input');
const expect = opt('--expect');
if (input && expect) {
  t.check(`same output as the Rust pipeline for ${input}`, () => {
    const mine = lines(fs.readFileSync(input, 'utf8'));
    const theirs = fs.readFileSync(expect, 'utf8').split('\n');
    if (theirs.length && theirs[theirs.length - 1] === '') theirs.pop();
    const diffs = [];
    for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
      if (mine[i] !== theirs[i]) diffs.push(`line ${i + 1}: rust ${JSON.stringify(theirs[i])} js ${JSON.stringify(mine[i])}`);
    }
    console.log(`compared ${theirs.length} Rust lines with ${mine.length} JS lines, ${diffs.length} differ`);
    if (diffs.length) throw new Error(`${diffs.length} lines differ; first ones:\n  ${diffs.slice(0, 20).join('\n  ')}`);
  });
} else if (input || expect) {
  console.error('--input and --expect go together');
  process.exitCode = 2;
}

t.finish();
