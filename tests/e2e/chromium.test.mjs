// The packaged extension (dist/chrome, unchanged) in Debian's Chromium on the replica page:
// underlines appear over the flagged words, inside the field, and the summary counts the
// criteria not met. Needs ./build.sh and chromium; run: node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { serviceWorker, withExtension, withoutExtension } from './chromium.mjs';
import { engine } from './engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const extension = join(root, 'dist', 'chrome');
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;

let replica;
let context;
let profile;

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-chromium-'));
  context = await withExtension(profile, extension);
});

after(async () => {
  await context?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** UTF-16 spans of every occurrence of `phrase` in `text`. */
function spans(text, phrase) {
  const out = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) out.push([i, i + phrase.length]);
  return out;
}

test('typing the bad example underlines each loaded phrase over its words, inside the field', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  await field.fill(bad);
  const marks = page.locator('[data-cpoms-check="overlay"] [data-rule]');
  await marks.first().waitFor();
  // The field notes above may have pushed the field below the fold: bring it into view, and
  // the underlines follow it.
  await field.evaluate((t) => t.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-cpoms-check="overlay"]').getBoundingClientRect();
    return Math.abs(host.top - document.querySelector('#incident_description').getBoundingClientRect().top) < 1;
  });
  const found = await marks.evaluateAll((els) =>
    els.map((e) => ({ rule: e.dataset.rule, criterion: e.dataset.criterion, start: +e.dataset.start, end: +e.dataset.end, boxes: [...e.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })) })));
  const value = await field.inputValue();
  const box = await field.boundingBox();
  for (const phrase of ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild', '!']) {
    const hit = found.find((f) => f.criterion === 'language' && spans(value, phrase).some(([s, e]) => f.start < e && s < f.end));
    assert.ok(hit, `no underline over “${phrase}”`);
    assert.ok(hit.boxes.length > 0, `“${phrase}” has no box`);
    for (const b of hit.boxes) {
      assert.ok(b.x >= box.x - 1 && b.x + b.w <= box.x + box.width + 1, `“${phrase}” box is outside the field horizontally`);
      assert.ok(b.y >= box.y - 1 && b.y + b.h <= box.y + box.height + 1, `“${phrase}” box is outside the field vertically`);
    }
    // Over the right words: a click in the middle of the first box puts the field's caret
    // inside the finding (the overlay lets clicks through to the field).
    const b = hit.boxes[0];
    await page.keyboard.press('Escape'); // closes the card the last click opened
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    const caret = await field.evaluate((t) => t.selectionStart);
    assert.ok(caret >= hit.start && caret <= hit.end, `click on “${phrase}” put the caret at ${caret}, not in ${hit.start}–${hit.end}`);
  }
  // The underline's text is the field's text at its offsets.
  for (const f of found) {
    const text = await page.locator(`[data-cpoms-check="overlay"] [data-start="${f.start}"]`).first().textContent();
    assert.equal(text, value.slice(f.start, f.end));
  }
  const count = await page.locator('[data-cpoms-check="summary"] [data-count]').getAttribute('data-count');
  const expected = engine.check({ text: value }).checklist.filter((r) => r.status === 'not_met').length;
  assert.equal(Number(count), expected);
  mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'underlines-chromium.png') });
  await page.close();
});

test('the dictionary comes from the extension\'s package, once per page, not per check: misspelt words are underlined', async () => {
  const fetched = [];
  const count = (r) => { if (r.url().endsWith('/dictionary.bin.gz')) fetched.push(r.url()); };
  context.on('request', count);
  try {
    for (const text of ['Derek recieved a warning at break.', 'Mia was hapy at lunch untill the bell.']) {
      const page = await context.newPage();
      await page.goto(replica.url('/incidents/new'));
      const field = page.locator('#incident_description');
      await field.fill(text);
      const spelling = page.locator('[data-cpoms-check="overlay"] [data-rule="proofread.spelling"]');
      await spelling.first().waitFor({ state: 'attached' });
      await field.pressSequentially(' Then more.', { delay: 20 }); // more checks, no more fetches
      await page.waitForTimeout(300);
      assert.ok(await spelling.count() >= 1);
      await page.close();
    }
    assert.ok(fetched.length <= 2, `fetched ${fetched.length} times for two pages: ${fetched.join(', ')}`);
  } finally {
    context.off('request', count);
  }
});

