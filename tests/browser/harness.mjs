// Shared harness for the page-level browser tests (portable.e2e.mjs, a11y.e2e.mjs,
// screenshots.mjs): Debian's /usr/bin/chromium driven by playwright-core, a tiny static HTTP
// server on 127.0.0.1 (ephemeral port), test bookkeeping, and a watcher that collects failed
// requests, HTTP errors and console/script errors per page. Same style as search.e2e.mjs.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Exits with code 2 and a setup hint unless chromium and the npm packages are there. */
export function requireSetup() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push(CHROMIUM);
  for (const p of ['playwright-core', 'axe-core']) {
    if (!fs.existsSync(path.join(repo, 'node_modules', p, 'package.json'))) missing.push(`node_modules/${p}`);
  }
  if (missing.length) {
    console.error(`missing ${missing.join(', ')}: run \`bash tests/run.sh\` (it runs \`npm ci\` and installs Debian's chromium)`);
    process.exit(2);
  }
}

/** Exits with code 2 unless every dir is a built leernet site. */
export function requireSites(...dirs) {
  for (const dir of dirs) {
    if (!dir || !fs.existsSync(path.join(dir, 'index.html')) || !fs.existsSync(path.join(dir, 'zoeken/index.html'))) {
      console.error(`${dir} has no index.html and zoeken/index.html: not a built leernet site`);
      process.exit(2);
    }
  }
}

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

// ------------------------------------------------------------------ tiny static server

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain' };

/** Serves dir on 127.0.0.1:<ephemeral>; a folder URL serves its index.html, a missing file the
 *  site's 404.html (when notFound is given) with status 404. */
export function serve(dir, { notFound } = {}) {
  dir = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, p);
    if (file !== dir && !file.startsWith(dir + path.sep)) { res.writeHead(403); res.end(); return; }
    if (p.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        const page = notFound && fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found';
        res.writeHead(404, { 'content-type': notFound ? TYPES['.html'] : 'text/plain' });
        res.end(page);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    server.base = `http://127.0.0.1:${server.address().port}/`;
    resolve(server);
  }));
}

// ------------------------------------------------------------------ test bookkeeping

export function tally(title) {
  let passed = 0;
  const failures = [];
  return {
    async test(name, fn) {
      const started = Date.now();
      try {
        await fn();
        passed++;
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failures.push(name);
        console.log(`FAIL ${name}\n     ${String((e && e.stack) || e).split('\n').slice(0, 12).join('\n     ')}`);
      }
    },
    finish() {
      console.log(`${title}: ${passed} passed, ${failures.length} failed`);
      if (failures.length) console.log(`failed:\n  ${failures.join('\n  ')}`);
      process.exitCode = failures.length ? 1 : 0;
      return failures.length === 0;
    },
  };
}

export function eq(got, want, what) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}
export function ok(cond, what) {
  if (!cond) throw new Error(what);
}

// ------------------------------------------------------------------ problems on a page

/** Collects failed requests, responses with status >= 400 and console/script errors of a page.
 *  `quiet` is set while a tool (axe-core) runs its own requests. The browser's favicon probe is
 *  not the site's, nor are stylesheets fetched by XHR (axe-core's, blocked on file://; their
 *  events may arrive after `quiet` is unset, so they are told apart by what they are). */
