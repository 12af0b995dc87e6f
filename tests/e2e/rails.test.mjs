// Rails pages (pages/rails/: the real rails-ujs 7.1 from npm, started by the page) in Chromium,
// with the packaged extension and without it. The page's own submit handlers must run
// exactly as without the extension, once, after the checklist: rails-ujs's data-disable-with,
// data-confirm (on the button, as `button_to`/`f.button data: {confirm}` renders it, and on
// the form, as `form_with data: {confirm}` does), data-remote (rails-ujs posts the form
// itself), and the page's own submit listener, which counts its runs.
// Turbo 8 (the real @hotwired/turbo) too: a Drive form (`data-turbo-submits-with`), one with
// `data-turbo-confirm`, and one inside a `<turbo-frame>`; Turbo posts with fetch, follows the
// replica's 303 and swaps in the saved page or frame.
// Each scenario records: the dialogs shown, the page handler's runs, rails-ujs's confirm
// calls, the button's disabled state and text while the checklist is open and at the end,
// and every POST; the same scenario without the extension must give the same record.
// Every scenario runs on the normal page (the WebAssembly page layer) and with a strict
// Content-Security-Policy (`&csp`: the content script's JavaScript fallback, engine in the
// background).
// Needs ./build.sh and chromium; run: node --test tests/e2e/rails.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startReplica } from './server.mjs';
import { withExtension } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8')).text;
const checklist = '[data-cpoms-check="checklist"] [role="dialog"]';
const results = [];

let replica;
let context;
let plain;
let profile;

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-rails-'));
  context = await withExtension(profile, join(root, 'dist', 'chrome'));
  plain = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.cpoms.net 127.0.0.1', '--ignore-certificate-errors'],
  });
});

after(async () => {
  await context?.close();
  await plain?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'rails-results.json'), `${JSON.stringify(results, null, 1)}\n`);
});

/**
 * What the page shows now: its own counters (pages/rails/page.js, turbo.js), the submit
 * button (null once Turbo has swapped the form for the saved page) and whether it says saved.
 */
const state = (page) => page.evaluate(() => {
  const b = document.querySelector('#new_incident [type=submit]');
  return {
    ...structuredClone(window.observed), disabled: b ? b.disabled : null, label: b ? b.textContent.trim() : null,
    path: location.pathname, saved: !!document.getElementById('saved'),
  };
});

/** A body comparable across browsers: a multipart boundary (rails-ujs's FormData) replaced by a fixed one. */
function body(post) {
  const boundary = /boundary=(.+)$/.exec(post.contentType ?? '')?.[1];
  const text = post.body.toString();
  return boundary ? text.replaceAll(boundary, 'BOUNDARY') : text;
}

/**
 * One person's submission of the `variant` page: type the entry, press the form's submit
 * button, answer every dialog with `answer` ('accept' or 'dismiss'); with the extension,
 * `back` first returns from the checklist once ("Go back") and presses submit again, then
 * "Submit" in the checklist. Returns the record of what happened.
 */
