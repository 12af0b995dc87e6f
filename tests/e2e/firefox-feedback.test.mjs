// Calm, clear feedback in Firefox ESR (selenium-webdriver and geckodriver) with the packaged
// extension on the textarea replica, measured as feedback.test.mjs does in Chromium, at
// 1366×768 and 1280×720 inside the window: the card opens over a word in the first line and
// in the last, fully inside the window and off the form's submit control; Escape and a click
// outside close it; the guidance's bad example gives a checklist no taller than the window
// with no point repeated; a good entry gives the compact "every criterion is met" state.
// Screenshots go to docs/screenshots/ (-firefox). Needs ./build.sh, firefox-esr and
// geckodriver; run: node --test tests/e2e/firefox-feedback.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';
import {
  bad, good, shots, sizes, firstLine, lastLine, inOverlay, inside, overlap, scrollToLastLine, checklistRows, dialogBox,
  checkBadRows, CRITERIA_ROWS, COMPACT_OPEN, goodForm,
} from './feedback-cases.mjs';

let replica;
let driver;

before(async () => {
  replica = await startReplica();
  driver = await launchFirefox({ extension: true });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await driver?.quit();
  await replica?.close();
});

const run = (code, ...args) => driver.executeScript(`return ${code};`, ...args);
const mark = (selector) => `document.querySelector('[data-cpoms-check="overlay"]')?.shadowRoot.querySelector('${inOverlay(selector)}')`;
const rect = (el) => `(() => { const e = ${el}; const r = e && (e.getClientRects()[0] ?? null); return r && { x: r.x, y: r.y, w: r.width, h: r.height }; })()`;
const submitBox = () => run(rect("document.querySelector('input[type=submit]')"));
/** The card's box while it shows, or null. */
const cardBox = () => run(`(() => {
  const h = document.querySelector('[data-cpoms-check="card"]');
  if (!h || getComputedStyle(h).display === 'none') return null;
  return ${rect("h.shadowRoot.querySelector('[data-cpoms-check-card]')")};
})()`);
const shot = async (name) => writeFileSync(join(shots, `${name}-firefox.png`), await driver.takeScreenshot(), 'base64');

/**
 * Makes the window's inner size (what the page lays out in) `size`: Selenium sets the outer
 * window, so the difference the browser's frame makes is added back.
 */
async function setViewport({ width, height }) {
  await driver.manage().window().setRect({ width, height });
  const [w, h] = await run('[innerWidth, innerHeight]');
  if (w !== width || h !== height) await driver.manage().window().setRect({ width: 2 * width - w, height: 2 * height - h });
  assert.deepEqual(await run('[innerWidth, innerHeight]'), [width, height], 'the window is the size measured in');
}

/** The replica at `size` with `text` in the entry (an input event, as typing gives), checked. */
async function open(size, text) {
  await driver.get(replica.url('/incidents/new'));
  await setViewport(size);
  await driver.wait(() => run("!!document.querySelector('[data-cpoms-check=\"summary\"]')"), 10000);
  await driver.executeScript(
    "const t = document.querySelector('#incident_description'); t.focus(); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));", text);
  await driver.wait(() => run(`!!${mark('[data-cpoms-check="overlay"] [data-rule]')}`), 10000, 'the entry is checked');
}

/** Moves the pointer over the first line box of the underline `selector` and waits for its card. */
async function hover(selector) {
  const b = await run(rect(mark(selector)));
  assert.ok(b, `${selector} is drawn`);
  // From the window's corner: a pointer already over the words would not move, and a card opens on a move.
  await driver.actions().move({ x: 1, y: 1 }).move({ x: Math.round(b.x + b.w / 2), y: Math.round(b.y + b.h / 2) }).perform();
  await driver.wait(cardBox, 5000, `the card opens over ${selector} at ${JSON.stringify(b)}`);
}
const closed = (why) => driver.wait(async () => (await cardBox()) === null, 5000, why);