export function watch(page) {
  // expect404: the URL of a page opened on purpose to get the site's 404 page.
  const w = { problems: [], quiet: false, expect404: null };
  // The browser fetches the tab icon on its own, and drops the fetch when the page navigates on.
  const ignore = (url) => /\/favicon\.(ico|svg)$/.test(url);
  const css = (url) => /\.css(\?|$)/.test(url);
  page.on('pageerror', (e) => w.problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error' || w.quiet) return;
    const xhr = /^Access to XMLHttpRequest at '([^']+)'/.exec(m.text());
    if (xhr && css(xhr[1])) return;
    // Chromium logs failed loads as "Failed to load resource" without the URL; they are
    // reported through requestfailed/response with their URL, except the favicon.
    if (/Failed to load resource/.test(m.text())) {
      const url = m.location() && m.location().url;
      if (url && (ignore(url) || url === w.expect404)) return;
    }
    w.problems.push(`console error: ${m.text()}${m.location() && m.location().url ? ` (${m.location().url})` : ''}`);
  });
  page.on('requestfailed', (r) => {
    if (r.resourceType() === 'xhr' && css(r.url())) return;
    if (!w.quiet && !ignore(r.url())) w.problems.push(`request failed: ${r.url()} (${r.failure() && r.failure().errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !ignore(r.url()) && r.url() !== w.expect404) w.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  /** Throws with every problem collected since the last call, and forgets them. */
  w.assertClean = (where) => {
    const p = w.problems.splice(0);
    if (p.length) throw new Error(`${where}: ${p.length} problem(s):\n  ${p.join('\n  ')}`);
  };
  return w;
}

/** Asserts that the page's own style.css loaded and applies: it is in document.styleSheets with
 *  readable rules (also from file://, where the sheet is same-origin), and the body font and the
 *  header background are the theme's, not the browser's defaults. */
export async function assertStyled(page) {
  const s = await page.evaluate(() => {
    const sheets = [...document.styleSheets].map((sh) => {
      let rules = -1;
      try { rules = sh.cssRules.length; } catch { rules = -2; }
      return { href: sh.href || '', rules };
    });
    const body = getComputedStyle(document.body);
    const header = document.querySelector('.site-header');
    return {
      sheets,
      font: body.fontFamily,
      margin: body.margin,
      header: header ? getComputedStyle(header).backgroundColor : null,
    };
  });
  const own = s.sheets.find((x) => /\/style\.css$/.test(x.href));
  ok(own, `style.css is not among document.styleSheets: ${JSON.stringify(s.sheets)}`);
  if (own.rules === -2 && page.url().startsWith('file:')) {
    // Chromium gives every file:// document an opaque origin, so a page may not read the rules
    // of its own file:// stylesheet; ask the browser (DevTools protocol) for the parsed sheet.
    own.rules = await cdpRuleCount(page, own.href);
  }
  ok(own.rules > 20, `style.css has ${own.rules} cssRules (-2: not readable, -3: not loaded)`);
  ok(/system-ui/.test(s.font), `body font-family is the browser default: ${s.font}`);
  ok(s.margin === '0px', `body margin is the browser default: ${s.margin}`);
  ok(s.header && s.header !== 'rgba(0, 0, 0, 0)', `header has no background: ${s.header}`);
}

/** Number of top-level rules of the stylesheet at href, as the browser parsed it. */
async function cdpRuleCount(page, href) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sheets = [];
    cdp.on('CSS.styleSheetAdded', (e) => sheets.push(e.header));
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable'); // reports every sheet already in the document
    const sheet = sheets.find((h) => h.sourceURL === href);
    if (!sheet) return -3;
    const { text } = await cdp.send('CSS.getStyleSheetText', { styleSheetId: sheet.styleSheetId });
    // rules the page could see: count the top-level rule blocks of the parsed text
    let depth = 0;
    let rules = 0;
    for (const c of text.replace(/\/\*[\s\S]*?\*\//g, '')) {
      if (c === '{') { if (depth === 0) rules++; depth++; } else if (c === '}') depth--;
    }
    return rules;
  } finally {
    await cdp.detach();
  }
}

/** Horizontal overflow of the whole page in CSS pixels (0: nothing scrolls sideways), with the
 *  widest offenders when there is some. */
export async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const over = doc.scrollWidth - doc.clientWidth;
    if (over <= 0) return { over: 0, culprits: [] };
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && !el.closest('.table-wrap') && getComputedStyle(el).position !== 'absolute') {
        culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} (${Math.round(r.right)}px)`);
      }
    }
    return { over, culprits: culprits.slice(0, 8) };
  });
}
