// Replica pages built with real widget libraries from npm (pages/widgets/: flatpickr,
// tom-select, Choices.js, select2, chosen, vanillajs-datepicker, TinyMCE, CKEditor 5, Quill),
// with the packaged extension in Chromium: does the checklist read each widget's value?
// For each page: the guidance's good example with a date, a category and Derek tagged through
// the widgets (the datetime, categories and tagging rows must not claim they are missing); the
// bad example with nothing chosen (those rows must be not_met, and the underlines sit over
// their words in the widget's editor); the checklist's Submit posts exactly what the page
// posts without the extension. A 1366×768 screenshot of each checklist goes to
// docs/screenshots/, and every check's outcome with the checklist's rows to
// target/widgets-results.json. Needs ./build.sh and chromium; run:
// node --test tests/e2e/widgets.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { withExtension, withoutExtension } from './chromium.mjs';
import { engine } from './engine.mjs';
import { loaded, overWords, settle } from './shift-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8')).text;
const bad = fixture('guidance-bad.json');
const good = fixture('guidance-good.json');
const available = ['Safeguarding', 'Behaviour', 'Medical'];
const results = {};

/** The rows the engine gives for an entry: [criterion, status]. */
/** Rows as [criterion, status] in a fixed order (the dialog puts what needs a look first). */
const inOrder = (rows) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));
const engineRows = (entry) => inOrder(engine.check(entry).checklist.map((r) => [r.criterion, r.status]));

/**
 * The pages. `area`: the selector of the element whose box shows the text. `editor(page)` →
 * { area: a locator of it, frame: the Frame holding the editable document (or null),
 * editable: a locator of the editable element }.
 * `choose(page)` picks 7 December 2023 09:30, Behaviour and Derek Smith through the widgets.
 * `model()` (run in the page) is the text as the editor's own model holds it: what it posts.
 */
const pages = {
  'widgets-a': {
    area: '#incident_description_ifr',
    widgets: 'flatpickr (altInput) · plain <select multiple> categories · tom-select students · TinyMCE (iframe)',
    ready: (page) => page.locator('#incident_description_ifr').waitFor(),
    model: () => window.tinymce.activeEditor.getContent({ format: 'text' }),
    // TinyMCE keeps a run of typing as one undo step and adds a step for a change made
    // without keys only when the browser's own spellchecker makes it: its undo takes back
    // the run with the change, and redo brings the words back as typed (nothing is lost).
    undo: 'typing run',
    editor: async (page) => {
      const area = page.locator('#incident_description_ifr');
      await page.frameLocator('#incident_description_ifr').locator('body[contenteditable="true"]').waitFor();
      const frame = await (await area.elementHandle()).contentFrame();
      return { area, frame, editable: page.frameLocator('#incident_description_ifr').locator('body') };
    },
    choose: async (page) => {
      // flatpickr's own API (the calendar is a grid of day cells; its value is what matters).
      await page.evaluate(() => window.widgets.date.setDate('2023-12-07 09:30', true));
      await page.locator('#incident_category_ids').selectOption('2');
      await page.locator('#incident_student_ids-ts-control').click();
      await page.keyboard.type('Der');
      await page.locator('.ts-dropdown [data-value="101"]').click();
      await page.keyboard.press('Escape');
    },
  },
  'widgets-b': {
    area: '.ck-editor__editable',
    widgets: 'flatpickr (date and time in one field) · Choices.js categories · select2 students · CKEditor 5',
    ready: (page) => page.locator('.ck-editor__editable').waitFor(),
    model: () => window.widgets.editor.getData(),
    editor: async (page) => {
      const area = page.locator('.ck-editor__editable');
      return { area, frame: null, editable: area };
    },
    choose: async (page) => {
      await page.evaluate(() => window.widgets.date.setDate('2023-12-07 09:30', true));
      await page.locator('.choices').click();
      await page.keyboard.type('Beh');
      await page.locator('.choices__list--dropdown .choices__item--choice[data-value="2"]').click();
      await page.keyboard.press('Escape');
      // `~`, not `+`: the extension may put its field note between the select and select2's container.
      await page.locator('#incident_student_ids ~ .select2 .select2-selection').click();
      await page.keyboard.type('Der');
      await page.locator('.select2-results__option', { hasText: 'Derek Smith' }).click();
      await page.keyboard.press('Escape');
    },
  },
  'widgets-c': {
    area: '.ql-editor',
    widgets: 'vanillajs-datepicker dd/mm/yyyy + native time · checkboxes under a heading (no fieldset) · chosen students · Quill',
    ready: (page) => page.locator('.ql-editor').waitFor(),
    model: () => window.widgets.editor.getText(),
    editor: async (page) => {
      const area = page.locator('.ql-editor');
      return { area, frame: null, editable: area };
    },
    choose: async (page) => {
      await page.locator('#incident_date').click();
      await page.keyboard.type('07/12/2023');
      await page.keyboard.press('Tab'); // not Enter: that submits the form (implicit submission)
      await page.locator('#incident_time').fill('09:30');
      await page.getByLabel('Behaviour').check();
      await page.locator('#incident_student_ids_chosen').click();
      await page.keyboard.type('Der');
      await page.locator('#incident_student_ids_chosen .active-result', { hasText: 'Derek Smith' }).click();
    },
  },
  'widgets-d': {
    area: '.ProseMirror',
    widgets: 'one date-time text field dd/mm/yyyy hh:mm · aria-pressed toggle buttons in a labelled group · hand-made token widget (<span role=button> remove) · ProseMirror',
    ready: (page) => page.locator('.ProseMirror').waitFor(),
    model: () => window.widgets.editor.state.doc.textContent,
    editor: async (page) => {
      const area = page.locator('.ProseMirror');
      return { area, frame: null, editable: area };
    },
    choose: async (page) => {
      await page.locator('#incident_occurred_at').fill('07/12/2023 09:30');
      await page.getByRole('button', { name: 'Behaviour' }).click();
      await page.locator('#student_search').pressSequentially('Der');
      await page.getByRole('option', { name: 'Derek Smith' }).click();
    },
  },
};

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
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'widgets-results.json'), `${JSON.stringify(results, null, 1)}\n`);
});