for (const size of sizes) {
  const at = `${size.width}×${size.height}`;

  test(`Firefox, ${at}: the card is inside the window for a word in the first line and in the last, never over Submit; Escape and a click outside close it`, async () => {
    await open(size, bad);
    const submit = await submitBox();
    await hover(firstLine);
    const first = await cardBox();
    assert.ok(inside(first, size), `card ${JSON.stringify(first)} inside ${at}`);
    assert.ok(!overlap(first, submit), 'the card leaves the submit control clear');
    const card = "document.querySelector('[data-cpoms-check=\"card\"]').shadowRoot.querySelector('[data-cpoms-check-card]')";
    assert.match(await run(`${card}.innerText`), /^Logged promptly/, 'a plain title, not an internal id');
    assert.equal(await run(`${card}.querySelector('details').open`), false, 'the guidance is folded away');
    if (size.width === 1366) await shot('card-first-line');
    // Escape with the focus outside the editor closes it.
    await run('document.activeElement?.blur()');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await closed('Escape closes the card');
    // So does a click outside it, on an empty part of the page.
    await hover(firstLine);
    await driver.actions().move({ x: size.width - 40, y: 20 }).click().perform();
    await closed('a click outside closes the card');

    // The last line, scrolled to the bottom of the window: the card opens above the words.
    await driver.executeScript(scrollToLastLine, size.height);
    await driver.wait(() => run(rect(mark(lastLine))), 2000, 'the overlay follows the scroll');
    await hover(lastLine);
    const lower = await cardBox();
    const words = await run(rect(mark(lastLine)));
    assert.ok(inside(lower, size), `card ${JSON.stringify(lower)} inside ${at}`);
    assert.ok(!overlap(lower, words), 'the card does not cover its own words');
    assert.ok(!overlap(lower, await submitBox()), 'nor the submit control');
    if (size.width === 1366) await shot('card-last-line');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await closed('Escape closes it again');
  });

  test(`Firefox, ${at}: the bad example's checklist fits the window, each point once, each a link to its words`, async () => {
    await open(size, bad);
    const posted = replica.received.length;
    await driver.findElement(By.css('input[type=submit]')).click();
    await driver.wait(() => driver.executeScript(dialogBox), 10000, 'the checklist opens');
    await driver.sleep(300); // past the dialog's rise (its box is measured as shown)
    const d = await driver.executeScript(dialogBox);
    assert.ok(d.h <= size.height, `the dialog is ${d.h}px high in a ${size.height}px window`);
    assert.ok(d.fits, 'and needs no scrolling');
    checkBadRows(await driver.executeScript(checklistRows));
    if (size.width === 1366) await shot('checklist-bad');
    // A point's link goes to its words: the checklist closes, the words are selected.
    const link = "document.querySelector('[data-cpoms-check=\"checklist\"]').shadowRoot.querySelector('[data-criterion=\"language\"] [data-action=\"goto\"]')";
    const [start, end] = (await run(`[${link}.dataset.start, ${link}.dataset.end]`)).map(Number);
    const b = await run(rect(link));
    await driver.actions().move({ x: Math.round(b.x + b.w / 2), y: Math.round(b.y + b.h / 2) }).click().perform();
    await driver.wait(() => run("!document.querySelector('[data-cpoms-check=\"checklist\"]')"), 5000, 'the checklist closes');
    assert.deepEqual(await run("[document.querySelector('#incident_description').selectionStart, document.querySelector('#incident_description').selectionEnd]"), [start, end]);
    assert.equal(replica.received.length, posted, 'nothing was sent');
  });
}

// Last: it saves a setting in this browser's profile.
test('Firefox: a good entry recorded on time gives the compact "every criterion is met" state, with every row still in the dialog', async () => {
  await open(sizes[0], good);
  // The replica's date is in the past: timeliness is left out, through the options page
  // (opened from the list of points, as a person would).
  const page = await driver.getWindowHandle();
  const handles = await driver.getAllWindowHandles();
  await driver.wait(() => run("!!document.querySelector('[data-cpoms-check=\"summary\"]').shadowRoot.querySelector('button')"), 5000);
  await run("document.querySelector('[data-cpoms-check=\"summary\"]').shadowRoot.querySelector('button').click()");
  await driver.wait(() => run("!!document.querySelector('[data-cpoms-check=\"checklist\"]')?.shadowRoot.querySelector('[data-action=settings]')"), 5000);
  await run("document.querySelector('[data-cpoms-check=\"checklist\"]').shadowRoot.querySelector('[data-action=settings]').click()");
  await driver.wait(async () => (await driver.getAllWindowHandles()).length > handles.length, 10000, 'the options page opens');
  const [options] = (await driver.getAllWindowHandles()).filter((h) => !handles.includes(h));
  await driver.switchTo().window(options);
  await driver.wait(() => run("document.body?.dataset.ready === 'true'"), 10000);
  await run("document.querySelector('[data-criterion=\"timely\"]').click(), document.querySelector('form').requestSubmit()");
  await driver.wait(async () => /^Saved/.test(await run("document.querySelector('#status').textContent")), 5000, 'the setting is saved');
  await driver.close();
  await driver.switchTo().window(page);

  await open(sizes[0], good);
  await driver.executeScript(`
    const [student, date, time] = ['#incident_student_ids', '#incident_date', '#incident_time'].map((s) => document.querySelector(s));
    const category = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === arguments[1]).querySelector('input');
    for (const o of student.options) o.selected = o.value === arguments[0];
    category.checked = true;
    date.value = arguments[2];
    time.value = arguments[3];
    for (const el of [student, category, date, time]) for (const type of ['input', 'change']) el.dispatchEvent(new Event(type, { bubbles: true }));`, goodForm.student, goodForm.category, goodForm.date, goodForm.time);
  await driver.wait(() => run("!!document.querySelector('[data-cpoms-check=\"summary\"]').shadowRoot.querySelector('[data-count=\"0\"]')"), 10000, 'nothing left to look at');
  await driver.findElement(By.css('input[type=submit]')).click();
  await driver.wait(() => driver.executeScript(dialogBox), 10000, 'the checklist opens');
  await driver.sleep(300); // past the dialog's rise
  const d = await driver.executeScript(dialogBox);
  assert.match(d.title, /every criterion is met/);
  const rows = await driver.executeScript(checklistRows);
  assert.equal(rows.length, CRITERIA_ROWS);
  assert.deepEqual(rows.filter((r) => r.visible).map((r) => r.criterion), COMPACT_OPEN, 'only the proof-read confirmation is open');
  assert.ok(d.h < 400, `compact: ${d.h}px`);
  await shot('checklist-compact');
});
