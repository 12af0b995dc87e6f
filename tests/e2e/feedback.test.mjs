// Calm, clear feedback, measured in Chromium at 1366×768 and 1280×720 with the packaged
// extension on the textarea replica: the card opens over a word in the first line and in
// the last, fully inside the window and off the form's submit control; Escape anywhere and
// a click outside close it; the guidance's bad example gives a checklist no taller than
// the window with no point repeated; a good entry gives the compact "every criterion is
// met" state, or every row when the school's checklist_rows setting is "full"; the chip
// stays hidden on an empty form; axe-core finds no violation in any of those states. Screenshots of each state go to
// docs/screenshots/. Needs ./build.sh and chromium; run: node --test tests/e2e/feedback.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { serviceWorker, withExtension } from './chromium.mjs';
import { axe } from './axe.mjs';
import {
  bad, good, shots, sizes, firstLine, lastLine, inside, overlap, scrollToLastLine, checklistRows, checkBadRows,
  CRITERIA_ROWS, COMPACT_OPEN, goodForm,
} from './feedback-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

let replica;
let context;
let profile;

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-feedback-'));
  context = await withExtension(profile, join(root, 'dist', 'chrome'));
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await context?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
});

const box = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
const card = (page) => page.locator('[data-cpoms-check-card]');

/** Hovers the first line box of the underline `mark` and waits for its card. */
async function hover(page, mark) {
  const b = await mark.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.move(b.x, b.y);
  await card(page).waitFor();
}

async function open(size, text) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  await field.fill(text);
  await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
  return { page, field };
}

for (const size of sizes) {
  const at = `${size.width}×${size.height}`;

  test(`${at}: the card is inside the window for a word in the first line and in the last, never over Submit`, async () => {
    const { page } = await open(size, bad);
    const submit = await box(page.getByRole('button', { name: 'Add Incident' }));
    // The first line: "Last week" starts the entry.
    await hover(page, page.locator(firstLine));
    const first = await box(card(page));
    assert.ok(inside(first, size), `card ${JSON.stringify(first)} inside ${at}`);
    assert.ok(!overlap(first, submit), 'the card leaves the submit control clear');
    // Its content: a plain title, the point, the guidance folded away.
    const text = await card(page).evaluate((c) => c.innerText);
    assert.match(text, /^Logged promptly/, 'a plain title, not an internal id');
    assert.equal(await card(page).locator('details').evaluate((d) => d.open), false, 'the guidance is folded away');
    if (size.width === 1366) await page.screenshot({ path: join(shots, 'card-first-line-chromium.png') });
    // Escape with the focus outside the editor closes it.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden' });
    // So does a click outside it, on an empty part of the page.
    await hover(page, page.locator(firstLine));
    await page.mouse.click(size.width - 40, 20);
    await card(page).waitFor({ state: 'hidden' });

    // The last line, scrolled to the bottom of the window: the card opens above the words.
    const last = page.locator(lastLine);
    await page.evaluate(scrollToLastLine, size.height);
    // The overlay follows in the next frame.
    for (let i = 0; i < 40 && !(await last.evaluate((e) => e.getClientRects().length > 0)); i++) await page.waitForTimeout(50);
    await hover(page, last);
    const lower = await box(card(page));
    const words = await last.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.x, y: r.y, w: r.width, h: r.height }; });
    assert.ok(inside(lower, size), `card ${JSON.stringify(lower)} inside ${at}`);
    assert.ok(!overlap(lower, words), 'the card does not cover its own words');
    assert.ok(!overlap(lower, await box(page.getByRole('button', { name: 'Add Incident' }))), 'nor the submit control');
    if (size.width === 1366) await page.screenshot({ path: join(shots, 'card-last-line-chromium.png') });
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden' });
    await page.close();
  });

  test(`${at}: words with two findings show both in one card, each with its own action; typing closes it`, async () => {
    const { page, field } = await open(size, 'Last week Derek was kicking off in the hall.');
    // "Last week" is both vague (timeliness) and, with no date, the only clue to when.
    await hover(page, page.locator('[data-cpoms-check="overlay"] [data-rule="timely.vague_when"]'));
    const sections = await card(page).locator('section').evaluateAll((s) => s.map((e) => e.dataset.rule));
    assert.ok(sections.includes('timely.vague_when'));
    assert.equal(await card(page).locator('[data-action="dismiss"]').count(), sections.length, 'a Dismiss per finding');
    assert.deepEqual(await axe(page), [], 'no accessibility violation with the card open');
    // The folded guidance and the rule's switch, then its confirmation.
    await card(page).locator('[data-action="more"]').first().click();
    await card(page).locator('[data-action="turn-off"]').first().click();
    await card(page).locator('[data-action="turn-off-confirm"]').first().waitFor();
    assert.deepEqual(await axe(page), [], 'none with the guidance unfolded and the confirmation asked');
    await card(page).locator('[data-action="turn-off-cancel"]').first().click();
    await field.press('End');
    await page.keyboard.type(' More.');
    await card(page).waitFor({ state: 'hidden' });
    await page.close();
  });

  test(`${at}: the bad example's checklist fits the window, each point once, each a link to its words`, async () => {
    const { page, field } = await open(size, bad);
    await page.getByRole('button', { name: 'Add Incident' }).click();
    const dialog = page.locator('[data-cpoms-check="checklist"] [role="dialog"]');
    await dialog.waitFor();
    const d = await box(dialog);
    assert.ok(d.h <= size.height, `the dialog is ${d.h}px high in a ${size.height}px window`);
    assert.ok(await dialog.evaluate((e) => e.scrollHeight <= e.clientHeight + 1), 'and needs no scrolling');
    checkBadRows(await page.evaluate(checklistRows));
    assert.deepEqual(await axe(page), [], 'no accessibility violation in the checklist');
    await page.waitForTimeout(300); // past the dialog's rise
    if (size.width === 1366) await page.screenshot({ path: join(shots, 'checklist-bad-chromium.png') });
    // A point's link goes to its words: the checklist closes, the words are selected.
    const link = page.locator('[data-cpoms-check="checklist"] [data-criterion="language"] [data-action="goto"]').first();
    const [start, end] = (await link.evaluate((b) => [b.dataset.start, b.dataset.end])).map(Number);
    await link.click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await field.evaluate((t) => [t.selectionStart, t.selectionEnd]), [start, end]);
    assert.equal(replica.received.length, 0, 'nothing was sent');
    await page.close();
  });
}