/** Soft checks: each is recorded (name, pass, detail) and the test fails at the end with all that failed. */
function recorder(key) {
  const checks = [];
  results[key] = { checks };
  return {
    info: (k, v) => { results[key][k] = v; },
    check: (name, ok, detail = '') => { checks.push({ name, pass: !!ok, ...(ok ? {} : { detail }) }); return ok; },
    async soft(name, fn) {
      try {
        await fn();
        checks.push({ name, pass: true });
      } catch (e) {
        checks.push({ name, pass: false, detail: e.message.split('\n')[0] });
      }
    },
    done() {
      const failed = checks.filter((c) => !c.pass);
      assert.equal(failed.length, 0, failed.map((c) => `✗ ${c.name}: ${c.detail}`).join('\n'));
    },
  };
}

/** Types `text` into the editor as a person would (paragraphs by Enter). */
async function type(page, editable, text) {
  await editable.click();
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
}

/** Opens the checklist by the form's submit control; its rows as { criterion, status, text }, or null if none came. */
async function openChecklist(page) {
  await page.getByRole('button', { name: 'Add Incident' }).click();
  const dialog = page.locator('[data-cpoms-check="checklist"] [role="dialog"]');
  try {
    await dialog.waitFor({ timeout: 8000 });
  } catch {
    return null;
  }
  return page.locator('[data-cpoms-check="checklist"] [data-criterion][data-status]').evaluateAll((els) => els.map((e) => ({
    criterion: e.dataset.criterion, status: e.dataset.status, text: e.innerText.replace(/\s+/g, ' ').trim(),
  })));
}

