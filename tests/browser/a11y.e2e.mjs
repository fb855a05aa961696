// Accessibility of every page template in headless Chromium: axe-core (WCAG 2.0/2.1 A and AA)
// at desktop (1280) and phone (390) widths, keyboard basics (skip link, visible focus), no
// sideways scrolling, the <html lang> of the build, Dutch content marked lang="nl" in an English
// build, and, in that English build, no Dutch interface strings.
//
//   node tests/browser/a11y.e2e.mjs <dutch-build> <english-build>
//
// Both are normal builds (links from "/"), each served by a tiny HTTP server on 127.0.0.1; the
// English one is the repo's content built with `language = "en"` in its config.toml.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DESKTOP, PHONE, assertStyled, eq, launch, ok, overflow, requireSetup, requireSites, serve, tally, watch } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const [nlArg, enArg] = process.argv.slice(2);
if (!nlArg || !enArg) {
  console.error('usage: node tests/browser/a11y.e2e.mjs <dutch-build> <english-build>');
  process.exit(2);
}
requireSetup();
const builds = [['nl', path.resolve(nlArg)], ['en', path.resolve(enArg)]];
requireSites(...builds.map((b) => b[1]));

// One page per template; URLs are the same in both languages (slugs stay Dutch).
const PAGES = [
  ['home', ''],
  ['initiative list', 'initiatieven/'],
  ['initiative (outcomes chart)', 'initiatieven/proeftuin-ruwaard/'],
  ['lesson list', 'lessen/'],
  // only in a build with more than 100 lessons (browser_pages.rs adds some to the English one)
  ['lesson list, page 2 (pagination)', 'lessen/pagina/2/', { ifBuilt: 'lessen/pagina/2/index.html' }],
  ['lesson (table)', 'lessen/welbevinden-stijgt-van-35-naar-85/'],
  ['taxonomy overview', 'thema/'],
  ['term page', 'thema/mantelzorg/'],
  ['matrix', 'vergelijk/'],
  // only above 50 initiatives (browser_pages.rs adds some to the English build)
  ['matrix of one theme', 'vergelijk/thema/wijkgericht/', { ifBuilt: 'vergelijk/thema/wijkgericht/index.html' }],
  ['glossary', 'begrippen/'],
  ['page of the site itself (pages/)', 'over/toegankelijkheid/'],
  ['search (query and facet)', 'zoeken/?q=mantelz&soort=succes', { search: true, noContent: true }],
  ['404', 'geen/pagina/die/bestaat/', { status: 404, noContent: true }],
];
const WIDTHS = [['desktop', DESKTOP], ['phone', PHONE]];
// At 1280 px the initiative page's last column ends past two thirds of the width plus this.
const DESKTOP_RIGHT = 1000;

// Dutch interface strings that must not appear in an English build's interface (nav, headings
// outside the content, labels, captions, table headers, buttons, facets, breadcrumbs, footer).
// Matched as whole words, case-sensitively.
const DUTCH = ['Initiatieven', 'Lessen', 'Vergelijken', 'Begrippen', 'Zoeken', "Thema's", 'Niveaus', 'Financiering',
  'Domeinen', 'Kerncijfers', 'Gemeten resultaten', 'Kenmerken', 'Verwante lessen', 'Nieuwste lessen', 'Naar de inhoud',
  'Hoofdmenu', 'Kruimelpad', 'Regio', 'Fase', 'Onderbouwing', 'Soort', 'Gestart', 'Toegevoegd', 'Bron', 'Maat', 'Voor',
  'Na', 'Eenheid', 'Succes', 'Knelpunt', 'Knelpunten', 'Mislukking', 'Mantelzorg', 'Mantelzorger', 'Wijkgericht werken',
  'Pagina niet gevonden', 'Zoekterm', 'Initiatief', 'Verken', 'Alle lessen', 'resultaten', 'resultaat', 'lessen', 'initiatieven'];