test('the page and its form are untouched: only marked hosts are added', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.locator('#incident_description').fill('Derek was kicking off.');
  await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
  const added = await page.evaluate(() => [...document.body.children].filter((e) => e.tagName !== 'MAIN').map((e) => e.getAttribute('data-cpoms-check')));
  assert.deepEqual(added.sort(), ['card', 'overlay', 'summary']);
  assert.equal(await page.locator('#incident_description').inputValue(), 'Derek was kicking off.');
  await page.close();
});

test('the form fields are read: tagged pupils, categories and the incident date count', async () => {
  const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8'));
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.locator('#incident_description').fill(good.text);
  await page.locator('[data-cpoms-check="summary"] [data-count]').waitFor();
  // Before the fields: Derek is named but not tagged, and no category is chosen.
  await page.locator('[data-cpoms-check="overlay"] [data-rule="tagging.untagged"]').waitFor();
  await page.locator('#incident_student_ids').selectOption('101');
  await page.getByLabel('Behaviour').check();
  await page.locator('#incident_date').fill('2023-12-07');
  await page.locator('#incident_time').fill('09:30');
  await page.locator('[data-cpoms-check="overlay"] [data-rule="tagging.untagged"]').waitFor({ state: 'detached' });
  const entry = {
    text: good.text, incident_at: '2023-12-07T09:30', students: ['Derek Smith'], categories: ['Behaviour'],
    available_categories: ['Safeguarding', 'Behaviour', 'Medical'], pupils: ['Derek Smith', 'Amira Khan'],
  };
  const expected = engine.check(entry).checklist.filter((r) => r.status === 'not_met').map((r) => r.criterion);
  assert.deepEqual(expected, ['timely'], 'recorded years after 2023: only timeliness is open');
  await page.locator(`[data-cpoms-check="summary"] [data-count="${expected.length}"]`).waitFor();
  await page.close();
});

/** Fills the replica form the same way with or without the extension. */
async function fillGood(page) {
  const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8'));
  await page.goto(replica.url('/incidents/new'));
  await page.locator('#incident_description').fill(good.text);
  await page.locator('#incident_student_ids').selectOption('101');
  await page.getByLabel('Behaviour').check();
  await page.locator('#incident_date').fill('2023-12-07');
  await page.locator('#incident_time').fill('09:30');
  return good;
}

test('submit opens the checklist; its Submit posts exactly what the page posts without the extension', async () => {
  const page = await context.newPage();
  const good = await fillGood(page);
  await page.getByRole('button', { name: 'Add Incident' }).click();
  const dialog = page.locator('[data-cpoms-check="checklist"] [role="dialog"]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  assert.equal(replica.received.length, 0, 'nothing is sent before the person chooses');
  const rows = await page.locator('[data-cpoms-check="checklist"] [data-criterion][data-status]').evaluateAll((els) =>
    els.map((e) => [e.dataset.criterion, e.dataset.status]));
  const entry = {
    text: good.text, incident_at: '2023-12-07T09:30', students: ['Derek Smith'], categories: ['Behaviour'],
    available_categories: ['Safeguarding', 'Behaviour', 'Medical'], pupils: ['Derek Smith', 'Amira Khan'],
  };
  // What needs a look comes first in the dialog: compared row by row, in the engine's order.
  const byCriterion = (list) => [...list].sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(byCriterion(rows), byCriterion(engine.check(entry).checklist.map((r) => [r.criterion, r.status])));
  const focused = await page.evaluate(() => document.querySelector('[data-cpoms-check="checklist"]').shadowRoot.activeElement?.dataset.action);
  assert.equal(focused, 'submit', 'Submit has the focus: one key press submits');
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'checklist-chromium.png') });
  await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
  await page.getByText('Incident saved').waitFor();
  const withExtension = replica.received.at(-1);
  await page.close();

  // The same form filled in a browser without the extension.
  await withoutExtension(async (p) => {
    await fillGood(p);
    await p.getByRole('button', { name: 'Add Incident' }).click();
    await p.getByText('Incident saved').waitFor();
  });
  const without = replica.received.at(-1);
  assert.equal(replica.received.length, 2);
  assert.equal(withExtension.contentType, without.contentType);
  assert.ok(withExtension.body.equals(without.body), `bodies differ:\n${withExtension.body}\n${without.body}`);
  assert.match(withExtension.body.toString(), /commit=Add\+Incident/, 'the submit button is part of the submission');
});

