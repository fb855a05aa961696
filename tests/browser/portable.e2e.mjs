// A portable build (`leernet build --portable`) used the way people use a folder: opened from
// file:// and from a sub-folder of some web server, then navigated by clicking only.
//
//   node tests/browser/portable.e2e.mjs <portable-build>
//
// 1. file://<build>/index.html, then by clicks: an initiative, one of its lessons, a theme page
//    (term link), the comparison matrix (nav "Vergelijken"), a matrix cell (term page at an
//    initiative's anchor), the search page (nav "Zoeken"), a Dutch word typed into its form, the
//    first result.
// 2. The PARENT folder of <build> served over HTTP, /<build-name>/index.html opened, then by
//    clicks: an initiative, "Vergelijken", the home page (brand link), the home search form, the
//    first result.
// On every page: style.css loaded and applied, no failed request, no HTTP error, no console or
// script error, and the page is the one the click promised (URL and <h1>).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DESKTOP, PHONE, assertStyled, eq, launch, ok, requireSetup, requireSites, serve, tally, watch } from './harness.mjs';

const [dirArg] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: node tests/browser/portable.e2e.mjs <portable-build>');
  process.exit(2);
}
requireSetup();
const dir = path.resolve(dirArg);
requireSites(dir);

const INITIATIVE = 'Proeftuin Ruwaard';
const QUERY = 'mantelzorg';        // typed on the search page (file://)
const HOME_QUERY = 'wijkbudget';  // typed into the home page form (HTTP)

const T = tally('portable e2e');
const browser = await launch();
const server = await serve(path.dirname(dir));
const visited = [];

/** Clicks `locator`, waits for the page it leads to, checks that page; returns its URL. */
async function follow(page, w, locator, { url, h1, what }) {
  ok(await locator.count() > 0, `${what}: nothing to click (${locator})`);
  const before = page.url();
  await Promise.all([page.waitForEvent('load'), locator.first().click()]);
  const now = page.url();
  ok(now !== before, `${what}: the click did not navigate (still ${now})`);
  await checkPage(page, w, { url, h1, what });
  return now;
}