/** The field notes on the page: field, rules and text. */
const fieldNotes = (page) => page.locator('[data-cpoms-check="field-note"]').evaluateAll((hosts) => hosts.map((h) => ({
  field: h.dataset.field, rules: [...(h.shadowRoot ?? h).querySelectorAll('[data-rule]')].map((r) => r.dataset.rule),
  text: [...(h.shadowRoot ?? h).childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim(),
  after: h.previousElementSibling ? `${h.previousElementSibling.tagName.toLowerCase()}${h.previousElementSibling.id ? `#${h.previousElementSibling.id}` : ''}.${[...h.previousElementSibling.classList].join('.')}` : null,
})));

/** Each loaded phrase of the bad example has an underline whose first box is over those words
 * in the editor (shift-cases.mjs's page code, shared with Firefox). */
async function assertOverWords(page, sel) {
  await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor({ timeout: 8000 });
  const area = page.locator(sel);
  await area.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.keyboard.press('Escape');
  await area.evaluate((e) => { if (e.localName === 'iframe') e.contentWindow.scrollTo(0, 0); else e.scrollTop = 0; });
  assert.equal((await page.evaluate(settle(overWords(sel, loaded)))).wrong, '');
}

const goodEntry = { text: good, incident_at: '2023-12-07T09:30', students: ['Derek Smith'], categories: ['Behaviour'], available_categories: available };
const badEntry = { text: bad, available_categories: available };

for (const [variant, spec] of Object.entries(pages)) {
  test(`${variant} (${spec.widgets}): the good example, dated, categorised and tagged through the widgets`, async () => {
    const r = recorder(`${variant} good`);
    r.info('widgets', spec.widgets);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await spec.ready(page);
    const editor = await spec.editor(page);
    await type(page, editor.editable, good);
    await spec.choose(page);
    await page.waitForTimeout(1500); // the checks run on the fields' changes; let them settle
    r.info('field_notes', await fieldNotes(page));
    const rows = await openChecklist(page);
    r.check('the form’s submit control opens the checklist', rows, 'no checklist: the form was not recognised (or the submit went through)');
    if (rows) {
      r.info('checklist', rows);
      const row = (c) => rows.find((x) => x.criterion === c) ?? { status: 'absent', text: '' };
      const dt = row('datetime');
      r.check('datetime row is not not_met for a missing/empty date', !(dt.status === 'not_met' && /missing|empty|no (incident )?date|not (given|set)/i.test(dt.text)) && dt.status !== 'absent', `${dt.status}: ${dt.text}`);
      const cat = row('categories');
      r.check('categories row is not “no category is chosen”', cat.status !== 'not_met' && cat.status !== 'absent', `${cat.status}: ${cat.text}`);
      const tag = row('tagging');
      r.check('tagging row is not “Derek named but not tagged”', tag.status !== 'not_met' && tag.status !== 'absent', `${tag.status}: ${tag.text}`);
      const expected = engineRows(goodEntry);
      const shown = inOrder(rows.map((x) => [x.criterion, x.status]));
      r.check('every row as the engine gives for the same entry', JSON.stringify(shown) === JSON.stringify(expected),
        `shown ${shown.filter((s, i) => JSON.stringify(s) !== JSON.stringify(expected[i])).map((s) => s.join('=')).join(', ')}; engine ${expected.filter((s, i) => JSON.stringify(s) !== JSON.stringify(shown[i])).map((s) => s.join('=')).join(', ')}`);
      mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
      await page.waitForTimeout(600); // past the dialog's fade-in: the page would show through
      await page.screenshot({ path: join(root, 'docs', 'screenshots', `checklist-${variant}-chromium.png`) });
      const before = replica.received.length;
      await page.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
      await page.getByText('Incident saved').waitFor();
      r.check('Submit in the checklist posts once', replica.received.length === before + 1, `${replica.received.length - before} posts`);
    } else {
      await page.getByText('Incident saved').waitFor({ timeout: 3000 }).catch(() => {});
    }
    const withExt = replica.received.at(-1);
    r.check('no page error', errors.length === 0, errors.join('; '));
    await page.close();

    const plainErrors = [];
    await withoutExtension(async (p) => {
      await p.setViewportSize({ width: 1366, height: 768 });
      p.on('pageerror', (e) => plainErrors.push(e.message));
      await p.goto(replica.url(`/incidents/new?variant=${variant}`));
      await spec.ready(p);
      await type(p, (await spec.editor(p)).editable, good);
      await spec.choose(p);
      await p.getByRole('button', { name: 'Add Incident' }).click();
      await p.getByText('Incident saved').waitFor();
    });
    const without = replica.received.at(-1);
    r.info('posted_without_extension', decodeURIComponent(without.body.toString().replaceAll('+', ' ')).slice(0, 400));
    r.check('the page posts without the extension (sanity)', /incident\[description\]=.*Derek/.test(decodeURIComponent(without.body.toString())) && plainErrors.length === 0, plainErrors.join('; '));
    r.check('posted body with the extension equals the body without it', withExt && withExt !== without && withExt.body.equals(without.body),
      withExt ? `with: ${withExt.body.toString().slice(0, 300)}\nwithout: ${without.body.toString().slice(0, 300)}` : 'nothing posted with the extension');
    r.done();
  });

  test(`${variant}: the bad example with nothing chosen — rows not_met and underlines over the words`, async () => {
    const r = recorder(`${variant} poor`);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await spec.ready(page);
    const editor = await spec.editor(page);
    await type(page, editor.editable, bad);
    await r.soft('underlines sit over the loaded words in the editor', () => assertOverWords(page, spec.area));
    await page.waitForTimeout(500);
    r.info('field_notes', await fieldNotes(page));
    const rows = await openChecklist(page);
    r.check('the form’s submit control opens the checklist', rows, 'no checklist');
    if (rows) {
      r.info('checklist', rows);
      const row = (c) => rows.find((x) => x.criterion === c) ?? { status: 'absent', text: '' };
      for (const c of ['datetime', 'categories', 'tagging']) {
        r.check(`${c} row is not_met`, row(c).status === 'not_met', `${row(c).status}: ${row(c).text}`);
      }
      const expected = engineRows(badEntry);
      const shown = inOrder(rows.map((x) => [x.criterion, x.status]));
      r.check('every row as the engine gives for the same entry', JSON.stringify(shown) === JSON.stringify(expected),
        `shown ${shown.filter((s, i) => JSON.stringify(s) !== JSON.stringify(expected[i])).map((s) => s.join('=')).join(', ')}; engine ${expected.filter((s, i) => JSON.stringify(s) !== JSON.stringify(shown[i])).map((s) => s.join('=')).join(', ')}`);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(root, 'docs', 'screenshots', `checklist-${variant}-poor-chromium.png`) });
    }
    await page.close();
    r.done();
  });
}

