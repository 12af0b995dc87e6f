// The hostile-page cases (pages/hostile/CASE.js) and the one scenario both browsers run on
// each: fill the form, submit with the "Add Incident" button, and with the extension press
// the checklist's Submit. What the replica receives is compared with the same scenario in a
// browser without the extension: the same number of posts (one), to the same paths, with the
// same bodies. A browser is reached through a small adapter (`open`, `run` page script,
// `click` a real click, `waitFor` a page-script condition), so Chromium (Playwright) and
// Firefox (Selenium) run the same steps.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine } from './engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;
/** The text typed into the swapped-in editor: fewer points open than the first text. */
const second = 'Derek was kicking off in the hall.';

/** Each case: the page's script, and what it does. */
export const CASES = {
  plain: 'no script of its own (the control)',
  rerender: 'the submit buttons re-rendered (same name and value) while the checklist is open',
  relabel: 'the pressed button re-rendered with a new label while the checklist is open',
  reform: 'the whole form re-rendered (entry field and buttons) while the checklist is open',
  shadowed: 'controls named submit, requestSubmit and elements',
  prototypes: 'HTMLFormElement.prototype.requestSubmit/submit and Node.prototype.insertBefore replaced by throwing functions',
  stop: 'handlers calling stopPropagation and stopImmediatePropagation',
  fetch: 'an early window capture listener that posts by fetch itself',
  throws: 'handlers that throw, around one that adds a field',
  rails: 'a rails-ujs-like document handler adding a field',
  swap: 'the entry textarea swapped for a new one',
};

/** The criteria not met for `text` in the form as `fill` leaves it. */
const notMet = (text) => engine.check({
  text, incident_at: '2023-12-07T09:30', students: ['Derek Smith'], categories: ['Behaviour'],
  available_categories: ['Safeguarding', 'Behaviour'], pupils: ['Derek Smith', 'Amira Khan'],
}).checklist.filter((r) => r.status === 'not_met').length;

/** Polls `run(js)` until it is truthy (a strict-CSP page allows no string evaluation of its own). */
export async function poll(run, js, what = js, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    if (await run(js).catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const chipCount = `(() => { const h = document.querySelector('[data-cpoms-check="summary"]');
  const c = h && !h.hidden && h.shadowRoot.querySelector('[data-count]'); return c && !c.hidden ? Number(c.dataset.count) : null; })()`;
const checklistOpen = "!!document.querySelector('[data-cpoms-check=\"checklist\"]')?.shadowRoot.querySelector('[data-action=submit]')";
const pressSubmit = "document.querySelector('[data-cpoms-check=\"checklist\"]').shadowRoot.querySelector('[data-action=submit]').click()";
const saved = "document.body.innerText.includes('Incident saved')";

/** Page script that types `text` into the entry field as an input method would, and fills the other fields. */
const fill = (text) => `(() => {
  const t = document.querySelector('#incident_description'); t.focus(); t.value = ${JSON.stringify(text)};
  t.dispatchEvent(new Event('input', { bubbles: true }));
  const s = document.querySelector('#incident_student_ids'); s.options[0].selected = true; s.dispatchEvent(new Event('change', { bubbles: true }));
  for (const [id, v] of [['#incident_date', '2023-12-07'], ['#incident_time', '09:30']]) {
    const i = document.querySelector(id); i.value = v; i.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const box = document.querySelector('input[name="incident[category_ids][]"][value="2"]'); box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  return true; })()`;

/**
 * Runs the scenario for `name` in the browser behind `b`, with or without the extension, and
 * returns the posts the replica received for it. With the extension it also checks that the
 * chip follows a swapped editor (never a stale count) and that the checklist opened.
 */
export async function scenario(b, replica, name, { csp, extension }) {
  const start = replica.received.length;
  await b.open(replica.url(`/hostile/${name}${csp ? '?csp=1' : ''}`));
  await b.waitFor("document.readyState !== 'loading' && !!document.querySelector('#incident_description')");
  if (extension) await b.waitFor(`${chipCount} !== null`, 'the summary chip appears');
  await b.run(fill(bad));
  if (extension) await b.waitFor(`${chipCount} === ${notMet(bad)}`, `the chip counts ${notMet(bad)} for the first text`);
  if (name === 'swap') {
    await b.click('#swap');
    if (extension) await b.waitFor(`${chipCount} === ${notMet('')}`, 'after the swap the chip counts the new, empty field (not the old text)');
    await b.run(fill(second));
    if (extension) {
      await b.waitFor(`${chipCount} === ${notMet(second)}`, `the chip counts ${notMet(second)} for the new field's text`);
      if (!(csp && b.name === 'chromium')) {
        // The page layer (not the strict-CSP fallback, which draws none) underlines the new field's words.
        await b.waitFor(`[...(document.querySelector('[data-cpoms-check="overlay"]')?.shadowRoot.querySelectorAll('[data-rule]') ?? [])]
          .some((m) => m.textContent === 'kicking off')`, 'underlines over the new field');
      }
    }
  }
  await b.click('input[name=commit]');
  if (extension) {
    await b.waitFor(checklistOpen, 'the checklist opens');
    if (replica.received.length !== start) throw new Error(`${name}: posted before the checklist's Submit`);
    await b.run(pressSubmit);
  }
  await b.waitFor(saved, 'the page says the incident was saved');
  await new Promise((ok) => setTimeout(ok, 500)); // time for a second post, if one were coming
  return replica.received.slice(start);
}

/** Compares the posts with and without the extension; returns a problem, or null. */
export function compare(withExt, without) {
  if (without.length !== 1) return `without the extension the page posted ${without.length} times (expected once)`;
  if (withExt.length === 0) return 'lost: nothing posted';
  if (withExt.length > 1) return `duplicated: ${withExt.length} posts`;
  const [a, b] = [withExt[0], without[0]];
  if (a.path !== b.path || a.contentType !== b.contentType || !a.body.equals(b.body)) {
    return `altered:\n  with:    ${a.path} ${a.contentType} ${a.body}\n  without: ${b.path} ${b.contentType} ${b.body}`;
  }
  return null;
}

/** Appends one run's figures to target/reliability/pages-BROWSER.json (for RELIABILITY.md). */
export function record(browser, results) {
  const dir = join(root, 'target', 'reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `pages-${browser}.json`), `${JSON.stringify({ browser, when: new Date().toISOString(), results }, null, 2)}\n`);
}