test('Escape returns to the form, at the first problem, and sends nothing', async () => {
  const before = replica.received.length;
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.locator('#incident_description').fill(bad);
  // Once the checker has read the entry (a person takes longer than that to reach Submit;
  // before it has started, a submission passes as without the extension).
  await page.locator('[data-cpoms-check="summary"] [data-count]').waitFor();
  await page.getByRole('button', { name: 'Add Incident' }).click();
  await page.locator('[data-cpoms-check="checklist"] [role="dialog"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-cpoms-check="checklist"]').waitFor({ state: 'detached' });
  const [focusedId, start] = await page.evaluate(() => [document.activeElement?.id, document.activeElement?.selectionStart]);
  assert.equal(focusedId, 'incident_description');
  assert.ok(start >= 0);
  assert.equal(replica.received.length, before);
  await page.close();
});

test('a page whose CSP refuses WebAssembly still gets the summary and the checklist (background engine)', async () => {
  const before = replica.received.length;
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(replica.url('/incidents/new?csp=1'));
  await page.locator('#incident_description').fill(bad);
  const expected = engine.check({ text: bad }).checklist.filter((r) => r.status === 'not_met').length;
  await page.locator(`[data-cpoms-check="summary"] [data-count="${expected}"]`).waitFor();
  assert.equal(await page.locator('[data-cpoms-check="overlay"]').count(), 0, 'the fallback draws no underlines');
  await page.getByRole('button', { name: 'Add Incident' }).click();
  await page.locator('[data-cpoms-check="checklist"] [role="dialog"]').waitFor();
  assert.equal(await page.locator('[data-cpoms-check="checklist"] [data-criterion]').count(), 12);
  await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
  await page.getByText('Incident saved').waitFor();
  assert.equal(replica.received.length, before + 1);
  assert.match(replica.received.at(-1).body.toString(), /incident%5Bdescription%5D=Last\+week\+Derek/);
  assert.deepEqual(errors, [], 'the page itself raised no error');
  await page.close();
});

test('with a broken WebAssembly file the page works exactly as without the extension', async () => {
  const broken = mkdtempSync(join(tmpdir(), 'cpoms-broken-'));
  cpSync(extension, broken, { recursive: true });
  writeFileSync(join(broken, 'pkg', 'cpoms_check_bg.wasm'), Buffer.from('this is not WebAssembly'));
  const dir = mkdtempSync(join(tmpdir(), 'cpoms-chromium-'));
  const ctx = await withExtension(dir, broken);
  try {
    const before = replica.received.length;
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(replica.url('/incidents/new'));
    await page.locator('#incident_description').fill('Derek was kicking off!');
    await page.waitForTimeout(800); // longer than the checker's pause before checking
    assert.equal(await page.locator('[data-cpoms-check]').count(), 0, 'nothing is added to the page');
    await page.getByRole('button', { name: 'Add Incident' }).click();
    await page.getByText('Incident saved').waitFor();
    assert.equal(replica.received.length, before + 1, 'the form submits at once, as without the extension');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(broken, { recursive: true, force: true });
  }
});

test('without its dictionary file the extension still checks everything but spelling', async () => {
  const bare = mkdtempSync(join(tmpdir(), 'cpoms-nodict-'));
  cpSync(extension, bare, { recursive: true });
  rmSync(join(bare, 'dictionary.bin.gz'));
  const dir = mkdtempSync(join(tmpdir(), 'cpoms-chromium-'));
  const ctx = await withExtension(dir, bare);
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(replica.url('/incidents/new'));
    await page.locator('#incident_description').fill('Derek recieved a warning. He was kicking off!');
    const marks = page.locator('[data-cpoms-check="overlay"] [data-rule]');
    await marks.first().waitFor({ state: 'attached' });
    const rules = await marks.evaluateAll((els) => els.map((e) => e.dataset.rule));
    assert.ok(rules.includes('language.emotive'), rules.join());
    assert.ok(!rules.includes('proofread.spelling'), rules.join());
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  }
});

test('hovering an underline opens its card; Apply replaces the words and Ctrl+Z undoes it; Dismiss hides it', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  await field.fill(bad);
  const phrase = 'really frightened';
  const at = bad.indexOf(phrase);
  const mark = page.locator(`[data-cpoms-check="overlay"] [data-start="${at}"]`);
  await mark.waitFor();
  const box = (await mark.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.x, y: r.y, w: r.width, h: r.height }; }));
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  const card = page.locator('[data-cpoms-check-card]');
  await card.waitFor();
  const text = await card.textContent();
  assert.match(text, /intensifier/);
  assert.match(text, /Guidance: “appropriate and professional language/);
  await card.locator('[data-action="apply"]').click();
  assert.equal(await field.inputValue(), bad.replace(phrase, 'frightened'));
  await field.press('Control+z');
  assert.equal(await field.inputValue(), bad, 'undo restores the words');

  // Dismiss: the underline goes for this page's life.
  const kicking = bad.indexOf('kicking off');
  const k = page.locator(`[data-cpoms-check="overlay"] [data-rule="language.emotive"][data-start="${kicking}"]`);
  await k.waitFor();
  const kb = await k.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  await page.mouse.move(kb.x + kb.w / 2, kb.y + kb.h / 2);
  await page.locator('[data-cpoms-check-card] [data-action="dismiss"]').click();
  await k.waitFor({ state: 'detached' });
  await page.close();
});

