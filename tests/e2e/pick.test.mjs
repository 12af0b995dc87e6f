// Pick mode, in Chromium with the packaged extension: on a page whose categories the checker
// cannot recognise, the checklist says it could not read them (never "none chosen"); the
// person opens the page check, picks the group on the page (the click ticks nothing), the
// selector is saved in the settings and shown as managed-policy JSON, and the checklist
// then reads the categories right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { serviceWorker, withExtension } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let replica;
let context;
let profile;

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-chromium-'));
  context = await withExtension(profile, join(root, 'dist', 'chrome'));
});

after(async () => {
  await context?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
});

const rowOf = async (page, criterion) => {
  await page.locator('[data-cpoms-check="summary"] [data-count]').click();
  const row = page.locator(`[data-cpoms-check="checklist"] [data-criterion="${criterion}"]`);
  const out = { status: await row.getAttribute('data-status'), text: await row.innerText() };
  return out;
};

test('picking the categories on an unusual page fixes the checklist and gives the policy JSON', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(replica.url('/incidents/new?variant=pick'));
  await page.locator('#incident_description').click();
  await page.keyboard.insertText('Derek was upset at break. JBloggs spoke with him.');

  const before = await rowOf(page, 'categories');
  assert.equal(before.status, 'check', before.text);
  assert.match(before.text, /Couldn't read the categories/);
  assert.doesNotMatch(before.text, /No category is chosen/);

  await page.locator('[data-cpoms-check="checklist"] [data-action="page-check"]').click();
  const check = page.locator('[data-cpoms-check="page-check"]');
  assert.equal(await check.locator('[data-field="categories"]').getAttribute('data-found'), 'false');
  await check.locator('[data-action="pick"][data-for="categories"]').click();
  await page.locator('[data-cpoms-check="pick"]').waitFor();
  await page.getByText('Behaviour', { exact: true }).hover();
  mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'pick-mode-chromium.png') });
  await page.getByText('Behaviour', { exact: true }).click();
  assert.equal(await page.locator('input[value="2"]').isChecked(), false, 'the pick ticks nothing');

  // The page check again: the categories found by the saved selector, and the JSON for IT.
  const row = check.locator('[data-field="categories"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-found'), 'true');
  assert.equal(await row.getAttribute('data-how'), 'selector');
  const json = await check.locator('[data-export] pre').innerText();
  const selector = JSON.parse(json).selectors.categories;
  assert.ok(selector, json);
  assert.equal(await page.locator(selector).count(), 1, `${selector} finds one element`);
  assert.ok(await page.locator(selector).locator('input[type=checkbox]').count() === 3, 'the whole group');
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'page-check-after-pick-chromium.png') });
  const worker = await serviceWorker(context);
  const saved = await worker.evaluate(() => chrome.storage.local.get('policy'));
  assert.equal(saved.policy?.selectors?.categories, selector, 'saved in the settings');

  await page.keyboard.press('Escape');
  await page.locator('input[value="2"]').check();
  await page.waitForTimeout(400);
  const after = await rowOf(page, 'categories');
  assert.equal(after.status, 'met', after.text);
  await page.close();
});
