// A very long entry in the packaged extension (Chromium, replica page): the underlines are
// drawn in slices, a task each, from the top, so the words in view have theirs before the
// text far below; every underline sits over its own words, and a change to the text stops
// the slices still to come for the old one. Structure only: no timing is asserted (the long
// tasks seen are reported as a diagnostic).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { withExtension } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;
const long = (len) => { let s = ''; while (s.length < len) s += `${bad}\n\n`; return s.slice(0, len); };

let replica;
let context;
let profile;

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-long-'));
  context = await withExtension(profile, join(root, 'dist', 'chrome'));
});

after(async () => {
  await context?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** In the page: each delivery of the overlay's mutations (one per task that drew) as the starts of the underlines it added. */
const watch = () => {
  window.__drawn = [];
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
  const host = document.querySelector('[data-cpoms-check="overlay"]');
  new MutationObserver((records) => {
    const starts = [];
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      for (const m of [n, ...n.querySelectorAll('[data-start]')]) if (m.dataset.start) starts.push(+m.dataset.start);
    }
    if (starts.length) window.__drawn.push(starts);
  }).observe(host.shadowRoot, { childList: true, subtree: true });
};

/** Puts `text` in the field as a paste does: the whole value, then one input event. */
const paste = (field, text) => field.evaluate((t, v) => {
  t.value = v;
  t.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}, text);

/** In the page: '' when the mirror holds the field's text (up to its last underline's line) and
 * each underline its own words, else what differs. */
const faithful = () => {
  const value = document.querySelector('#incident_description').value;
  const mirror = document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.firstElementChild;
  if (!value.startsWith(mirror.textContent)) return `the mirror's text is not the field's`;
  const marks = mirror.querySelectorAll('[data-start]');
  if (!marks.length) return 'no underlines';
  for (const m of marks) {
    if (m.textContent !== value.slice(+m.dataset.start, +m.dataset.end)) return `underline at ${m.dataset.start} is over other words`;
  }
  return '';
};

test('a 1 MB paste: underlines for the words in view come first, those far below in later tasks', async (t) => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.waitForSelector('[data-cpoms-check="overlay"]', { state: 'attached' });
  await page.evaluate(watch);
  const field = page.locator('#incident_description');
  await paste(field, long(1_000_000));
  // The check stops at 100,000 characters: underlines up to there.
  await page.waitForFunction(() => [...document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.querySelectorAll('[data-start]')]
    .some((m) => +m.dataset.start > 95_000), null, { timeout: 60_000 });
  const drawn = await page.evaluate(() => window.__drawn);
  t.diagnostic(`${drawn.length} deliveries of underlines; long tasks: ${JSON.stringify(await page.evaluate(() => window.__long))}`);
  assert.ok(drawn.length > 1, 'the underlines came in more than one task');
  const [first] = drawn;
  assert.ok(Math.min(...first) < bad.length, 'the first task drew the underlines at the top, in view');
  assert.ok(Math.max(...first) < 50_000, `the first task drew only the top of the text, not up to ${Math.max(...first)}`);
  assert.equal(await page.evaluate(faithful), '');
  // The first underline is over its words, inside the field.
  const box = await field.boundingBox();
  const r = await page.evaluate(() => document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.querySelector('[data-start]').getBoundingClientRect().toJSON());
  assert.ok(r.top >= box.y && r.bottom <= box.y + box.height && r.left >= box.x && r.right <= box.x + box.width, 'the first underline is inside the field');
  await page.close();
});

test('a change during the slices stops them: no underline of the old text is drawn over the new one', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.waitForSelector('[data-cpoms-check="overlay"]', { state: 'attached' });
  const field = page.locator('#incident_description');
  await paste(field, long(90_000));
  // As soon as the first underlines are drawn (more are still to come), the text changes.
  await page.waitForFunction(() => document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.querySelector('[data-start]'), null, { timeout: 60_000 });
  await paste(field, `Short now.\n${bad}`);
  // The field notes may have pushed the field off screen, where checks wait: bring it back.
  await field.evaluate((t) => t.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.firstElementChild.textContent.startsWith('Short now.'), null, { timeout: 60_000 });
  await page.waitForTimeout(1000); // time for any slice of the old text to (wrongly) run
  assert.equal(await page.evaluate(faithful), '');
  await page.close();
});