test('an editor created after the page loads is found and checked', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new?variant=late'));
  const field = page.locator('#incident_description');
  await field.waitFor();
  await field.fill('Derek was kicking off!');
  await page.locator('[data-cpoms-check="overlay"] [data-rule="language.emotive"]').waitFor();
  await page.close();
});

test("settings in the extension's storage apply on the page: the school's editor selector and an extra phrase", async () => {
  const worker = await serviceWorker(context);
  try {
    // Without settings: the larger notes box is taken for the entry.
    let page = await context.newPage();
    await page.goto(replica.url('/incidents/new?variant=odd'));
    await page.locator('#record_text').fill('Derek had a wobble in the lunch queue.');
    await page.locator('#record_staff_notes').fill('Derek was kicking off.');
    await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
    const over = await page.locator('[data-cpoms-check="overlay"]').boundingBox();
    assert.equal(Math.round(over.height), Math.round((await page.locator('#record_staff_notes').boundingBox()).height));
    await page.close();

    await worker.evaluate(() => chrome.storage.local.set({ policy: {
      selectors: { editor: 'textarea[name="record[text]"]' },
      extra_phrases: [{ phrase: 'had a wobble', replacement: 'shouted and threw his tray' }],
    } }));
    page = await context.newPage();
    await page.goto(replica.url('/incidents/new?variant=odd'));
    await page.locator('#record_text').fill('Derek had a wobble in the lunch queue.');
    const mark = page.locator('[data-cpoms-check="overlay"] [data-rule="language.emotive"]');
    await mark.waitFor();
    assert.equal(await mark.textContent(), 'had a wobble');
    const box = await page.locator('[data-cpoms-check="overlay"]').boundingBox();
    const field = await page.locator('#record_text').boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height].map(Math.round), [field.x, field.y, field.width, field.height].map(Math.round));
    await page.close();

    // An unusable setting never stops the checks: the guidance's defaults apply.
    await worker.evaluate(() => chrome.storage.local.set({ policy: { timeliness_hours: 'soon' } }));
    page = await context.newPage();
    await page.goto(replica.url('/incidents/new'));
    await page.locator('#incident_description').fill('Derek was kicking off.');
    await page.locator('[data-cpoms-check="overlay"] [data-rule="language.emotive"]').waitFor();
    await page.close();
  } finally {
    await worker.evaluate(() => chrome.storage.local.clear());
  }
});

