// What the feedback tests measure, whatever the browser (feedback.test.mjs in Chromium,
// firefox-feedback.test.mjs in Firefox): the window sizes, the entries, the words to hover,
// page-side functions (self-contained, so Playwright's evaluate and Selenium's executeScript
// both take them) and the checks on what they return.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8')).text;
export const bad = fixture('guidance-bad.json');
export const good = fixture('guidance-good.json');
export const shots = join(root, 'docs', 'screenshots');
export const sizes = [{ width: 1366, height: 768 }, { width: 1280, height: 720 }];

/** The underline in the first line ("Last week" starts the entry) and one in the last. */
export const firstLine = '[data-cpoms-check="overlay"] [data-rule="timely.vague_when"]';
const lastPhrase = 'was absolutely wild';
export const lastLine = `[data-cpoms-check="overlay"] [data-rule="language.emotive"][data-start="${bad.indexOf(lastPhrase)}"]`;
/** The same underlines as a page's script finds them (the overlay draws in a shadow root). */
export const inOverlay = (selector) => selector.replace('[data-cpoms-check="overlay"] ', '');

/** The criteria rows the checklist always has, and what a good entry's compact state leaves open. */
export const CRITERIA_ROWS = 12;
export const COMPACT_OPEN = ['proofread'];
/** The good entry's form, as the Chromium and Firefox tests fill it in. */
export const goodForm = { student: '101', category: 'Behaviour', date: '2023-12-07', time: '09:30' };

export const inside = (b, v) => b.x >= 0 && b.y >= 0 && b.x + b.w <= v.width && b.y + b.h <= v.height;
export const overlap = (a, b) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** Page-side: scrolls the entry to its end and the page so that the field's bottom is just inside a window `h` high. */
export function scrollToLastLine(h) {
  const t = document.querySelector('#incident_description');
  t.scrollTop = t.scrollHeight;
  const r = t.getBoundingClientRect();
  window.scrollBy(0, r.bottom - (h - 24));
}

/** Page-side: the checklist's rows, with each row's points and text. */
export function checklistRows() {
  const root = document.querySelector('[data-cpoms-check="checklist"]').shadowRoot;
  return [...root.querySelectorAll('[data-criterion]')].map((e) => ({
    criterion: e.dataset.criterion,
    points: [...e.querySelectorAll('.point')].map((p) => p.textContent.trim()),
    text: e.textContent,
    visible: e.checkVisibility(),
  }));
}

/** Page-side: the checklist dialog's box, and whether its content fits without scrolling. */
export function dialogBox() {
  const d = document.querySelector('[data-cpoms-check="checklist"]')?.shadowRoot.querySelector('[role="dialog"]');
  if (!d) return null;
  const r = d.getBoundingClientRect();
  return { x: r.x, y: r.y, w: r.width, h: r.height, fits: d.scrollHeight <= d.clientHeight + 1, title: d.querySelector('h2').textContent };
}

/** The bad example's rows: every criterion there, no point and no excerpt said twice, every I/me one point with its count. */
export function checkBadRows(rows) {
  assert.equal(rows.length, CRITERIA_ROWS, 'every criterion is still in the dialog');
  for (const r of rows) {
    assert.equal(new Set(r.points).size, r.points.length, `${r.criterion}: no point repeated`);
    assert.doesNotMatch(r.text, /“([^”]+)”: “\1”/, `${r.criterion}: no excerpt repeated`);
  }
  const names = rows.find((r) => r.criterion === 'names');
  assert.equal(names.points.filter((p) => /staff code/.test(p)).length, 1, 'every I/me is one point');
  assert.match(names.text, /“me” ×\d/, 'with its count');
}