// Text of the interface parts of a page (not Markdown bodies, titles or summaries of content).
function interfaceText() {
  const pick = [
    'header', '.skip', 'footer', '.crumbs', 'main h1', 'main h2', 'main h3:not(.card-title)', 'label', 'button',
    'caption', 'thead th', '.terms dt', '.facts dt', '.kind', '.counts', 'legend', 'summary', '.search-status',
    '.term-list .muted', 'main > p:not(.lead)',
  ];
  const skip = '.prose, .card-title, .glossary, .search-results, .matrix tbody, .comparison tbody';
  const out = [];
  for (const el of document.querySelectorAll(pick.join(','))) {
    if (el.closest(skip) || el.closest('body [lang]:not([lang="en"])')) continue; // content, marked as Dutch
    // headings that are content titles: the h1 of an initiative or lesson page
    if (el.matches('main h1') && el.closest('article')) continue;
    // "Lessons from <initiative title>" headings on term pages: keep the interface part only
    const clone = el.cloneNode(true);
    for (const a of clone.querySelectorAll('h3[id^="i-"] a')) a.remove();
    if (el.matches('h3[id^="i-"]')) clone.querySelector('a')?.remove();
    out.push(clone.textContent.replace(/\s+/g, ' ').trim());
  }
  for (const el of document.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label'));
  out.push(document.title.split(' · ').length > 1 ? document.title.split(' · ')[0] : '');
  return out.filter(Boolean);
}

function dutchIn(texts) {
  const found = [];
  for (const word of DUTCH) {
    const re = new RegExp(`(^|[^\\p{L}'])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}'])`, 'u');
    for (const t of texts) if (re.test(t)) found.push(`"${word}" in "${t.slice(0, 80)}"`);
  }
  return found;
}

const T = tally('a11y e2e');
const browser = await launch();
let axeRuns = 0;
let violationsTotal = 0;
const servers = [];

try {
  for (const [lang, dir] of builds) {
    const server = await serve(dir, { notFound: path.join(dir, '404.html') });
    servers.push(server);
    for (const [wname, viewport] of WIDTHS) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const w = watch(page);
      for (const [name, rel, opts = {}] of PAGES) {
        const where = `[${lang} ${wname}] ${name}`;
        if (opts.ifBuilt && !fs.existsSync(path.join(dir, opts.ifBuilt))) {
          console.log(`--   ${where}: not in this build (no ${opts.ifBuilt})`);
          continue;
        }
        await T.test(where, async () => {
          w.expect404 = opts.status === 404 ? server.base + rel : null;
          const res = await page.goto(server.base + rel);
          eq(res.status(), opts.status || 200, 'HTTP status');
          if (opts.search) {
            await page.waitForSelector('#search[data-ready="true"]', { timeout: 10000 });
            await page.waitForFunction(() => document.getElementById('search').dataset.rendered === '?q=mantelz&soort=succes', null, { timeout: 10000 });
            ok(await page.isChecked('input[name="soort"][value="succes"]'), 'facet soort=succes is selected');
            ok((await page.$$('.search-result')).length > 0, 'the query has results');
          }
          eq(await page.getAttribute('html', 'lang'), lang, '<html lang>');
          // language of parts: the content is Dutch; in the English build it says so (WCAG 3.1.2),
          // in the Dutch build no element repeats lang="nl"
          const parts = await page.evaluate(() => [...document.querySelectorAll('body [lang]')].map((e) => e.getAttribute('lang')));
          if (lang === 'en' && !opts.noContent) ok(parts.includes('nl'), 'no content element is marked lang="nl" in the English build');
          if (lang === 'nl') ok(!parts.includes('nl'), `redundant lang="nl" inside a Dutch page (${parts.filter((l) => l === 'nl').length}×)`);
          await assertStyled(page);

          // keyboard: the first Tab reaches the skip link, shown on screen; Enter moves focus to main
          await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
          await page.keyboard.press('Tab');
          const skip = await page.evaluate(() => {
            const a = document.activeElement;
            const r = a.getBoundingClientRect();
            return { cls: a.className, href: a.getAttribute('href'), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
          });
          eq([skip.cls, skip.href], ['skip', '#inhoud'], 'first Tab focuses the skip link');
          ok(skip.top >= 0 && skip.bottom <= viewport.height && skip.left >= 0 && skip.right <= viewport.width,
            `focused skip link is on screen: ${JSON.stringify(skip)}`);
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'inhoud', null, { timeout: 2000 })
            .catch(() => { throw new Error('Enter on the skip link did not move focus to main#inhoud'); });
          // visible focus: Tab on to the first link after the header (in main, or the footer on a
          // page without links in main) and look at its focus style
          let focus = null;
          for (let i = 0; i < 40 && !focus; i++) {
            await page.keyboard.press('Tab');
            focus = await page.evaluate(() => {
              const a = document.activeElement;
              if (!a || a.tagName !== 'A' || a.closest('header')) return null;
              const s = getComputedStyle(a);
              return { text: a.textContent.trim().slice(0, 40), outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
            });
          }
          ok(focus, 'Tab from main reaches a link within 40 presses');
          ok((focus.outline !== 'none' && focus.width !== '0px') || focus.shadow !== 'none',
            `focused link "${focus.text}" shows no outline or box-shadow: ${JSON.stringify(focus)}`);

          // no sideways scrolling of the page (wide tables scroll inside their .table-wrap)
          const o = await overflow(page);
          eq(o.over, 0, `page scrolls sideways by ${o.over}px (${o.culprits.join(', ')})`);

          // axe-core
          await page.addScriptTag({ path: AXE });
          w.quiet = true;
          const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS)
            .finally(() => { w.quiet = false; });
          axeRuns++;
          violationsTotal += result.violations.length;
          const lines = result.violations.flatMap((v) => [
            `${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node(s)]`,
            ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join(' ').trim()}` : ''}`),
          ]);
          ok(lines.length === 0, `${result.violations.length} axe violation(s):\n  ${lines.join('\n  ')}`);

          if (lang === 'en') {
            const dutch = dutchIn(await page.evaluate(interfaceText));
            ok(dutch.length === 0, `Dutch interface strings in the English build:\n  ${dutch.join('\n  ')}`);
          }
          w.assertClean(where);
        });
      }
      await context.close();
    }

    await T.test(`[${lang}] initiative page: readable chart and table on a phone, no empty right third on a desktop`, async () => {
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const p = await phone.newPage();
      await p.goto(server.base + 'initiatieven/proeftuin-ruwaard/');
      const chart = await p.evaluate(() => {
        const svg = document.querySelector('svg.outcome-chart');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return { px: Number(svg.getAttribute('font-size')) * scale, title: [...svg.querySelectorAll('text[font-weight]')].map((t) => t.textContent).join(' ') };
      });
      ok(chart.px >= 14, `chart text is ${chart.px.toFixed(1)} px on a phone (want 14 or more)`);
      ok(!/\(.*\).*\(.*\)/.test(chart.title), `the chart's measure name says its unit twice: ${chart.title}`);
      const table = await p.evaluate(() => { const w = document.querySelector('table.outcomes').closest('.table-wrap'); return [w.scrollWidth, w.clientWidth]; });
      ok(table[0] <= table[1], `outcomes table is cut off on a phone (${table[0]} px in a ${table[1]} px box)`);
      await phone.close();
      const desk = await browser.newContext({ viewport: DESKTOP });
      const d = await desk.newPage();
      await d.goto(server.base + 'initiatieven/proeftuin-ruwaard/');
      const right = await d.evaluate(() => document.querySelector('.initiative-side').getBoundingClientRect().right);
      ok(right > DESKTOP_RIGHT, `the page's content ends at ${right} px of 1280`);
      await desk.close();
    });

    await T.test(`[${lang} print] initiative page prints as a handout`, async () => {
      // A4 width at 96 dpi; print styles
      const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
      const page = await context.newPage();
      const w = watch(page);
      await page.goto(server.base + 'initiatieven/proeftuin-ruwaard/');
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => ['header nav', '.site-footer', '.skip', '.search-form', '.crumbs']
        .filter((s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none')));
      eq(shown, [], 'shown in print (want hidden)');
      ok(await page.isVisible('h1'), 'title printed');
      ok(await page.isVisible('.print-url'), 'the page address is printed');
      ok(await page.evaluate(() => getComputedStyle(document.querySelector('.table-wrap')).overflowX) === 'visible',
        'tables are not clipped to a scroll box on paper');
      const o = await overflow(page);
      eq(o.over, 0, `print is wider than A4 by ${o.over}px (${o.culprits.join(', ')})`);
      w.assertClean('print');
      await context.close();
    });
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
console.log(`a11y: ${PAGES.length} page kinds × ${WIDTHS.length} widths × ${builds.length} languages: ${axeRuns} axe runs, ${violationsTotal} violation rule(s)`);
T.finish();