/** The good example, dated, categorised and Derek tagged, submitted: its checklist dialog. */
async function goodChecklist(page) {
  await page.locator('#incident_description').fill(good);
  await page.locator('#incident_student_ids').selectOption(goodForm.student);
  await page.getByLabel(goodForm.category).check();
  await page.locator('#incident_date').fill(goodForm.date);
  await page.locator('#incident_time').fill(goodForm.time);
  await page.locator('[data-cpoms-check="summary"] [data-count="0"]').waitFor();
  await page.getByRole('button', { name: 'Add Incident' }).click();
  const dialog = page.locator('[data-cpoms-check="checklist"] [role="dialog"]');
  await dialog.waitFor();
  return dialog;
}

/** Runs `then` with the saved settings `policy` (the replica's date is in the past: timeliness is left out). */
async function withPolicy(policy, then) {
  const sw = await serviceWorker(context);
  await sw.evaluate((p) => chrome.storage.local.set({ policy: p }), { disabled_criteria: ['timely'], ...policy });
  try {
    await then();
  } finally {
    await sw.evaluate(() => chrome.storage.local.remove('policy'));
  }
}

test('a good entry recorded on time: the compact "every criterion is met" state, with every row still in the dialog', () => withPolicy({}, async () => {
  const page = await context.newPage();
  await page.setViewportSize(sizes[0]);
  await page.goto(replica.url('/incidents/new'));
  assert.equal(await page.locator('[data-cpoms-check="summary"] button').isVisible().catch(() => false), false, 'no chip on an empty form');
  const dialog = await goodChecklist(page);
  assert.match(await dialog.locator('h2').textContent(), /every criterion is met/);
  const rows = await page.evaluate(checklistRows);
  assert.equal(rows.length, CRITERIA_ROWS);
  assert.deepEqual(rows.filter((r) => r.visible).map((r) => r.criterion), COMPACT_OPEN, 'only the proof-read confirmation is open');
  const d = await box(dialog);
  assert.ok(d.h < 400, `compact: ${d.h}px`);
  assert.deepEqual(await axe(page), [], 'no accessibility violation in the compact state');
  await page.waitForTimeout(300); // past the dialog's rise
  await page.screenshot({ path: join(shots, 'checklist-compact-chromium.png') });
  await page.close();
}));

test('the school asks for the full list (checklist_rows: full): a good entry\'s checklist shows every row', () => withPolicy({ checklist_rows: 'full' }, async () => {
  const page = await context.newPage();
  await page.setViewportSize(sizes[0]);
  await page.goto(replica.url('/incidents/new'));
  const dialog = await goodChecklist(page);
  assert.match(await dialog.locator('h2').textContent(), /every criterion is met/);
  const rows = await page.evaluate(checklistRows);
  assert.equal(rows.length, CRITERIA_ROWS);
  assert.deepEqual(rows.filter((r) => !r.visible).map((r) => r.criterion), [], 'no row is folded away');
  assert.equal(await dialog.locator('details').count(), 0, 'nothing to unfold');
  assert.ok(rows.every((r) => r.text.trim().length > 0), 'each row says what it found');
  assert.deepEqual(await axe(page), [], 'no accessibility violation in the full list');
  await page.waitForTimeout(300); // past the dialog's rise
  await page.screenshot({ path: join(shots, 'checklist-full-chromium.png') });
  await page.close();
}));
