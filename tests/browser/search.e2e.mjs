// End-to-end test of the search page in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core), over HTTP and from file://.
//
//   node tests/browser/search.e2e.mjs <built-site> <portable-built-site>
//
// <built-site> (a normal build, links from "/") is served by a tiny HTTP server on 127.0.0.1;
// <portable-built-site> (`leernet build --portable`) is opened from file://. The expected titles
// and counts come from the repo's own content (initiatives/, lessons/) and were checked against
// the Markdown files by hand; change them together with the content.
// Screenshots go to tests/artifacts/ (git-ignored).
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eq, ok, tally } from './harness.mjs';
import * as engineLib from '../../client/search/api.js';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(repo, 'tests/artifacts');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const [siteArg, portableArg] = process.argv.slice(2);
if (!siteArg || !portableArg) {
  console.error('usage: node tests/browser/search.e2e.mjs <built-site> <portable-built-site>');
  process.exit(2);
}
const site = path.resolve(siteArg);
const portable = path.resolve(portableArg);
for (const dir of [site, portable]) {
  if (!fs.existsSync(path.join(dir, 'zoeken/index.html'))) {
    console.error(`${dir} has no zoeken/index.html: not a built leernet site`);
    process.exit(2);
  }
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: run \`bash tests/run.sh\` (it installs Debian's chromium)`);
  process.exit(2);
}
fs.mkdirSync(artifacts, { recursive: true });

// ------------------------------------------------------------------ expectations (from content)

const WIJK = {
  title: 'Neem alle organisatielagen mee in Positieve Gezondheid',
  path: 'lessen/positieve-gezondheid-in-alle-organisatielagen/',
  kind: 'Tip',
  initiative: 'Blauwe Zorg in de wijk',
};
const COORD = 'Zet een onafhankelijke gezinsregisseur in met mandaat van de financiers';
// Which files a word and a title are in, in this build (format v2, docs/search-format.md).
const META = JSON.parse(fs.readFileSync(path.join(site, 'search/meta.js'), 'utf8').replace(/^leernetSearch\.meta\(/, '').replace(/\);\s*$/, ''));
const KEYS = new engineLib.Engine(META);
/** The shard files of a word being typed: those of its folded form and of its stem. */
function shardFilesFor(word) {
  const token = engineLib.fold(word);
  return [...new Set([token, engineLib.stem(token)].map((f) => KEYS.shardFile(KEYS.keyOf(f))))];
}
function chunkFileFor(title) {
  for (let n = 0; n * META.chunk < META.count; n++) {
    const f = `search/d-${n}.js`;
    if (fs.readFileSync(path.join(site, f), 'utf8').includes(JSON.stringify(title))) return f;
  }
  return undefined;
}
// One result: its word's shard, the initiative ranges (the other counts come from the codes in
// its postings), its display chunk, the label chunk of its initiative (the one value shown).
// r.js and a.js (format v4: the initiative facets' values) give the counts with the shard's codes.
const WIJK_FILES = [...shardFilesFor('wijkverpleegkundige'), 'search/r.js', 'search/a.js', chunkFileFor(WIJK.title), 'search/i-0.js'].sort();

// "mantelz": every file mentioning mantelz… (text, or the theme/level Mantelzorg(er) label).
const MANTELZ = {
  total: 13,
  first: ['Laat cliënten en mantelzorgers meebouwen aan het platform', 'Rust en overzicht voor cliënt en mantelzorger'],
  soort: { les: 2, succes: 8, knelpunt: 1, tip: 1, initiatief: 1, mislukking: 0 },
  initiatief: { ozoverbindzorg: 13, 'blauwe-zorg': 0, 'scan-en-plan': 0 },
};
// "mantelz" + soort=succes: stakeholders of those 8 lessons.
const SUCCES_NIVEAU = { inwoner: 4, mantelzorger: 6, professional: 5, bestuurder: 1, financier: 1, middenmanager: 0 };
const SUCCES_FIRST = 'Rust en overzicht voor cliënt en mantelzorger';
const LES_SUCCES_BESTUURDER = ['Circa één euro per inwoner, met een veelvoud aan besparing'];
const SCAN_EN_PLAN = { total: 12, first: 'Scan & Plan' }; // the initiative and its 11 lessons

