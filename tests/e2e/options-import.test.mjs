// The options page's "Import JSON…" in Chromium with the packaged extension: every file that
// is not a settings object is refused with its reason in the status, raises no uncaught
// error, and leaves the saved settings exactly as they were; a good file is then imported.
// Needs ./build.sh and chromium; run: node --test tests/e2e/options-import.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceWorker, withExtension } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ID = 'killhkjijifodelepbbkhnacofmblble'; // fixed by the manifest's key

/** Each refused file: its name, its text, and the reason the status must give. */
const refused = [
  ['number.json', '42', /holds a number, not a settings object/],
  ['true.json', 'true', /holds true, not a settings object/],
  ['null.json', 'null', /holds null, not a settings object/],
  ['list.json', '[{"timeliness_hours": 1}]', /holds a list, not a settings object/],
  ['proto.json', '{"__proto__": {"timeliness_hours": 1}}', /not a setting of this version: "__proto__"/],
  ['quote.json', '{"a\\"]b": 1, "timeliness_hours": 2}', /not a setting of this version: "a\\"\]b"/],
  ['deep.json', `{"hosts": ${'['.repeat(100000)}${']'.repeat(100000)}}`, /nests more than 16 levels/],
  ['huge.json', `{"never_flag": ["${'a'.repeat(11 * 1024 * 1024)}"]}`, /larger than a settings file can be/],
  ['broken.json', '{"timeliness_hours": ', /is not JSON/],
  ['google.json', '{"hosts": ["google.com"]}', /"hosts" “google\.com” is not a CPOMS address/],
  ['selector.json', '{"selectors": {"editor": "div >"}}', /"selectors\.editor" “div >” is not a CSS selector a browser can use: nothing follows the > at character 5/],
  ['no-label.json', '{"category_signals": {"": ["tiktok"]}}', /"category_signals" “tiktok” has no category label/],
  ['bad-value.json', '{"timeliness_hours": "soon", "checklist": "sometimes"}', /2 settings need attention \("(checklist|timeliness_hours)" /],
];

test('options import: anything that is not a valid settings object is refused with its reason, and nothing is saved', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'cpoms-import-'));
  const dir = mkdtempSync(join(tmpdir(), 'cpoms-import-files-'));
  const context = await withExtension(profile, join(root, 'dist', 'chrome'));
  try {
    const worker = await serviceWorker(context);
    const before = { policy: { timeliness_hours: 48, never_flag: ['Summer'] } };
    await worker.evaluate((v) => chrome.storage.local.set(v), before);
    const opts = await context.newPage();
    const errors = [];
    opts.on('pageerror', (e) => errors.push(e.message));
    await opts.goto(`chrome-extension://${ID}/options.html`);
    await opts.locator('body[data-ready=true]').waitFor();
    for (const [name, text, reason] of refused) {
      writeFileSync(join(dir, name), text);
      await opts.evaluate(() => { document.getElementById('status').textContent = ''; });
      await opts.locator('#import').setInputFiles(join(dir, name));
      const status = opts.locator('#status', { hasText: 'Not imported' });
      await status.waitFor({ timeout: 20000 });
      const said = await status.textContent();
      assert.match(said, reason, name);
      assert.match(said, /Nothing was saved\.$/, name);
      assert.ok(!said.includes('\n'), `${name}: one line`);
      assert.deepEqual(await worker.evaluate(() => chrome.storage.local.get(null)), before, `${name}: the saved settings are unchanged`);
    }
    writeFileSync(join(dir, 'good.json'), '{"timeliness_hours": 12}');
    await opts.locator('#import').setInputFiles(join(dir, 'good.json'));
    await opts.locator('#status', { hasText: 'Imported good.json' }).waitFor();
    assert.deepEqual((await worker.evaluate(() => chrome.storage.local.get('policy'))).policy, { timeliness_hours: 12 });
    assert.deepEqual(errors, [], 'no uncaught error on the options page');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
