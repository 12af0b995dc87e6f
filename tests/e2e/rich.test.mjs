// Replica variants 2 (a contenteditable editor, token pickers, dd/mm/yyyy and HH:MM text
// fields) and 3 (the editor in a same-origin iframe), with the packaged extension in
// Chromium: underlines over the right words, field notes, Apply and undo, the checklist,
// and a posted body byte-identical to the one posted without the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { withExtension, withoutExtension } from './chromium.mjs';
import { engine } from './engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8')).text;
const bad = fixture('guidance-bad.json');
const good = fixture('guidance-good.json');
const notMet = (entry) => engine.check(entry).checklist.filter((r) => r.status === 'not_met').map((r) => r.criterion);
const loaded = ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild'];

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

/** Types `text` into the rich editor as a person would (paragraphs by Enter). */
async function typeRich(page, frame, text) {
  const editor = frame ? page.frameLocator('iframe.editor-frame').locator('body') : page.locator('#incident_description_editor');
  await editor.click();
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
  return editor;
}

/** Every underline: its rule, offsets and line boxes (viewport coordinates). */
const underlines = (page) => page.locator('[data-cpoms-check="overlay"] [data-rule]').evaluateAll((els) => els.map((e) => ({
  rule: e.dataset.rule, criterion: e.dataset.criterion, start: +e.dataset.start, end: +e.dataset.end,
  boxes: [...e.children].map((b) => { const r = b.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }),
})));

/** The words under a point, in the editor's document: the text node's data and the offset. */
function wordsAt(doc, x, y) {
  const r = doc.caretRangeFromPoint(x, y);
  return r && r.startContainer.nodeType === 3 ? { data: r.startContainer.data, offset: r.startOffset } : null;
}

async function assertOverWords(page, frame, readText) {
  await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
  const shown = frame ? page.locator('iframe.editor-frame') : page.locator('#incident_description_editor');
  // Field notes above may have pushed the editor below the fold: into view, and the underlines follow.
  await shown.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.waitForFunction((sel) => Math.abs(document.querySelector('[data-cpoms-check="overlay"]').getBoundingClientRect().top
    - document.querySelector(sel).getBoundingClientRect().top) < 1, frame ? 'iframe.editor-frame' : '#incident_description_editor');
  const area = await shown.boundingBox();
  await page.keyboard.press('Escape'); // a card opened by the caret could cover the words probed below
  // Typing left the editor scrolled to its end: back to the top, and the boxes follow.
  const first = readText.indexOf(loaded[0]);
  if (frame) await page.frameLocator('iframe.editor-frame').locator('body').evaluate(() => window.scrollTo(0, 0));
  else await page.locator('#incident_description_editor').evaluate((e) => { e.scrollTop = 0; });
  let marks;
  for (let i = 0; i < 50; i++) {
    marks = await underlines(page);
    const top = marks.find((m) => m.start <= first && first < m.end)?.boxes[0];
    if (top && top.y >= area.y && top.y + top.h <= area.y + area.height) break;
    await page.waitForTimeout(50);
  }
  const origin = frame ? await page.locator('iframe.editor-frame').evaluate((f) => { const r = f.getBoundingClientRect(); return { x: r.x + f.clientLeft, y: r.y + f.clientTop }; }) : { x: 0, y: 0 };
  const target = frame ? page.frames().find((f) => f.url().endsWith('/frames/editor.html')) : page.mainFrame();
  let seen = 0;
  for (const phrase of loaded) {
    const at = readText.indexOf(phrase);
    const hit = marks.find((m) => m.criterion === 'language' && m.start <= at && at < m.end);
    assert.ok(hit, `no underline over “${phrase}”`);
    assert.ok(hit.boxes.length > 0, `“${phrase}” has no box`);
    // Words scrolled out of the editor's view are clipped; those in view are checked.
    if (hit.boxes[0].y + hit.boxes[0].h > area.y + area.height) continue;
    seen += 1;
    for (const b of hit.boxes) {
      assert.ok(b.x >= area.x - 1 && b.x + b.w <= area.x + area.width + 1 && b.y >= area.y - 1 && b.y + b.h <= area.y + area.height + 1,
        `“${phrase}” box is outside the editor`);
    }
    const b = hit.boxes[0];
    const under = await target.evaluate(wordsAt.toString().replace(/^function wordsAt/, '(function') + ')(document, ' + (b.x + b.w / 2 - origin.x) + ', ' + (b.y + b.h / 2 - origin.y) + ')');
    assert.ok(under, `nothing under the box of “${phrase}”`);
    const i = under.data.indexOf(phrase);
    assert.ok(i >= 0 && under.offset >= i && under.offset <= i + phrase.length, `the box of “${phrase}” is over “${under.data.slice(under.offset - 5, under.offset + 5)}”`);
  }
  assert.ok(seen >= 3, `only ${seen} loaded phrases were in view to check`);
}

test('variant 2: a contenteditable editor gets underlines over each loaded phrase, and the count', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new?variant=rich'));
  const editor = await typeRich(page, false, bad);
  const readText = await editor.evaluate((e) => e.innerText);
  await assertOverWords(page, false, readText);
  await page.locator(`[data-cpoms-check="summary"] [data-count="${notMet({ text: bad, available_categories: ['Safeguarding', 'Behaviour', 'Medical'] }).length}"]`).waitFor();
  await page.close();
});