// ------------------------------------------------------------------ tiny static server

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain' };

function serve(dir) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (p.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------ test bookkeeping

const tallied = tally('search e2e');
const test = tallied.test;

// ------------------------------------------------------------------ page helpers

const qs = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of params) p.append(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

async function rendered(page, params) {
  const want = qs(params);
  try {
    await page.waitForFunction((w) => document.getElementById('search').dataset.rendered === w, want, { timeout: 10000 });
  } catch (e) {
    const got = await page.evaluate(() => document.getElementById('search').dataset.rendered);
    throw new Error(`search did not render ${JSON.stringify(want)} (last rendered ${JSON.stringify(got)})`);
  }
}

async function open(page, url, params = []) {
  await page.goto(url + qs(params));
  await page.waitForSelector('#search[data-ready="true"]', { timeout: 10000 });
  await rendered(page, params);
}

const status = (page) => page.textContent('.search-status');
const titles = (page) => page.$$eval('.search-result .card-title a', (as) => as.map((a) => a.textContent));
const searchOf = (page) => page.evaluate(() => (location.search || '') + (location.hash || ''));

/** Facet counts shown for the given values; 0 for a value that is hidden, or for an initiative
 *  that is not listed (the initiative facet lists only its top values and the selected ones). */
async function counts(page, param, slugs) {
  return page.evaluate(([param, slugs]) => {
    const out = {};
    for (const slug of slugs) {
      const input = document.querySelector(`input[name="${param}"][value="${slug}"]`);
      if (!input) { out[slug] = param === 'initiatief' ? 0 : 'missing'; continue; }
      const li = input.closest('li');
      out[slug] = li.hidden ? 0 : Number(li.querySelector('.count').textContent);
    }
    return out;
  }, [param, slugs]);
}

async function clickFacet(page, param, slug) {
  await page.click(`label[for="${await page.getAttribute(`input[name="${param}"][value="${slug}"]`, 'id')}"]`);
}

// ------------------------------------------------------------------ scenarios

async function scenarios(browser, mode, base) {
  const url = mode === 'http' ? `${base}zoeken/` : `${base}zoeken/index.html`;
  const link = (p) => (mode === 'http' ? `${base}${p}` : `${base}${p}index.html`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Script errors and failed loads, except the browser's own favicon probe and axe-core's
  // stylesheet XHRs (blocked on file://; they are axe's, not the page's: the page never loads a
  // stylesheet by XHR). Told apart by what they are, not by when they arrive: their events can
  // come after axe.run has returned.
  const errors = [];
  let axeRunning = false;
  const axeCss = (url) => /\.css(\?|$)/.test(url);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error' || axeRunning) return;
    if (/Failed to load resource/.test(m.text())) return;   // reported with its URL below
    const xhr = /^Access to XMLHttpRequest at '([^']+)'/.exec(m.text());
    if (xhr && axeCss(xhr[1])) return;
    errors.push(m.text());
  });
  // The tab icon the browser fetches by itself is dropped when the page navigates on.
  const favicon = (url) => /\/favicon\.(ico|svg)$/.test(url);
  page.on('requestfailed', (r) => {
    if (axeRunning || (r.resourceType() === 'xhr' && axeCss(r.url())) || favicon(r.url())) return;
    errors.push(`failed: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) errors.push(`${r.status()}: ${r.url()}`);
  });
  const loaded = [];
  page.on('request', (r) => {
    const m = r.url().match(/\/(search\/[^/?#]+\.js)$/);
    if (m) loaded.push(m[1]);
  });
  const t = (name, fn) => test(`[${mode}] ${name}`, fn);

  await t('page starts idle with all facets and no counts', async () => {
    await open(page, url);
    eq(await status(page), '', 'status');
    eq((await titles(page)).length, 0, 'results');
    eq(await page.$$eval('fieldset.facet:not([hidden]) legend', (l) => l.map((x) => x.textContent)),
      ["Thema's", 'Niveaus', 'Financiering', 'Domeinen', 'Soort', 'Fase', 'Onderbouwing', 'Regio', 'Startjaar', 'Initiatief'], 'facet legends');
    eq(await page.$$eval('.facet .count', (c) => c.filter((x) => x.textContent).length), 0, 'counts shown');
    eq(await page.isVisible('.facet-initiatief .facet-hint'), true, 'initiative facet: a hint instead of values');
    eq(await page.$$eval('.facet-initiatief li', (l) => l.length), 0, 'no initiative values before a search');
    eq(loaded, ['search/meta.js'], 'only meta.js loaded at start');
  });

  await t('one word loads its shard, r.js, a.js, one display chunk and one label chunk, and links to the lesson', async () => {
    loaded.length = 0;
    await page.fill('#search-q', 'wijkverpleegkundige');
    await rendered(page, [['q', 'wijkverpleegkundige']]);
    eq(await status(page), '1 resultaat', 'status');
    eq(await titles(page), [WIJK.title], 'titles');
    eq(await page.textContent('.search-result .kind'), WIJK.kind, 'kind');
    eq(await page.textContent('.search-result .search-initiative'), WIJK.initiative, 'initiative');
    eq(loaded.sort(), WIJK_FILES, 'files loaded');
    eq(await page.isVisible('.facet-initiatief .facet-hint'), false, 'no hint once there are counts');
    eq(await counts(page, 'initiatief', ['blauwe-zorg', 'ozoverbindzorg']), { 'blauwe-zorg': 1, ozoverbindzorg: 0 }, 'initiative counts');
    const href = await page.$eval('.search-result a', (a) => a.href);
    eq(href, link(WIJK.path), 'link');
    await page.click('.search-result a');
    await page.waitForURL(link(WIJK.path));
    eq((await page.textContent('h1')).trim(), WIJK.title, 'lesson page h1');
    await page.goBack();
    await page.waitForSelector('#search[data-ready="true"]');
    await rendered(page, [['q', 'wijkverpleegkundige']]);
    eq(await titles(page), [WIJK.title], 'titles after coming back');
    eq(await page.inputValue('#search-q'), 'wijkverpleegkundige', 'input after coming back');
  });

  await t('diacritics fold: coördineren = coordineren = COÖRDINEREN', async () => {
    for (const q of ['coördineren', 'coordineren', 'COÖRDINEREN']) {
      await page.fill('#search-q', q);
      await rendered(page, [['q', q]]);
      eq(await titles(page), [COORD], `titles for ${q}`);
      eq(await status(page), '1 resultaat', `status for ${q}`);
    }
  });

  await t('prefix while typing, highlights, live facet counts', async () => {
    await page.fill('#search-q', '');
    await rendered(page, []);
    const before = await page.evaluate(() => history.length);
    await page.click('#search-q');
    await page.keyboard.type('mantelz', { delay: 30 });
    await rendered(page, [['q', 'mantelz']]);
    eq(await status(page), `${MANTELZ.total} resultaten`, 'status');
    const all = await titles(page);
    eq(all.length, MANTELZ.total, 'result count');
    eq(all.slice(0, 2), MANTELZ.first, 'best two (title matches first)');
    const marks = await page.$$eval('.search-result mark', (m) => [...new Set(m.map((x) => x.textContent.toLowerCase()))].sort());
    eq(marks, ['mantelzorger', 'mantelzorgers'], 'highlighted words');
    eq(await counts(page, 'soort', Object.keys(MANTELZ.soort)), MANTELZ.soort, 'soort counts');
    eq(await counts(page, 'initiatief', Object.keys(MANTELZ.initiatief)), MANTELZ.initiatief, 'initiatief counts');
    eq(await searchOf(page), '?q=mantelz', 'URL');
    ok((await page.evaluate(() => history.length)) - before <= 1, 'typing must not add a history entry per key');
  });

  await t('facets: OR within a facet, AND across facets, disjunctive counts', async () => {
    await clickFacet(page, 'soort', 'succes');
    await rendered(page, [['q', 'mantelz'], ['soort', 'succes']]);
    eq(await status(page), '8 resultaten', 'status with Succes');
    eq((await titles(page))[0], SUCCES_FIRST, 'first with Succes');
    eq(await counts(page, 'niveau', Object.keys(SUCCES_NIVEAU)), SUCCES_NIVEAU, 'niveau counts with Succes');
    eq(await counts(page, 'soort', Object.keys(MANTELZ.soort)), MANTELZ.soort, 'soort counts stay (disjunctive)');
    eq(await searchOf(page), '?q=mantelz&soort=succes', 'URL with Succes');
    await clickFacet(page, 'soort', 'les');
    await rendered(page, [['q', 'mantelz'], ['soort', 'les'], ['soort', 'succes']]);
    eq(await status(page), '10 resultaten', 'status with Les or Succes');
    await clickFacet(page, 'niveau', 'bestuurder');
    await rendered(page, [['q', 'mantelz'], ['niveau', 'bestuurder'], ['soort', 'les'], ['soort', 'succes']]);
    eq(await titles(page), LES_SUCCES_BESTUURDER, 'titles with (Les or Succes) and Bestuurder');
    eq(await status(page), '1 resultaat', 'status with (Les or Succes) and Bestuurder');
    eq(await page.isVisible('.search-clear'), true, 'clear-all button visible');
    eq(await page.textContent('.search-facets-active'), '(3)', 'active filter count');
  });

  await t('back, forward and reload restore the state', async () => {
    await page.goBack();
    await rendered(page, [['q', 'mantelz'], ['soort', 'les'], ['soort', 'succes']]);
    eq(await status(page), '10 resultaten', 'back once');
    eq(await page.isChecked('input[name="niveau"][value="bestuurder"]'), false, 'Bestuurder unchecked');
    await page.goBack();
    await rendered(page, [['q', 'mantelz'], ['soort', 'succes']]);
    eq(await status(page), '8 resultaten', 'back twice');
    await page.goBack();
    await rendered(page, [['q', 'mantelz']]);
    eq(await status(page), '13 resultaten', 'back three times');
    eq(await page.isChecked('input[name="soort"][value="succes"]'), false, 'Succes unchecked');
    await page.goForward();
    await rendered(page, [['q', 'mantelz'], ['soort', 'succes']]);
    eq(await status(page), '8 resultaten', 'forward');
    await page.reload();
    await page.waitForSelector('#search[data-ready="true"]');
    await rendered(page, [['q', 'mantelz'], ['soort', 'succes']]);
    eq(await status(page), '8 resultaten', 'after reload');
    eq(await page.inputValue('#search-q'), 'mantelz', 'input after reload');
    eq(await page.isChecked('input[name="soort"][value="succes"]'), true, 'Succes checked after reload');
    if (mode === 'http') await page.screenshot({ path: path.join(artifacts, 'search-desktop.png'), fullPage: true });
    else await page.screenshot({ path: path.join(artifacts, 'search-file-desktop.png'), fullPage: true });
  });

  await t('clear all filters', async () => {
    await page.click('.search-clear');
    await rendered(page, [['q', 'mantelz']]);
    eq(await status(page), '13 resultaten', 'status');
    eq(await page.isVisible('.search-clear'), false, 'clear button hidden');
  });

  await t('no results: one remove button per active facet', async () => {
    await open(page, url, [['q', 'wijkverpleegkundige'], ['soort', 'les'], ['initiatief', 'ozoverbindzorg']]);
    eq(await status(page), '0 resultaten', 'status');
    eq(await page.isVisible('.search-none'), true, 'no-results box');
    ok((await page.textContent('.search-none')).includes('Geen resultaten gevonden.'), 'no-results text');
    const buttons = await page.$$eval('.search-remove-facet', (b) => b.map((x) => x.textContent));
    eq(buttons, ['Soort: Inzicht×', 'Initiatief: OZOverbindzorg×'], 'remove buttons');
    eq(await page.isVisible('.search-show'), false, 'no show-results button on a wide screen');
    if (mode === 'http') await page.screenshot({ path: path.join(artifacts, 'search-no-results.png'), fullPage: false });
    await page.click('.search-remove-facet >> nth=1');
    await rendered(page, [['q', 'wijkverpleegkundige'], ['soort', 'les']]);
    eq(await status(page), '0 resultaten', 'still none with Les');
    await page.click('.search-remove-facet');
    await rendered(page, [['q', 'wijkverpleegkundige']]);
    eq(await titles(page), [WIJK.title], 'titles after removing both');
    eq(await page.isVisible('.search-none'), false, 'no-results box gone');
    await page.fill('#search-q', 'xyzzy');
    await rendered(page, [['q', 'xyzzy']]);
    eq(await status(page), '0 resultaten', 'unknown word');
    eq(await page.$$eval('.search-remove-facet', (b) => b.length), 0, 'no remove buttons without facets');
  });

  await t('a facet alone lists everything that has it', async () => {
    await open(page, url, [['initiatief', 'scan-en-plan']]);
    eq(await status(page), `${SCAN_EN_PLAN.total} resultaten`, 'status');
    eq((await titles(page))[0], SCAN_EN_PLAN.first, 'first');
    eq(await page.isChecked('input[name="initiatief"][value="scan-en-plan"]'), true, 'checked');
  });

  await t('keyboard: submit, skip link, Tab to a result link, Space on a facet', async () => {
    await open(page, url);
    await page.focus('#search-q');
    await page.keyboard.type('wijkverpleegkundige');
    await page.keyboard.press('Enter');
    await rendered(page, [['q', 'wijkverpleegkundige']]);
    await page.keyboard.press('Tab');
    eq(await page.evaluate(() => document.activeElement.textContent), 'Zoeken', 'Tab 1: search button');
    await page.keyboard.press('Tab');
    eq(await page.evaluate(() => document.activeElement.className), 'search-skip', 'Tab 2: skip link');
    ok(await page.isVisible('.search-skip'), 'skip link visible when focused');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    eq(await page.evaluate(() => document.activeElement.closest('.search-result') && document.activeElement.textContent),
      WIJK.title, 'Tab 3: first result link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    ok(outline !== 'none', 'focused link shows an outline');
    eq(await searchOf(page), '?q=wijkverpleegkundige', 'URL unchanged by the skip link');
    await page.focus('input[name="soort"][value="tip"]');
    await page.keyboard.press('Space');
    await rendered(page, [['q', 'wijkverpleegkundige'], ['soort', 'tip']]);
    eq(await titles(page), [WIJK.title], 'Space toggles a facet');
    await page.keyboard.press('Space');
    await rendered(page, [['q', 'wijkverpleegkundige']]);
  });

  await t('no accessibility violations (axe-core, WCAG 2.1 A/AA)', async () => {
    await open(page, url, [['q', 'mantelz'], ['soort', 'succes']]);
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    for (const state of ['results', 'no results']) {
      if (state === 'no results') {
        await page.fill('#search-q', 'xyzzy');
        await rendered(page, [['q', 'xyzzy'], ['soort', 'succes']]);
      }
      axeRunning = true;
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      })).finally(() => { axeRunning = false; });
      const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      eq(v, [], `axe violations with ${state}`);
    }
  });

  if (mode === 'http') {
    await t('data stays text: a title with </script> and <img onerror> is shown literally', async () => {
      const evil = '</script><img src=x onerror="window.__pwned=1"><b>x</b> ';
      const chunk = chunkFileFor(WIJK.title);
      await page.route('**/' + chunk, async (route) => {
        const body = fs.readFileSync(path.join(site, chunk), 'utf8');
        const json = (s) => JSON.stringify(s).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
        const patched = body.replace(`"t":${JSON.stringify(WIJK.title)}`, `"t":"${json(evil + WIJK.title)}"`);
        ok(patched !== body, 'fixture title found in ' + chunk);
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: patched });
      });
      await open(page, url, [['q', 'wijkverpleegkundige']]);
      eq(await titles(page), [evil + WIJK.title], 'title text');
      eq(await page.$$eval('#search img, #search b', (x) => x.length), 0, 'no elements from data');
      eq(await page.evaluate(() => window.__pwned), undefined, 'onerror never ran');
      await page.unroute('**/' + chunk);
    });

    await t('phone layout: filters folded, results readable', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const p = await phone.newPage();
      await open(p, url, [['q', 'mantelzorg']]);
      eq(await p.evaluate(() => document.querySelector('.search-facets').open), false, 'filters folded');
      eq(await p.textContent('.search-status'), '13 resultaten', 'status');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      eq(overflow, 0, 'no horizontal scrolling');
      await p.screenshot({ path: path.join(artifacts, 'search-phone.png'), fullPage: false });
      await p.click('.search-facets summary');
      await p.screenshot({ path: path.join(artifacts, 'search-phone-filters.png'), fullPage: false });
      // Ticking a filter offers to show the results, which are otherwise far below.
      await clickFacet(p, 'soort', 'succes');
      await rendered(p, [['q', 'mantelzorg'], ['soort', 'succes']]);
      const n = (await p.textContent('.search-status')).split(' ')[0];
      ok(await p.isVisible('.search-show'), 'show-results button visible on a phone');
      eq(await p.textContent('.search-show'), `Toon ${n} resultaten`, 'show-results button text');
      await p.click('.search-show');
      eq(await p.evaluate(() => document.querySelector('.search-facets').open), false, 'filters folded again');
      eq(await p.evaluate(() => document.activeElement.id), 'search-results', 'focus on the results');
      const top = await p.evaluate(() => document.querySelector('.search-main').getBoundingClientRect().top);
      ok(top >= -1 && top < 100, `results at the top of the screen (${top})`);
      await phone.close();
    });
  }

  await t('more results: 20 at a time, focus moves to the first new one, nothing loads twice', async () => {
    const all = [['soort', 'les'], ['soort', 'succes'], ['soort', 'knelpunt'], ['soort', 'tip'], ['soort', 'initiatief']];
    await open(page, url, all);
    eq(await status(page), '74 resultaten', 'every document');
    eq((await titles(page)).length, 20, 'first page');
    for (const n of [40, 60, 74]) {
      ok(await page.isVisible('.search-more'), `more button visible before ${n}`);
      loaded.length = 0;
      await page.click('.search-more');
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, n);
      eq(await page.evaluate(() => [...document.querySelectorAll('.search-result a')].indexOf(document.activeElement)), n - (n === 74 ? 14 : 20),
        `focus on the first new result (${n})`);
      ok(loaded.every((f) => /^search\/d-\d+\.js$/.test(f)), `only display chunks loaded for more: ${loaded}`);
      eq(new Set(loaded).size, loaded.length, 'each once');
    }
    eq(await page.isVisible('.search-more'), false, 'more button hidden');
  });

  if (mode === 'file') {
    await t('history refused: state kept in the hash', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript(() => {
        const refuse = () => { throw new DOMException('refused by the test', 'SecurityError'); };
        history.pushState = refuse;
        history.replaceState = refuse;
      });
      const p = await ctx.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      await open(p, url);
      const where = () => p.evaluate(() => [location.search, location.hash]);
      await p.fill('#search-q', 'mantelz');
      await rendered(p, [['q', 'mantelz']]);
      eq(await where(), ['', '#q=mantelz'], 'typed');
      await clickFacet(p, 'soort', 'succes');
      await rendered(p, [['q', 'mantelz'], ['soort', 'succes']]);
      eq(await where(), ['', '#q=mantelz&soort=succes'], 'facet');
      eq(await p.textContent('.search-status'), '8 resultaten', 'facet status');
      await p.goBack();
      await rendered(p, [['q', 'mantelz']]);
      eq(await p.textContent('.search-status'), '13 resultaten', 'back');
      await p.reload();
      await p.waitForSelector('#search[data-ready="true"]');
      await rendered(p, [['q', 'mantelz']]);
      eq(await p.textContent('.search-status'), '13 resultaten', 'reload');
      await p.fill('#search-q', '');
      await rendered(p, []);
      eq(await where(), ['', '#q='], 'emptied');
      await p.reload();
      await p.waitForSelector('#search[data-ready="true"]');
      await rendered(p, []);
      eq(await p.inputValue('#search-q'), '', 'still empty after reload');
      await ctx.close();
    });
  }

  await t('no script errors', async () => {
    eq(errors, [], 'page errors');
  });
  await context.close();
}

// ------------------------------------------------------------------ run

const server = await serve(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  await scenarios(browser, 'http', `http://127.0.0.1:${server.address().port}/`);
  await scenarios(browser, 'file', pathToFileURL(portable).href + '/');
} finally {
  await browser.close();
  server.close();
}
tallied.finish();
