// Choose and compare, in Chromium, over HTTP and from file:// (a --portable build):
//
//   node tests/browser/compare.e2e.mjs <built-site> <portable-site>
//
// On the initiative list: tick initiatives, press "Vergelijk gekozen initiatieven"; the
// comparison view loads only the chosen initiatives' data scripts (vergelijk/i/<slug>.js) and
// shows them in columns, "onbekend" where a value is missing; its link reproduces it; printed, it
// is an A4 landscape handout of the table alone; axe-core finds no violations.
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { DESKTOP, PHONE, eq, launch, ok, overflow, requireSetup, requireSites, serve, tally, watch } from './harness.mjs';

const [siteArg, portableArg] = process.argv.slice(2);
requireSetup();
const site = path.resolve(siteArg);
const portable = path.resolve(portableArg);
requireSites(site, portable);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PICK = ['ozoverbindzorg', 'proeftuin-ruwaard'];

const T = tally('compare e2e');
const browser = await launch();
const server = await serve(site);

async function flow(mode, listUrl) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const w = watch(page);
  const loaded = [];
  page.on('request', (r) => { const m = /vergelijk\/i\/([^/]+)\.js$/.exec(r.url()); if (m) loaded.push(m[1]); });

  await T.test(`[${mode}] filter → choose → compare`, async () => {
    await page.goto(listUrl);
    for (const slug of PICK) await page.check(`#pick-${slug}`);
    await Promise.all([page.waitForNavigation(), page.click('#compare-form button[type="submit"]')]);
    ok(/vergelijk\/(index\.html)?\?i=ozoverbindzorg&i=proeftuin-ruwaard$/.test(page.url()), `URL state: ${page.url()}`);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    const heads = await page.$$eval('.compare-table thead th', (t) => t.map((x) => x.textContent.trim()));
    eq(heads, ['Initiatief', 'OZOverbindzorg', 'Proeftuin Ruwaard'], 'columns');
    const rows = await page.$$eval('.compare-table tbody th', (t) => t.map((x) => x.textContent));
    eq(rows, ['Regio', 'Gestart', 'Fase', 'Onderbouwing', 'Financiering', 'Domeinen', "Thema's", 'Niveaus', 'Kerncijfers',
      'Gemeten resultaten', 'Lessen per soort', 'Contact'], 'rows');
    const cell = (row, col) => page.$eval(`.compare-table tbody tr:nth-child(${row}) td:nth-child(${col + 1})`, (x) => x.textContent.trim());
    eq(await cell(1, 2), 'Oss (wijk Ruwaard)', 'region');
    eq(await cell(2, 2), 'onbekend', 'a missing start is "onbekend"');
    eq(await cell(10, 1), 'onbekend', 'no outcomes: "onbekend"');
    ok((await cell(10, 2)).includes('voor 3,5 → na 8,5 cijfer 1-10'), `outcome before → after with unit: ${await cell(10, 2)}`);
    ok((await cell(11, 2)).includes('Successen: 6'), `lessons per kind: ${await cell(11, 2)}`);
    eq([...loaded].sort(), PICK, 'only the chosen initiatives\' data is loaded');
    w.assertClean('compare');
  });

  await T.test(`[${mode}] filter the initiatives (search facets, state in the URL) → choose → compare`, async () => {
    const search = listUrl.replace(/initiatieven\/(index\.html)?$/, 'zoeken/$1');
    await page.goto(listUrl);
    await Promise.all([page.waitForNavigation(), page.click('a[href*="soort=initiatief"]')]);
    await page.goto(search + '?soort=initiatief&thema=mantelzorg');
    await page.waitForSelector('#search[data-ready="true"]');
    await page.waitForFunction(() => document.getElementById('search').dataset.rendered === '?thema=mantelzorg&soort=initiatief');
    eq(await page.isVisible('#compare-form'), false, 'no compare button before a choice');
    const slugs = await page.$$eval('.search-result input[name="i"]', (x) => x.map((i) => i.value));
    ok(slugs.includes('ozoverbindzorg'), `mantelzorg initiatives: ${slugs}`);
    await page.check('#pick-ozoverbindzorg');
    // Narrowing further keeps the choice, also when it is no longer among the results.
    await page.click(`label[for="${await page.getAttribute('input[name="thema"][value="digitale-samenwerking"]', 'id')}"]`);
    await page.waitForFunction(() => /digitale-samenwerking/.test(document.getElementById('search').dataset.rendered || ''));
    ok(await page.isVisible('#compare-form'), 'compare button shown once something is chosen');
    await Promise.all([page.waitForNavigation(), page.click('#compare-form button')]);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    eq(await page.$$eval('.compare-table thead th a', (t) => t.map((x) => x.textContent)), ['OZOverbindzorg'], 'the chosen initiative');
    w.assertClean('search → compare');
  });

  await T.test(`[${mode}] choose on a theme page`, async () => {
    await page.goto(listUrl.replace(/initiatieven\/(index\.html)?$/, 'thema/mensgericht/$1'));
    await page.check('#pick-ozoverbindzorg');
    await page.check('#pick-proeftuin-ruwaard');
    await Promise.all([page.waitForNavigation(), page.click('#compare-form button')]);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    eq(await page.$$eval('.compare-table thead th a', (t) => t.map((x) => x.textContent)), ['OZOverbindzorg', 'Proeftuin Ruwaard'], 'chosen on the theme page');
    w.assertClean('theme page → compare');
  });

  await T.test(`[${mode}] the link reproduces the comparison`, async () => {
    await page.goto(listUrl);
    for (const slug of PICK) await page.check(`#pick-${slug}`);
    await Promise.all([page.waitForNavigation(), page.click('#compare-form button[type="submit"]')]);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    const link = await page.$eval('.compare-link', (a) => a.href);
    ok(/\?i=ozoverbindzorg,proeftuin-ruwaard$/.test(link), `link: ${link}`);
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    eq(await page.$$eval('.compare-table thead th a', (t) => t.map((x) => x.textContent)), ['OZOverbindzorg', 'Proeftuin Ruwaard'], 'columns again');
    // A name that is no initiative is said so, the others still show.
    await page.goto(link.replace('proeftuin-ruwaard', 'bestaat-niet'));
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    ok((await page.textContent('.compare-table')).includes('Dit initiatief bestaat niet (meer).'), 'unknown initiative');
    const heads = await page.$$eval('.compare-table thead th a', (t) => t.map((x) => x.textContent));
    eq(heads, ['OZOverbindzorg'], 'the known one still shows');
    // The initiative links work from here (file:// needs index.html).
    await Promise.all([page.waitForNavigation(), page.click('.compare-table thead th a')]);
    eq(await page.textContent('h1'), 'OZOverbindzorg', 'initiative page opened from the comparison');
    w.problems.splice(0); // the unknown initiative's script is missing on purpose
  });

  await T.test(`[${mode}] printed: the table alone, on A4 landscape`, async () => {
    await page.goto(listUrl.replace(/initiatieven\/(index\.html)?$/, 'vergelijk/$1') + '?i=ozoverbindzorg,proeftuin-ruwaard,bot-in-balans');
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['header nav', '.site-footer', 'h1', '.compare-actions', '.matrix-title', 'table.matrix']
      .filter((s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0)));
    eq(hidden, [], 'shown in print (want hidden)');
    ok(await page.isVisible('.compare-table'), 'the comparison is printed');
    // The PDF Chromium prints has A4 landscape pages (842 × 595 points).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    ok(box && Math.round(box[1]) === 842 && Math.round(box[2]) === 595, `printed page size: ${box && box.slice(1)}`);
    // A4 landscape at 96 dpi minus the 12 mm margins: 1032 px.
    await page.setViewportSize({ width: 1032, height: 700 });
    const o = await overflow(page);
    eq(o.over, 0, `wider than A4 landscape by ${o.over}px (${o.culprits.join(', ')})`);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
  });
  await context.close();
}

try {
  await flow('http', server.base + 'initiatieven/');
  await flow('file', pathToFileURL(path.join(portable, 'initiatieven', 'index.html')).href);

  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await T.test(`[axe ${name}] comparison view and initiative list with checkboxes`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const url of ['vergelijk/?i=ozoverbindzorg,proeftuin-ruwaard,bot-in-balans', 'vergelijk/', 'initiatieven/', 'thema/mensgericht/']) {
        await page.goto(server.base + url);
        await page.waitForSelector('#compare[data-ready="true"], #compare-form', { timeout: 10000 });
        await page.addScriptTag({ path: AXE });
        const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        eq(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${url}: axe violations`);
        const o = await overflow(page);
        eq(o.over, 0, `${url}: page scrolls sideways by ${o.over}px`);
      }
      await context.close();
    });
  }
} finally {
  await browser.close();
  server.close();
}
T.finish();
