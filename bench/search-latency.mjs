// Time from typing a one-word query to its results on screen, in headless Chromium, on a built
// site over HTTP (a local static server) and, for a portable build (`leernet build --portable`),
// also from file://; each query in a fresh page with an empty cache. The figure includes the
// page's 60 ms typing pause; "after the pause" subtracts it. "Results shown" is when the result
// list is on screen (data-results); the facet counts may follow a moment later (data-rendered).
// Usage: node bench/search-latency.mjs <built-site> word [word ...]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, requireSetup, requireSites, serve } from '../tests/browser/harness.mjs';

const [site, ...words] = process.argv.slice(2);
if (!site || !words.length) {
  console.error('usage: node bench/search-latency.mjs <built-site> word [word ...]');
  process.exit(2);
}
requireSetup();
requireSites(site);
const server = await serve(site);
const browser = await launch();
const portable = fs.readFileSync(path.join(site, 'zoeken/index.html'), 'utf8').includes('data-portable="true"');
const origins = { http: `${server.base}zoeken/` };
if (portable) origins.file = pathToFileURL(path.resolve(site)).href + '/zoeken/index.html';
console.log('query               mode   results shown after (ms)   after the pause (ms)   results   files loaded');
for (const word of words) {
  for (const [mode, url] of Object.entries(origins)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#search[data-ready="true"]', { timeout: 20000 });
    const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
    const ms = await page.evaluate((q) => new Promise((resolve) => {
      const box = document.getElementById('search');
      const input = box.querySelector('input[type="search"]');
      const want = '?q=' + encodeURIComponent(q).replace(/%20/g, '+');
      const t0 = performance.now();
      const done = () => box.dataset.results === want && box.querySelector('.search-result');
      new MutationObserver((_, obs) => {
        if (done()) { obs.disconnect(); resolve(performance.now() - t0); }
      }).observe(box, { attributes: true, subtree: true, childList: true });
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), word);
    const shown = await page.evaluate(() => document.querySelectorAll('.search-result').length);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').length) - before;
    console.log(`${JSON.stringify(word).padEnd(18)}  ${mode.padEnd(5)}  ${ms.toFixed(0).padStart(24)}  ${Math.max(0, ms - 60).toFixed(0).padStart(21)}  ${String(shown).padStart(8)}  ${String(loaded).padStart(13)}`);
    await context.close();
  }
}
await browser.close();
server.close();
