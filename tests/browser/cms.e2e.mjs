// The web form (admin/, Decap CMS) in headless Chromium, with no network: the generated admin
// page and config are served as built, the pinned Decap bundle (with its SRI hash) is answered
// from the npm package in node_modules, and the backend is Decap's in-memory `test-repo`
// holding the site's initiatives. A lesson is created through the form — title, initiative
// picked in the relation widget, kind, two themes, a stakeholder level, body — and saved; the
// file Decap wrote is written to RESULT as JSON {path, raw} for `leernet check` and a build
// (tests/browser_cms.rs). Optionally SHOTS: a folder for screenshots of the form.
//
// usage: node tests/browser/cms.e2e.mjs OUT SITE_ROOT RESULT [SHOTS]
import fs from 'node:fs';
import path from 'node:path';
import { eq, launch, ok, repo, requireSetup, serve, tally } from './harness.mjs';
import { shrinkPng } from './png.mjs';

requireSetup();
const [out, root, result, shots] = process.argv.slice(2);
if (!out || !root || !result || !fs.existsSync(path.join(out, 'admin/index.html'))) {
  console.error('usage: node tests/browser/cms.e2e.mjs OUT SITE_ROOT RESULT [SHOTS] (OUT built with [cms])');
  process.exit(2);
}
const dist = path.join(repo, 'node_modules/decap-cms/dist');
const version = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/decap-cms/package.json'), 'utf8')).version;

/** The site's initiatives as test-repo files. */
function repoFiles() {
  const initiatives = {};
  for (const name of fs.readdirSync(path.join(root, 'initiatives')).filter((n) => n.endsWith('.md'))) {
    initiatives[name] = { content: fs.readFileSync(path.join(root, 'initiatives', name), 'utf8'), path: `initiatives/${name}` };
  }
  return { initiatives, lessons: {} };
}

const t = tally('cms.e2e');
const server = await serve(out);
const browser = await launch();
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nl-NL' });
  await context.addInitScript((files) => { window.repoFiles = files; }, repoFiles());
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const pinned = `/decap-cms@${version}/dist/`;
    if (url.hostname === 'unpkg.com' && url.pathname.startsWith(pinned)) {
      const file = path.join(dist, path.basename(url.pathname));
      if (!fs.existsSync(file)) { problems.push(`no ${file}`); return route.abort(); }
      return route.fulfill({ body: fs.readFileSync(file), contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } });
    }
    if (url.origin + '/' !== server.base) { problems.push(`network request to ${url.href}`); return route.abort(); }
    if (url.pathname === '/admin/config.yml') {
      const response = await route.fetch();
      const yml = (await response.text()).replace(/^backend:\n(?: {2}.*\n)+/m, 'backend:\n  name: test-repo\n');
      return route.fulfill({ response, body: yml });
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  const shot = async (name) => {
    if (!shots) return;
    await page.screenshot({ path: path.join(shots, name) });
    shrinkPng(path.join(shots, name));
  };

  await t.test('the admin loads the pinned bundle and logs in to test-repo', async () => {
    await page.goto(server.base + 'admin/');
    await page.getByRole('button', { name: /inloggen|login/i }).click({ timeout: 30000 });
    await page.getByText('Lessen', { exact: true }).first().click({ timeout: 30000 });
    await page.waitForURL(/collections\/lessons/);
    await shot('cms-0-collections.png');
  });

  let saved = null;
  await t.test('a lesson made in the form is saved as an unpublished entry', async () => {
    await page.goto(server.base + 'admin/#/collections/lessons/new');
    const control = (label) => page.locator('label', { hasText: new RegExp(`^${label}`) }).first();
    const inputFor = async (label) => page.locator(`[id="${await control(label).getAttribute('for')}"]`);
    await (await inputFor('Titel')).fill('Tip: bel eerst de mantelzorger');
    await shot('cms-1-new-lesson.png');
    const pick = async (label, text) => {
      const input = await inputFor(label);
      await input.click();
      await input.pressSequentially(text, { delay: 20 });
      await page.locator('[class*="option"]', { hasText: text }).first().click({ timeout: 15000 });
    };
    await pick('Initiatief', 'Blauwe Zorg');
    await pick('Soort', 'Tip');
    await pick("Thema's", 'Mantelzorg');
    await pick("Thema's", 'Preventie');
    await pick('Niveaus van belanghebbenden', 'Inwoner');
    const body = page.locator('[data-slate-editor="true"]').first();
    await body.click();
    await page.keyboard.type('Bel eerst de mantelzorger voordat je een afspraak maakt.');
    // The preview lays the lesson out as the site does, with the site's stylesheet.
    const preview = page.frameLocator('iframe').first();
    eq(await preview.locator('article.lesson h1').textContent(), 'Tip: bel eerst de mantelzorger', 'preview title');
    eq(await preview.locator('article.lesson .kind').textContent(), 'Tip', 'preview kind label');
    eq(await preview.locator('article.lesson .from').textContent(), 'Blauwe Zorg in de wijk', 'preview initiative title');
    ok((await preview.locator('dl.terms').textContent()).includes('Mantelzorg, Preventie'), 'preview theme labels');
    ok(await preview.locator('link[href$="/style.css"]').count() === 1, "preview uses the site's style.css");
    await page.locator('label', { hasText: /^Titel/ }).first().scrollIntoViewIfNeeded();
    await shot('cms-2-filled-in.png');
    await body.scrollIntoViewIfNeeded();
    await shot('cms-3-text.png');
    await page.getByRole('button', { name: /^opslaan$|^save$/i }).first().click();
    await page.waitForFunction(() => Object.keys(window.repoFilesUnpublished || {}).length > 0, null, { timeout: 30000 });
    saved = await page.evaluate(() => Object.values(window.repoFilesUnpublished)[0].diffs.map((d) => ({ path: d.path, raw: d.content })));
    await shot('cms-4-saved.png');
    eq(saved.length, 1, 'one file');
    ok(saved[0].path.startsWith('lessons/'), `saved under lessons/: ${saved[0].path}`);
    fs.writeFileSync(result, JSON.stringify(saved[0]));
  });

  await t.test('the saved lesson waits for review in the workflow', async () => {
    await page.goto(server.base + 'admin/#/workflow');
    await page.getByText('Tip: bel eerst de mantelzorger').first().waitFor({ timeout: 30000 });
    await shot('cms-5-workflow.png');
  });

  await t.test('no network request and no script error', async () => {
    eq(problems, [], 'problems');
  });
} finally {
  await browser.close();
  server.close();
}
t.finish();
