// Choose and compare, in Chromium, over HTTP and from file:// (a --portable build):
//
//   node tests/browser/compare.e2e.mjs <built-site> <portable-site>
//
// On the initiative list: tick initiatives, press "Vergelijk gekozen initiatieven"; the
// comparison view loads only the chosen initiatives' data scripts (vergelijk/i/<slug>.js) and
// shows them in columns, "onbekend" where a value is missing; its link reproduces it; printed, it
// is an A4 landscape handout of the table alone; axe-core finds no violations. The initiatives are
// narrowed with the search page's facets, the initiative facets (phase, region) included, and
// the URL reproduces that filter.
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

  await T.test(`[${mode}] filter the initiatives by phase and region (initiative facets) → reload → choose → compare`, async () => {
    const search = listUrl.replace(/initiatieven\/(index\.html)?$/, 'zoeken/$1');
    const rendered = (want) => page.waitForFunction((w) => document.getElementById('search').dataset.rendered === w, want);
    const results = () => page.$$eval('.search-result input[name="i"]', (x) => x.map((i) => i.value).sort());
    const facet = (param) => page.$$eval(`.facet-${param} li:not([hidden])`, (li) => li.map((x) => x.textContent.replace(/\s+/g, ' ').trim()));
    await page.goto(search + '?soort=initiatief');
    await page.waitForSelector('#search[data-ready="true"]');
    await rendered('?soort=initiatief');
    eq(await facet('fase'), ['Pilot 2', 'Opschaling 3'], 'phases with their counts; phases no initiative is in are not offered');
    eq(await facet('gestart'), ['2009 1', 'Niet beschreven 4'], 'start years, and "Niet beschreven" for the others');
    eq(await page.$$eval('.facet legend', (l) => l.map((x) => x.textContent)).then((l) => l.slice(5, 9)),
      ['Fase', 'Onderbouwing', 'Regio', 'Startjaar'], 'Dutch facet names');
    await page.click('label[for="f-fase-1"]');
    await rendered('?soort=initiatief&fase=opschaling');
    eq(await results(), ['bot-in-balans', 'ozoverbindzorg', 'scan-en-plan'], 'initiatives in opschaling');
    eq(await facet('regio'), ['Landelijk 2', 'Overijssel en Gelderland (ontstaan in Luttenberg) 1'], 'regions within opschaling');
    await page.click('label[for="f-regio-0"]');
    await rendered('?soort=initiatief&fase=opschaling&regio=landelijk');
    eq(await results(), ['bot-in-balans', 'scan-en-plan'], 'and national');
    ok(/fase=opschaling&regio=landelijk/.test(decodeURIComponent(page.url())), `state in the URL: ${page.url()}`);
    // The URL reproduces the filter.
    await page.reload();
    await page.waitForSelector('#search[data-ready="true"]');
    await rendered('?soort=initiatief&fase=opschaling&regio=landelijk');
    eq(await results(), ['bot-in-balans', 'scan-en-plan'], 'the same results after a reload');
    eq(await page.$$eval('.search-facets input:checked', (x) => x.map((i) => `${i.name}=${i.value}`)),
      ['soort=initiatief', 'fase=opschaling', 'regio=landelijk'], 'the same filters ticked after a reload');
    await page.check('#pick-scan-en-plan');
    await page.check('#pick-bot-in-balans');
    await Promise.all([page.waitForNavigation(), page.click('#compare-form button')]);
    await page.waitForSelector('#compare[data-ready="true"]', { timeout: 10000 });
    eq(await page.$$eval('.compare-table thead th a', (t) => t.map((x) => /initiatieven\/([^/]+)\//.exec(x.href)[1])),
      ['bot-in-balans', 'scan-en-plan'], 'the two chosen (in the order of the list)');
    const row = await page.$$eval('.compare-table tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    eq(row.find((r) => r[0] === 'Fase').slice(1), ['Opschaling', 'Opschaling'], 'their phase');
    eq(row.find((r) => r[0] === 'Regio').slice(1), ['Landelijk', 'Landelijk'], 'their region');
    w.assertClean('initiative facets → compare');
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
    await T.test(`[axe ${name}] comparison view, initiative list with checkboxes, initiatives filtered by the initiative facets`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const url of ['vergelijk/?i=ozoverbindzorg,proeftuin-ruwaard,bot-in-balans', 'vergelijk/', 'initiatieven/', 'thema/mensgericht/',
        'zoeken/?soort=initiatief&fase=opschaling&regio=landelijk']) {
        await page.goto(server.base + url);
        if (url.startsWith('zoeken/')) await page.waitForSelector('#search[data-rendered]', { timeout: 10000, state: 'attached' });
        else await page.waitForSelector('#compare[data-ready="true"], #compare-form', { timeout: 10000 });
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