async function scenario(page, variant, { extension, back = false, answer = 'accept', csp = false }) {
  const dialogs = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d[answer]().catch(() => {}); });
  await page.goto(replica.url(`/incidents/new?variant=${variant}${csp ? '&csp' : ''}`));
  await page.waitForFunction(() => window.observed);
  await page.locator('#incident_description').click();
  await page.keyboard.insertText(good);
  if (extension) {
    // The checks run while typing: wait for the summary (the fallback holds a submission only
    // once the background has answered), then let them settle.
    await page.locator('[data-cpoms-check="summary"]').waitFor({ state: 'attached', timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(800);
  }
  const start = replica.received.length;
  const posts = () => replica.received.slice(start);
  const record = { variant, extension, back, answer, csp, dialogs, errors };
  const press = () => page.locator('#new_incident [type=submit]').click();
  const openList = async () => {
    await press();
    const shown = await page.locator(checklist).waitFor({ timeout: 8000 }).then(() => true, () => false);
    await page.waitForTimeout(300); // past rails-ujs's 13 ms disable timer, had it been started
    return shown;
  };
  if (extension) {
    record.checklistShown = await openList();
    record.whileOpen = { ...(await state(page)), posts: posts().length, dialogs: dialogs.length };
    if (record.checklistShown && back) {
      await page.locator('[data-cpoms-check="checklist"] [data-action="back"]').click();
      await page.waitForTimeout(300);
      record.afterBack = { ...(await state(page)), posts: posts().length, checklistGone: await page.locator(checklist).count() === 0 };
      record.checklistShownAgain = await openList();
      record.whileOpenAgain = { ...(await state(page)), posts: posts().length, dialogs: dialogs.length };
    }
    if (await page.locator(checklist).count()) await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
  } else {
    await press();
  }
  // The post (if any), then time for a second one, rails-ujs's timers and ajax:complete.
  for (let i = 0; i < 50 && posts().length === 0; i++) await page.waitForTimeout(100);
  await page.waitForTimeout(800);
  record.end = await state(page);
  record.posts = posts().map((p) => ({ path: p.path, body: body(p) }));
  results.push(record);
  return record;
}

async function both(variant, options) {
  const page = await context.newPage();
  let withExt;
  try {
    withExt = await scenario(page, variant, { ...options, extension: true });
  } finally {
    await page.close();
  }
  const ctx = await plain.newContext({ ignoreHTTPSErrors: true });
  let without;
  try {
    without = await scenario(await ctx.newPage(), variant, { ...options, back: false, extension: false });
  } finally {
    await ctx.close();
  }
  return [withExt, without];
}

/** After "Submit", the page's record with the extension is the same as without it. */
function sameEnd(withExt, without) {
  assert.deepEqual(without.errors, [], 'page errors without the extension');
  assert.deepEqual(withExt.errors, [], 'page errors with the extension');
  assert.equal(withExt.posts.length, without.posts.length, 'number of POSTs');
  assert.deepEqual(withExt.posts, without.posts, 'the POSTs (path and body)');
  assert.equal(withExt.end.submits, without.end.submits, 'runs of the page’s own submit handler (added after Rails.start)');
  assert.equal(withExt.end.early, without.end.early, 'runs of the page’s own submit handler (added before Rails.start)');
  assert.deepEqual(withExt.end.disabledAtSubmit, without.end.disabledAtSubmit, 'button disabled when the page’s handler ran');
  assert.equal(withExt.end.disabled, without.end.disabled, 'button disabled at the end (data-disable-with)');
  assert.equal(withExt.end.label, without.end.label, 'button text at the end (data-disable-with)');
  assert.equal(withExt.end.ajax, without.end.ajax, 'rails-ujs ajax:complete or Turbo submit-end events');
  assert.equal(withExt.end.loads, without.end.loads, 'Turbo loads (page and frame)');
  assert.equal(withExt.end.path, without.end.path, 'the page’s address at the end');
  assert.equal(withExt.end.saved, without.end.saved, 'the saved page or frame shown');
}

/** While the checklist is open, no page handler has run and rails-ujs has not disabled the button. */
function untouched(open, what) {
  assert.equal(open.posts, 0, `${what}: nothing posted`);
  assert.equal(open.submits, 0, `${what}: the page’s submit handler has not run`);
  assert.equal(open.early, 0, `${what}: the page’s earlier submit handler has not run`);
  assert.equal(open.disabled, false, `${what}: the button is not disabled`);
  assert.equal(open.label, 'Add Incident', `${what}: the button keeps its text`);
}

const variants = ['rails-ujs', 'rails-confirm', 'rails-confirm-form', 'rails-remote', 'rails-turbo', 'rails-turbo-confirm', 'rails-turbo-frame'];
for (const [variant, csp] of variants.flatMap((v) => [[v, false], [v, true]])) {
  const confirmOnClick = variant === 'rails-confirm'; // rails-ujs asks on the button's click
  // rails-ujs asks on the form's submit event; Turbo when it takes the submission, just after
  const confirmOnSubmit = variant === 'rails-confirm-form' || variant === 'rails-turbo-confirm';
  const asks = confirmOnClick || confirmOnSubmit;
  const turbo = variant.startsWith('rails-turbo');
  const fetches = turbo || variant === 'rails-remote'; // the library posts the form itself

  const name = `Chromium${csp ? ' (strict CSP: the JavaScript fallback)' : ''} ${variant}`;
  test(`${name}: the checklist holds the submission before the page's handlers; Submit runs them once, as without the extension`, async () => {
    const [withExt, without] = await both(variant, { csp });
    assert.ok(withExt.checklistShown, 'pressing the submit button opens the checklist');
    untouched(withExt.whileOpen, 'checklist open');
    // The button's confirm comes with the click, before any submission: before the checklist.
    assert.equal(withExt.whileOpen.dialogs, confirmOnClick ? 1 : 0, 'dialogs before the checklist');
    assert.equal(withExt.whileOpen.confirms, confirmOnClick ? 1 : 0, 'rails-ujs confirms before the checklist');
    // Without the extension (sanity): one POST, the handler once, disable-with applied.
    assert.equal(without.posts.length, 1, 'one POST without the extension');
    // data-remote: rails-ujs posts the form itself and stops the event, so a handler added
    // after Rails.start() never runs; one added before it runs once. A <turbo-frame> takes
    // its form's submission on the frame element: no document handler sees it.
    const frame = variant === 'rails-turbo-frame';
    assert.equal(without.end.submits, variant === 'rails-remote' || frame ? 0 : 1, 'the page handler (after Rails.start) without the extension');
    assert.equal(without.end.early, frame ? 0 : 1, 'the page handler (before Rails.start) without the extension');
    assert.equal(without.end.ajax, fetches ? 1 : 0, 'rails-ujs or Turbo posts without the extension');
    assert.equal(without.dialogs.length, asks ? 1 : 0, 'dialogs without the extension');
    if (turbo) {
      assert.equal(without.end.saved, true, 'Turbo showed the saved page or frame without the extension');
    } else if (variant !== 'rails-remote') {
      assert.equal(without.end.disabled, true, 'data-disable-with disabled the button without the extension');
      assert.equal(without.end.label, 'Saving…', 'data-disable-with text without the extension');
    }
    sameEnd(withExt, without);
    assert.deepEqual(withExt.dialogs, without.dialogs, 'the same dialogs, the same number of times');
    assert.equal(withExt.end.confirms, without.end.confirms, 'rails-ujs confirm calls');
  });

  test(`${name}: Go back, then submit again: the button is not left disabled, and one submission goes through`, async () => {
    const [withExt, without] = await both(variant, { back: true, csp });
    assert.ok(withExt.checklistShown && withExt.checklistShownAgain, 'the checklist opens on each press');
    untouched(withExt.whileOpen, 'checklist open (first)');
    assert.ok(withExt.afterBack.checklistGone, 'Go back closes the checklist');
    untouched(withExt.afterBack, 'after Go back');
    untouched(withExt.whileOpenAgain, 'checklist open (second)');
    sameEnd(withExt, without);
    // Each press of a data-confirm button asks (rails-ujs asks on the click, as it would
    // for a person who pressed twice); a form's data-confirm asks once, on the submission.
    assert.equal(withExt.dialogs.length, confirmOnClick ? 2 : asks ? 1 : 0, 'dialogs');
  });

  if (asks) {
    test(`${name}: declining the confirm posts nothing and leaves the button enabled, as without the extension`, async () => {
      const [withExt, without] = await both(variant, { answer: 'dismiss', csp });
      // A declined button confirm stops the click: no submission, so no checklist.
      assert.equal(withExt.checklistShown, !confirmOnClick, 'checklist shown');
      assert.equal(without.posts.length, 0, 'nothing posted without the extension');
      assert.equal(without.end.disabled, false, 'the button stays enabled without the extension');
      sameEnd(withExt, without);
      assert.deepEqual(withExt.dialogs, without.dialogs, 'the same dialogs, the same number of times');
    });
  }
}