// Apply goes through the editor's own input path: the editor's model (what it posts) takes
// the change, and the editor's own undo takes it back.
for (const [variant, spec] of Object.entries(pages)) {
  test(`${variant}: Apply changes the words in the editor's own model, and the editor's undo takes it back`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await spec.ready(page);
    const editor = await spec.editor(page);
    // Key by key, as a person types: editors record their undo steps from key events
    // (TinyMCE keeps no step for text inserted without them).
    await editor.editable.click();
    await page.keyboard.type(bad);
    // Editors merge changes made within a second into one undo step (Quill's history delay);
    // a person reads the card for longer than that.
    await page.waitForTimeout(1200);
    const model = () => page.evaluate(spec.model);
    const phrase = 'really frightened';
    const mark = page.locator('[data-cpoms-check="overlay"] [data-rule="language.intensifier"]').first();
    await mark.waitFor({ timeout: 8000 });
    assert.match(await model(), /children were really frightened and/);
    await mark.evaluate((e) => e.children[0].scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300); // the overlay follows the scroll in the next frame
    const box = await mark.evaluate((e) => { const r = e.children[0].getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
    await page.mouse.move(box.x, box.y);
    const apply = page.locator('[data-cpoms-check-card] [data-action="apply"]');
    await apply.waitFor({ timeout: 3000 });
    assert.match(await apply.textContent(), /frightened/);
    await apply.click();
    await page.waitForTimeout(300);
    const applied = await model();
    assert.match(applied, /children were frightened and/, `${phrase} → frightened in the editor's model`);
    assert.equal(applied.split('frightened').length, 2, 'the word once, not inserted elsewhere too');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    if (spec.undo === 'typing run') {
      assert.doesNotMatch(await model(), /children were frightened and/, 'the editor\'s undo takes the change back');
      await page.keyboard.press('Control+y');
      await page.waitForTimeout(300);
      assert.match(await model(), /Last week Derek was kicking off.*children were really frightened and.*absolutely wild/s, 'redo brings back the words as typed');
    } else {
      assert.match(await model(), /children were really frightened and/, 'the editor\'s undo restores the words');
      assert.match(await model(), /Last week Derek was kicking off/, 'and only them: the rest of the entry stays');
    }
    await page.close();
  });
}

// The page check, opened from the summary's list: a row per field with whether and how it
// was found and the value read, and an outline over each element read.
for (const [variant, spec] of Object.entries(pages)) {
  test(`${variant}: the page check names every field it found, how, and what it read`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await spec.ready(page);
    const editor = await spec.editor(page);
    await type(page, editor.editable, 'Derek was upset at break.');
    await spec.choose(page);
    await page.locator('[data-cpoms-check="summary"] [data-count]').click();
    await page.locator('[data-cpoms-check="checklist"] [data-action="page-check"]').click();
    const rows = await page.locator('[data-cpoms-check="page-check"] [data-field]').evaluateAll((els) => Object.fromEntries(
      els.map((e) => [e.dataset.field, { found: e.dataset.found, how: e.dataset.how, text: e.textContent }])));
    for (const field of ['editor', 'incident_at', 'students', 'categories']) {
      assert.equal(rows[field]?.found, 'true', `${variant} ${field}: ${JSON.stringify(rows[field])}`);
      assert.ok(rows[field].how, `${field} says how it was found`);
    }
    assert.match(rows.incident_at.text, /07\/12\/2023 09:30/);
    assert.match(rows.students.text, /Derek Smith/);
    assert.match(rows.categories.text, /Behaviour/);
    assert.match(rows.editor.text, /5 words/);
    const outlines = await page.locator('[data-cpoms-check="page-check"]').evaluate((h) => h.shadowRoot.querySelectorAll('.box').length);
    assert.ok(outlines >= 4, `an outline over each field read (${outlines})`);
    await page.screenshot({ path: join(root, 'docs', 'screenshots', `page-check-${variant}-chromium.png`) });
    await page.keyboard.press('Escape');
    await page.locator('[data-cpoms-check="page-check"]').waitFor({ state: 'detached' });
    await page.close();
  });
}