test('variant 2: token pickers, text date and time fields are read; field notes come and go', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new?variant=rich'));
  await typeRich(page, false, good);
  const dateNote = page.locator('[data-cpoms-check="field-note"][data-field="incident_at"]');
  await dateNote.waitFor();
  assert.equal(await dateNote.evaluate((n) => n.previousElementSibling?.id), 'incident_date', 'the note sits right after the date field');
  assert.match(await dateNote.locator('[data-rule]').first().textContent(), /date/i);
  await page.locator('[data-cpoms-check="field-note"][data-field="students"] [data-rule="tagging.untagged"]').waitFor();

  await page.locator('#student_search').pressSequentially('Der');
  await page.getByRole('option', { name: 'Derek Smith' }).click();
  await page.getByLabel('Behaviour').check();
  await page.locator('#incident_date').fill('07/12/2023');
  await page.locator('#incident_time').fill('09:30');
  // The date is now there: the missing-date note goes; the one left says how late this is recorded.
  await dateNote.locator('[data-rule="datetime.missing"]').waitFor({ state: 'detached' });
  assert.match(await dateNote.locator('[data-rule]').first().getAttribute('data-rule'), /^timely\./);
  await page.locator('[data-cpoms-check="field-note"][data-field="students"]').waitFor({ state: 'detached' });
  const expected = notMet({ text: good, incident_at: '2023-12-07T09:30', students: ['Derek Smith'], categories: ['Behaviour'], available_categories: ['Safeguarding', 'Behaviour', 'Medical'] });
  assert.deepEqual(expected, ['timely']);
  await page.locator(`[data-cpoms-check="summary"] [data-count="${expected.length}"]`).waitFor();
  await page.close();
});

test('variant 2: Apply replaces the words in the rich editor and Ctrl+Z undoes it', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new?variant=rich'));
  const editor = await typeRich(page, false, bad);
  const phrase = 'really frightened';
  const before = await editor.evaluate((e) => e.innerText);
  const mark = page.locator(`[data-cpoms-check="overlay"] [data-start="${before.indexOf(phrase)}"]`);
  await mark.waitFor();
  const box = await mark.evaluate((e) => { const r = e.children[0].getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.move(box.x, box.y);
  await page.locator('[data-cpoms-check-card] [data-action="apply"]').click();
  assert.equal(await editor.evaluate((e) => e.innerText), before.replace(phrase, 'frightened'));
  await page.keyboard.press('Control+z');
  assert.equal(await editor.evaluate((e) => e.innerText), before, 'undo restores the words');
  await page.close();
});

/** Fills variant 2 or 3 identically with or without the extension and submits through the checklist if there is one. */
async function fillAndSubmit(page, variant) {
  await page.goto(replica.url(`/incidents/new?variant=${variant}`));
  await typeRich(page, variant === 'frame', good);
  if (variant === 'rich') {
    await page.locator('#student_search').pressSequentially('Der');
    await page.getByRole('option', { name: 'Derek Smith' }).click();
    await page.locator('#incident_date').fill('07/12/2023');
    await page.locator('#incident_time').fill('09:30');
  } else {
    await page.locator('#incident_student_ids').selectOption('101');
    await page.locator('#incident_date').fill('2023-12-07');
    await page.locator('#incident_time').fill('09:30');
  }
  await page.getByLabel('Behaviour').check();
  await page.getByRole('button', { name: 'Add Incident' }).click();
}

for (const variant of ['rich', 'frame']) {
  test(`variant ${variant === 'rich' ? 2 : 3}: the checklist's Submit posts exactly what the page posts without the extension`, async () => {
    const page = await context.newPage();
    await fillAndSubmit(page, variant);
    await page.locator('[data-cpoms-check="checklist"] [role="dialog"]').waitFor();
    const rows = await page.locator('[data-cpoms-check="checklist"] [data-status="not_met"]').evaluateAll((els) => els.map((e) => e.dataset.criterion));
    assert.deepEqual(rows, ['timely'], 'the good example, tagged, dated and categorised: only timeliness is open');
    await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
    await page.getByText('Incident saved').waitFor();
    const withExtension = replica.received.at(-1);
    await page.close();
    await withoutExtension(async (p) => {
      await fillAndSubmit(p, variant);
      await p.getByText('Incident saved').waitFor();
    });
    const without = replica.received.at(-1);
    assert.notEqual(withExtension, without);
    assert.ok(withExtension.body.equals(without.body), `bodies differ:\n${withExtension.body}\n${without.body}`);
    assert.match(without.body.toString(), /incident%5Bdescription%5D=.*Derek/);
  });
}

test('variant 3: an editor in an iframe gets underlines over its words, drawn once, by the page around it', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new?variant=frame'));
  const body = await typeRich(page, true, bad);
  const readText = await body.evaluate((b) => b.innerText);
  await assertOverWords(page, true, readText);
  assert.equal(await page.locator('[data-cpoms-check="overlay"]').count(), 1);
  const inFrame = await page.frames().find((f) => f.url().endsWith('/frames/editor.html')).evaluate(() => document.querySelectorAll('[data-cpoms-check]').length);
  assert.equal(inFrame, 0, 'nothing is added inside the editor frame');
  await page.close();
});