test('no checking while the editor is off screen; the check due runs when it comes back', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  await field.fill('Derek was kicking off.');
  const mark = page.locator('[data-cpoms-check="overlay"] [data-rule="language.emotive"]');
  await mark.waitFor();
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.append(spacer);
    window.scrollTo(0, 3500);
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await field.evaluate((t) => { t.value = 'Derek was absolutely wild.'; t.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForTimeout(600); // several times the pause before a check
  assert.equal(await mark.textContent(), 'kicking off', 'no check ran while the field was off screen');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('[data-cpoms-check="overlay"] [data-rule="language.emotive"]', { hasText: 'absolutely wild' }).waitFor();
  await page.close();
});

test('the summary chip opens the list of points to read; Escape closes it and nothing is submitted', async () => {
  const before = replica.received.length;
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  await page.locator('#incident_description').fill(bad);
  const chip = page.locator('[data-cpoms-check="summary"] button[data-count]');
  await chip.waitFor();
  await chip.click();
  const dialog = page.locator('[data-cpoms-check="checklist"] [role="dialog"]');
  await dialog.waitFor();
  assert.equal(await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').count(), 0);
  assert.equal(await page.locator('[data-cpoms-check="checklist"] [data-criterion="language"]').getAttribute('data-status'), 'not_met');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const focused = await page.evaluate(() => document.querySelector('[data-cpoms-check="summary"]').shadowRoot.activeElement?.tagName);
  assert.equal(focused, 'BUTTON', 'focus returns to the chip');
  assert.equal(replica.received.length, before);
  // The list's Settings opens the extension's options page.
  await chip.click();
  const [options] = await Promise.all([context.waitForEvent('page'), page.locator('[data-cpoms-check="checklist"] [data-action="settings"]').click()]);
  await options.waitForLoadState();
  assert.match(options.url(), /^chrome-extension:\/\/[a-p]{32}\/options\.html$/);
  await options.close();
  await page.close();
});

test('by keyboard alone: the caret in an underline opens its card, Alt+Enter reaches it, Enter applies, Escape returns', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  await field.fill('Derek was really frightened in class.');
  const at = 'Derek was really frightened in class.'.indexOf('really frightened');
  await page.locator(`[data-cpoms-check="overlay"] [data-start="${at}"]`).waitFor();
  await field.evaluate((t, i) => t.setSelectionRange(i, i), at + 3);
  await page.keyboard.press('ArrowRight'); // a key press moves the caret, as a person would
  await page.locator('[data-cpoms-check-card] [data-action="apply"]').waitFor();
  const said = await page.evaluate(() => document.querySelector('[data-cpoms-check="summary"]').shadowRoot.querySelector('[role=status]').textContent);
  assert.match(said, /language/i, 'a screen reader hears which point the caret is in');
  await page.keyboard.press('Alt+Enter');
  const focused = await page.evaluate(() => document.querySelector('[data-cpoms-check="card"]').shadowRoot.activeElement?.dataset.action);
  assert.equal(focused, 'apply');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'incident_description', 'Escape puts the person back in the field');
  assert.equal(await field.inputValue(), 'Derek was really frightened in class.', 'nothing changed');
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-cpoms-check-card] [data-action="apply"]').waitFor();
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  assert.doesNotMatch(await field.inputValue(), /really frightened/, 'Enter on Apply replaced the words');
  await page.close();
});

test('underlines stay over their words when the field scrolls and when it is resized (rewrapping)', async () => {
  const page = await context.newPage();
  await page.goto(replica.url('/incidents/new'));
  const field = page.locator('#incident_description');
  const text = `${bad}\n\n${bad}\n\nDerek was absolutely wild at lunch.`;
  await field.fill(text);
  const phrase = 'absolutely wild at lunch'.slice(0, 15); // "absolutely wild", last occurrence
  const at = text.lastIndexOf(phrase);
  // The finding may take in the words around the phrase ("was absolutely wild"): found by its end.
  const mark = page.locator(`[data-cpoms-check="overlay"] [data-end="${at + phrase.length}"]`);
  await mark.waitFor({ state: 'attached' });
  // After the check: its field notes above the entry move it down the page.
  await field.evaluate((t) => t.scrollIntoView({ block: 'center' }));
  /** Clicks the middle of the mark's first box and says whether the caret landed in its words. */
  const clickLands = async () => {
    await page.keyboard.press('Escape'); // closing the last card can shorten the page and scroll it
    // ...and the overlay follows that in the next frame: measure after it.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await followed();
    const b = await mark.evaluate((e) => { const r = e.getClientRects()[0]; return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
    await page.mouse.click(b.x, b.y);
    const caret = await field.evaluate((t) => t.selectionStart);
    return caret >= at && caret <= at + phrase.length;
  };
  /** Waits until the underline is drawn inside the field's box (the overlay has followed). */
  const followed = () => page.waitForFunction((start) => {
    const m = document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.querySelector(`[data-end="${start}"]`);
    const f = document.querySelector('#incident_description').getBoundingClientRect();
    const r = m.getClientRects()[0];
    return r.top >= f.top && r.bottom <= f.bottom;
  }, at + phrase.length, { timeout: 5000 });
  // Scrolled to the end inside the field: the last lines' underlines follow.
  await field.evaluate((t) => { t.scrollTop = t.scrollHeight; });
  await followed();
  assert.ok(await clickLands(), 'after scrolling inside the field');
  // Narrower: the text rewraps, and so do the underlines.
  await field.evaluate((t) => { t.style.width = '380px'; t.scrollTop = t.scrollHeight; });
  await page.waitForFunction(() => Math.abs(document.querySelector('[data-cpoms-check="overlay"]').getBoundingClientRect().width
    - document.querySelector('#incident_description').getBoundingClientRect().width) < 1);
  await followed();
  assert.ok(await clickLands(), 'after the field was narrowed');
  // The window resized: still over the words.
  await page.setViewportSize({ width: 700, height: 600 });
  await field.evaluate((t) => { t.scrollIntoView({ block: 'center' }); t.scrollTop = t.scrollHeight; });
  await followed();
  assert.ok(await clickLands(), 'after the window was resized');
  await page.close();
});