async function checkPage(page, w, { url, h1, what }) {
  const now = page.url();
  if (url) ok(url.test(now), `${what}: landed on ${now}, want ${url}`);
  // a portable build never links to a folder: every page is an index.html (or 404.html)
  ok(/\/index\.html(\?[^#]*)?(#.*)?$/.test(now), `${what}: URL is not a file: ${now}`);
  if (h1) {
    const got = (await page.textContent('h1')).trim();
    ok(h1 instanceof RegExp ? h1.test(got) : got === h1, `${what}: <h1> is "${got}", want ${h1}`);
  }
  // a page's own images must have loaded, too
  const broken = await page.evaluate(() => [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
  eq(broken, [], `${what}: images that did not load`);
  w.assertClean(what);
  await assertStyled(page).catch((e) => { throw new Error(`${what}: ${e.message}`); });
  visited.push(`${what}: ${decodeURI(now)}`);
}

async function searchResults(page, q) {
  await page.waitForSelector('#search[data-ready="true"]', { timeout: 10000 });
  await page.waitForFunction((w) => (document.getElementById('search').dataset.rendered || '').includes(`q=${w}`), q, { timeout: 10000 });
  const n = await page.locator('.search-result').count();
  ok(n > 0, `no results for "${q}"`);
  return n;
}

try {
  for (const [wname, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await T.test(`[file ${wname}] home → initiative → lesson → theme → matrix → cell → search → result, by clicking`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const w = watch(page);
      const home = pathToFileURL(path.join(dir, 'index.html')).href;
      await page.goto(home); // the only goto
      await checkPage(page, w, { url: /\/index\.html$/, what: 'home' });

      await follow(page, w, page.locator('main .card-title a', { hasText: INITIATIVE }),
        { url: /\/initiatieven\/proeftuin-ruwaard\/index\.html$/, h1: INITIATIVE, what: 'initiative' });
      ok(await page.locator('.outcome-chart svg').count() === 1, 'initiative: outcomes chart shown');

      const lessonLink = page.locator('main section .cards .card-title a').first();
      const lessonTitle = (await lessonLink.textContent()).trim();
      await follow(page, w, lessonLink, { url: /\/lessen\/[^/]+\/index\.html$/, h1: lessonTitle, what: 'lesson' });
      const from = await page.textContent('.from a');
      eq(from, INITIATIVE, 'lesson: initiative named');

      const termLink = page.locator('.terms a.tag-themes').first();
      const termLabel = (await termLink.textContent()).trim();
      await follow(page, w, termLink, { url: /\/thema\/[^/]+\/index\.html$/, h1: termLabel, what: 'theme page' });
      ok(await page.locator('main .card-title a', { hasText: lessonTitle }).count() > 0, 'theme page lists the lesson we came from');

      if (wname === 'phone') {
        // the nav wraps on a phone but every item stays reachable
        ok(await page.locator('header nav a', { hasText: 'Vergelijken' }).isVisible(), 'nav link visible on a phone');
      }
      await follow(page, w, page.locator('header nav a', { hasText: 'Vergelijken' }),
        { url: /\/vergelijk\/index\.html$/, h1: 'Vergelijken', what: 'matrix' });
      eq(await page.locator('table.matrix').count(), 2, 'matrix: two tables');

      const cell = page.locator('table.matrix tbody td a').first();
      const cellUrl = await follow(page, w, cell, { url: /\/(thema|niveau)\/[^/]+\/index\.html#i-[a-z0-9-]+$/, what: 'matrix cell' });
      const anchor = decodeURIComponent(new URL(cellUrl).hash.slice(1));
      ok(await page.locator(`[id="${anchor}"]`).count() === 1, `matrix cell: #${anchor} exists on the term page`);

      await follow(page, w, page.locator('header nav a', { hasText: 'Zoeken' }),
        { url: /\/zoeken\/index\.html$/, h1: 'Zoeken', what: 'search page' });
      await page.click('#search-q');
      await page.keyboard.type(QUERY, { delay: 20 });
      await page.keyboard.press('Enter');
      await searchResults(page, QUERY);
      const first = page.locator('.search-result .card-title a').first();
      const title = (await first.textContent()).trim();
      await follow(page, w, first, { url: /\/(lessen|initiatieven)\/[^/]+\/index\.html$/, h1: title, what: 'search result' });
      await context.close();
    });
  }

  await T.test(`[http /${path.basename(dir)}/] home → initiative → matrix → home → home search form → result, by clicking`, async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const w = watch(page);
    const sub = encodeURIComponent(path.basename(dir));
    await page.goto(`${server.base}${sub}/index.html`); // the only goto
    await checkPage(page, w, { url: new RegExp(`/${sub}/index\\.html$`), what: 'home (http)' });
    await follow(page, w, page.locator('main .card-title a', { hasText: INITIATIVE }),
      { url: new RegExp(`/${sub}/initiatieven/proeftuin-ruwaard/index\\.html$`), h1: INITIATIVE, what: 'initiative (http)' });
    await follow(page, w, page.locator('header nav a', { hasText: 'Vergelijken' }),
      { url: new RegExp(`/${sub}/vergelijk/index\\.html$`), h1: 'Vergelijken', what: 'matrix (http)' });
    await follow(page, w, page.locator('header a.brand'), { url: new RegExp(`/${sub}/index\\.html$`), what: 'home again (http)' });
    await page.fill('#home-q', HOME_QUERY);
    await Promise.all([page.waitForEvent('load'), page.click('.hero .search-form button')]);
    await checkPage(page, w, { url: new RegExp(`/${sub}/zoeken/index\\.html\\?q=${HOME_QUERY}$`), h1: 'Zoeken', what: 'search page (http)' });
    await searchResults(page, HOME_QUERY);
    eq(await page.inputValue('#search-q'), HOME_QUERY, 'query carried over from the home form');
    const first = page.locator('.search-result .card-title a').first();
    const title = (await first.textContent()).trim();
    await follow(page, w, first, { url: new RegExp(`/${sub}/(lessen|initiatieven)/[^/]+/index\\.html$`), h1: title, what: 'search result (http)' });
    await context.close();
  });
} finally {
  await browser.close();
  server.close();
}
console.log(`visited ${visited.length} pages by clicking:\n  ${visited.join('\n  ')}`);
T.finish();