// The same pages under a strict CSP, where Chromium's content script cannot compile
// WebAssembly and the JavaScript fallback (engine in the background) gives the checklist.
// It reads only the school's selectors, native date inputs and the selects and checkboxes
// widgets keep; any other field's row must say it could not be read, never that it is empty.
const fieldRows = ['datetime', 'categories', 'tagging'];
const unreadText = /Couldn't read the/;
// widgets-d is left out: its import map is an inline script, which the strict CSP refuses,
// so the page itself does not work under it.
for (const [variant, spec] of Object.entries(pages).filter(([v]) => v !== 'widgets-d')) {
  for (const [which, text] of [['good', good], ['poor', bad]]) {
    test(`${variant} (strict CSP: the JavaScript fallback), the ${which} example: no field is called empty that is not, and the post is unchanged`, async () => {
      const run = async (p, extension) => {
        await p.setViewportSize({ width: 1366, height: 768 });
        await p.goto(replica.url(`/incidents/new?variant=${variant}&csp`));
        await spec.ready(p);
        await type(p, (await spec.editor(p)).editable, text);
        if (which === 'good') await spec.choose(p);
        if (extension) await p.locator('[data-cpoms-check="summary"]').waitFor({ state: 'attached', timeout: 10000 });
        await p.waitForTimeout(500);
        await p.getByRole('button', { name: 'Add Incident' }).click();
        let rows = null;
        if (extension) {
          await p.locator('[data-cpoms-check="checklist"] [role="dialog"]').waitFor({ timeout: 8000 });
          rows = await p.locator('[data-cpoms-check="checklist"] [data-criterion]').evaluateAll((els) => Object.fromEntries(
            els.map((e) => [e.dataset.criterion, { status: e.dataset.status, text: e.textContent }])));
          if (variant === 'widgets-a' && which === 'good') {
            await p.screenshot({ path: join(root, 'docs', 'screenshots', 'checklist-strict-csp-widgets-a-chromium.png') });
          }
          await p.locator('[data-cpoms-check="checklist"] [data-action="submit"]').click();
        }
        await p.getByText('Incident saved').waitFor();
        return { rows, post: replica.received.at(-1) };
      };
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const withExt = await run(page, true);
      await page.close();
      let without;
      await withoutExtension(async (p) => { without = await run(p, false); });
      results[`${variant} csp ${which}`] = { rows: withExt.rows };
      assert.deepEqual(errors, [], 'no page error');
      assert.equal(Object.keys(withExt.rows).length, 12, 'a row per criterion');
      for (const c of fieldRows) {
        const row = withExt.rows[c];
        if (which === 'good') {
          assert.notEqual(row.status, 'not_met', `${c} is chosen through the widget, so not “${row.text}”`);
          if (row.status === 'check' && c !== 'datetime') assert.match(row.text, unreadText, `${c}`);
        } else {
          assert.ok(row.status === 'not_met' || (row.status === 'check' && unreadText.test(row.text)), `${c}: ${row.status} ${row.text}`);
          assert.notEqual(row.status, 'met', `${c} is empty or unread, never met`);
        }
      }
      assert.ok(withExt.post !== without.post && withExt.post.body.equals(without.post.body), 'the posted body equals the body without the extension');
    });
  }
}
