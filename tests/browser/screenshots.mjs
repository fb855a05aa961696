// Screenshots of a built site (run by scripts/screenshots.sh):
//
//   node tests/browser/screenshots.mjs <built-site> <output-dir>
//
// writes <page>-phone.png (390 wide) and <page>-desktop.png (1280 wide), each the full page up to
// 2400 CSS pixels high, and initiative-print.png (the initiative page with print styles at A4
// width), shrunk to 256-colour PNGs (png.mjs). Also reports what would look broken: sideways
// scrolling, a screenshot over 300 KB, and, for print, navigation, footer or search still shown.
// Exits 1 when it finds such a problem.
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, launch, overflow, requireSetup, requireSites, serve } from './harness.mjs';
import { shrinkPng } from './png.mjs';

const [siteArg, outArg] = process.argv.slice(2);
if (!siteArg || !outArg) {
  console.error('usage: node tests/browser/screenshots.mjs <built-site> <output-dir>');
  process.exit(2);
}
requireSetup();
const site = path.resolve(siteArg);
requireSites(site);
const out = path.resolve(outArg);
fs.mkdirSync(out, { recursive: true });

const MAX_HEIGHT = 2400;
const PAGES = [
  ['home', ''],
  ['initiative', 'initiatieven/proeftuin-ruwaard/'],
  ['lesson', 'lessen/welbevinden-stijgt-van-35-naar-85/'],
  ['term', 'thema/mantelzorg/'],
  ['matrix', 'vergelijk/'],
  ['search', 'zoeken/?q=mantelzorg', { search: true }],
  ['initiatives-filtered', 'zoeken/?soort=initiatief&fase=opschaling&regio=landelijk', { search: true }],
];
const problems = [];

async function shoot(page, file) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize().width;
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
  const { before, after } = shrinkPng(file); // 256-colour palette: a third of the size
  const kb = Math.round(after / 1024);
  console.log(`${path.relative(process.cwd(), file)}  ${width}×${Math.min(height, MAX_HEIGHT)}  ${kb} KB (${Math.round(before / 1024)} KB as taken)`);
  if (kb > 300) problems.push(`${path.basename(file)} is ${kb} KB (keep screenshots under 300 KB)`);
}

const server = await serve(site);
const browser = await launch();
try {
  for (const [wname, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: wname === 'phone', hasTouch: wname === 'phone' });
    const page = await context.newPage();
    for (const [name, rel, opts = {}] of PAGES) {
      await page.goto(server.base + rel);
      if (opts.search) {
        await page.waitForSelector('#search[data-ready="true"]', { timeout: 10000 });
        await page.waitForSelector('.search-result', { timeout: 10000 });
      }
      await page.evaluate(() => document.fonts.ready);
      const o = await overflow(page);
      if (o.over > 0) problems.push(`${name} at ${wname} width scrolls sideways by ${o.over}px: ${o.culprits.join(', ')}`);
      await shoot(page, path.join(out, `${name}-${wname}.png`));
    }
    await context.close();
  }

  // The initiative page as printed: A4 width (210 mm at 96 dpi), print styles.
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.base + 'initiatieven/proeftuin-ruwaard/');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ['header nav', '.site-footer', '.skip', '.search-form', '.crumbs']
    .filter((s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none')));
  if (shown.length) problems.push(`print shows ${shown.join(', ')}`);
  const o = await overflow(page);
  if (o.over > 0) problems.push(`print at A4 width is ${o.over}px too wide: ${o.culprits.join(', ')}`);
  await shoot(page, path.join(out, 'initiative-print.png'));
  await context.close();
} finally {
  await browser.close();
  server.close();
}
for (const p of problems) console.log(`PROBLEM ${p}`);
process.exitCode = problems.length ? 1 : 0;
