// The widget replicas (pages/widgets/) with the packaged extension in Firefox ESR, through
// selenium-webdriver and geckodriver: the good example, dated, categorised and Derek tagged
// through each widget's own API, then the checklist's datetime, categories and tagging rows
// (they must not claim these are missing), and the post equals the one made without the
// extension. Every check's outcome and the rows go to
// target/widgets-firefox-results.json. Needs ./build.sh, firefox-esr and geckodriver; run:
// node --test tests/e2e/firefox-widgets.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, Key, until } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';
import { engine } from './engine.mjs';
import { loaded, overWords, settle } from './shift-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8')).text;
const good = fixture('guidance-good.json');
const bad = fixture('guidance-bad.json');
const results = {};

/** Per page: the element whose box shows the text, the editable element (and the iframe holding it), and a script choosing 7/12/2023 09:30, Behaviour and Derek. */
const pages = {
  'widgets-a': {
    area: '#incident_description_ifr',
    frame: '#incident_description_ifr', editable: 'body',
    choose: `window.widgets.date.setDate('2023-12-07 09:30', true);
      const c = document.querySelector('#incident_category_ids'); c.options[1].selected = true; c.dispatchEvent(new Event('change', { bubbles: true }));
      window.widgets.students.addItem('101');`,
  },
  'widgets-b': {
    area: '.ck-editor__editable',
    editable: '.ck-editor__editable',
    choose: `window.widgets.date.setDate('2023-12-07 09:30', true);
      window.widgets.categories.setChoiceByValue('2');
      document.querySelector('#incident_category_ids').dispatchEvent(new Event('change', { bubbles: true }));
      jQuery('#incident_student_ids').val(['101']).trigger('change');`,
  },
  'widgets-c': {
    area: '.ql-editor',
    editable: '.ql-editor',
    choose: `window.widgets.date.setDate('07/12/2023');
      const t = document.querySelector('#incident_time'); t.value = '09:30'; t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true }));
      [...document.querySelectorAll('.checks label')].find((l) => l.textContent.includes('Behaviour')).querySelector('input').click();
      jQuery('#incident_student_ids').val(['101']).trigger('chosen:updated').trigger('change');`,
  },
  'widgets-d': {
    area: '.ProseMirror',
    editable: '.ProseMirror',
    choose: null, // typed below: the hand-made widgets have no API
  },
};

let replica;
before(async () => { replica = await startReplica(); });
after(async () => {
  await replica?.close();
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'widgets-firefox-results.json'), `${JSON.stringify(results, null, 1)}\n`);
});

/** Types `text` into the page's editor (an iframe's body by the document's own insertText:
 * geckodriver's sendKeys does not reach an iframe's editable body, see firefox.test.mjs). */
async function typeInto(driver, spec, text) {
  if (spec.frame) {
    await driver.wait(until.elementLocated(By.css(spec.frame)), 15000);
    await driver.switchTo().frame(await driver.findElement(By.css(spec.frame)));
    await driver.wait(async () => driver.executeScript('return document.body && document.body.isContentEditable'), 15000);
    await driver.executeScript("document.body.focus(); document.execCommand('insertText', false, arguments[0])", text);
    await driver.switchTo().defaultContent();
  } else {
    await driver.wait(until.elementLocated(By.css(spec.editable)), 15000);
    await driver.findElement(By.css(spec.editable)).sendKeys(text);
  }
}

/** The guidance's good example, dated 7/12/2023 09:30, Behaviour chosen and Derek tagged through the page's widgets. */
async function fillGood(driver, spec) {
  await typeInto(driver, spec, good);
  if (spec.choose) await driver.executeScript(spec.choose);
  else {
    await driver.findElement(By.css('#incident_occurred_at')).sendKeys('07/12/2023 09:30');
    await driver.findElement(By.xpath("//button[normalize-space()='Behaviour']")).click();
    await driver.findElement(By.css('#student_search')).sendKeys('Der');
    await driver.wait(until.elementLocated(By.css('#student_options [role=option]')), 5000);
    await driver.findElement(By.css('#student_options [role=option]')).click();
  }
  await driver.sleep(1500);
}

const inShadow = (host, selector) => `document.querySelector('[data-cpoms-check="${host}"]')?.shadowRoot?.querySelector('${selector}')`;
const list = "document.querySelector('[data-cpoms-check=\"checklist\"]')";

for (const [variant, spec] of Object.entries(pages)) {
  test(`Firefox, ${variant}: the good example chosen through the widgets is read as dated, categorised and tagged`, async () => {
    const checks = [];
    results[variant] = { checks };
    const check = (name, ok, detail) => checks.push({ name, pass: !!ok, ...(ok ? {} : { detail }) });
    const driver = await launchFirefox({ extension: true });
    try {
      await driver.get(replica.url(`/incidents/new?variant=${variant}`));
      await driver.wait(async () => driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')"), 15000).catch(() => {});
      await fillGood(driver, spec);
      await driver.findElement(By.css('input[type=submit]')).click();
      const opened = await driver.wait(async () => driver.executeScript(`return !!${list}`), 10000).then(() => true, () => false);
      check('the form’s submit control opens the checklist', opened, 'no checklist');
      if (opened) {
        const rows = await driver.executeScript(`return [...${list}.shadowRoot.querySelectorAll('[data-criterion][data-status]')].map((e) => ({ criterion: e.dataset.criterion, status: e.dataset.status, text: e.innerText.replace(/\\s+/g, ' ').trim() }))`);
        results[variant].checklist = rows;
        const row = (c) => rows.find((x) => x.criterion === c) ?? { status: 'absent', text: '' };
        check('datetime row is not not_met for a missing/empty date', row('datetime').status === 'met', `${row('datetime').status}: ${row('datetime').text}`);
        check('categories row is not “no category is chosen”', !['not_met', 'absent'].includes(row('categories').status), `${row('categories').status}: ${row('categories').text}`);
        check('tagging row is not “Derek named but not tagged”', !['not_met', 'absent'].includes(row('tagging').status), `${row('tagging').status}: ${row('tagging').text}`);
        check('the text is read (language row met, child’s words quoted)', row('child_voice').status === 'met', `${row('child_voice').status}: ${row('child_voice').text}`);
        const before = replica.received.length;
        await driver.executeScript(`${list}.shadowRoot.querySelector('[data-action=submit]').click()`);
        await driver.wait(until.elementLocated(By.xpath("//*[contains(text(), 'Incident saved')]")), 10000);
        check('Submit in the checklist posts once', replica.received.length === before + 1, `${replica.received.length - before} posts`);
        const withExt = replica.received.at(-1);
        // The same steps in a browser without the extension: the form must post the same body.
        const plain = await launchFirefox({ extension: false });
        try {
          await plain.get(replica.url(`/incidents/new?variant=${variant}`));
          await fillGood(plain, spec);
          await plain.findElement(By.css('input[type=submit]')).click();
          await plain.wait(until.elementLocated(By.xpath("//*[contains(text(), 'Incident saved')]")), 10000);
        } finally {
          await plain.quit();
        }
        const without = replica.received.at(-1);
        check('the page posts without the extension (sanity)', without !== withExt && /Derek/.test(decodeURIComponent(without.body.toString())), 'no post without the extension');
        check('posted body with the extension equals the body without it', withExt.body.equals(without.body),
          `with: ${withExt.body.toString().slice(0, 300)}\nwithout: ${without.body.toString().slice(0, 300)}`);
      }
    } finally {
      await driver.quit();
    }
    const failed = checks.filter((c) => !c.pass);
    assert.equal(failed.length, 0, failed.map((c) => `✗ ${c.name}: ${c.detail}`).join('\n'));
  });
}

// The bad example with nothing chosen, as in Chromium (widgets.test.mjs): the underlines over
// the loaded phrases in each real editor, and every checklist row as the engine gives it.
const badEntry = { text: bad, available_categories: ['Safeguarding', 'Behaviour', 'Medical'] };
const inOrder = (rows) => rows.map((r) => `${r.criterion}=${r.status}`).sort();
for (const [variant, spec] of Object.entries(pages)) {
  test(`Firefox, ${variant}: the bad example with nothing chosen — underlines over the words, rows as the engine gives`, async () => {
    const driver = await launchFirefox({ extension: true });
    try {
      await driver.manage().window().setRect({ width: 1366, height: 900 });
      await driver.get(replica.url(`/incidents/new?variant=${variant}`));
      await typeInto(driver, spec, bad);
      await driver.wait(async () => driver.executeScript(`return !!${inShadow('overlay', '[data-rule]')}`), 10000);
      await driver.executeScript(`const e = document.querySelector(arguments[0]); e.scrollIntoView({ block: 'center' });
        if (e.localName === 'iframe') e.contentWindow.scrollTo(0, 0); else e.scrollTop = 0;`, spec.area);
      await driver.actions().sendKeys(Key.ESCAPE).perform(); // a card opened by the caret could cover the words
      const { wrong } = await driver.executeScript(`return ${settle(overWords(spec.area, loaded))}`);
      assert.equal(wrong, '', 'the underlines over the loaded phrases');
      await driver.findElement(By.css('input[type=submit]')).click();
      await driver.wait(async () => driver.executeScript(`return !!${list}`), 10000);
      const rows = await driver.executeScript(`return [...${list}.shadowRoot.querySelectorAll('[data-criterion][data-status]')].map((e) => ({ criterion: e.dataset.criterion, status: e.dataset.status }))`);
      for (const c of ['datetime', 'categories', 'tagging']) {
        assert.equal(rows.find((x) => x.criterion === c)?.status, 'not_met', `${c} row`);
      }
      assert.deepEqual(inOrder(rows), inOrder(engine.check(badEntry).checklist), 'every row as the engine gives for the same entry');
    } finally {
      await driver.quit();
    }
  });
}

// Apply in each editor: the editor's own model (what it posts) takes the change and the
// editor's own undo takes it back, as in Chromium (widgets.test.mjs).
const models = {
  'widgets-a': "return tinymce.activeEditor.getContent({ format: 'text' })",
  'widgets-b': 'return window.widgets.editor.getData()',
  'widgets-c': 'return window.widgets.editor.getText()',
  'widgets-d': 'return window.widgets.editor.state.doc.textContent',
};

for (const [variant, spec] of Object.entries(pages)) {
  test(`Firefox, ${variant}: Apply changes the words in the editor's own model, and the editor's undo takes it back`, async () => {
    const driver = await launchFirefox({ extension: true });
    try {
      await driver.get(replica.url(`/incidents/new?variant=${variant}`));
      const text = 'Derek was really frightened in class.';
      if (spec.frame) {
        await driver.wait(until.elementLocated(By.css(spec.frame)), 15000);
        await driver.switchTo().frame(await driver.findElement(By.css(spec.frame)));
        await driver.wait(async () => driver.executeScript('return document.body && document.body.isContentEditable'), 15000);
        // Key by key (TinyMCE keeps its undo steps from key events): the actions API reaches
        // the frame's focused body where sendKeys does not.
        await driver.executeScript('document.body.focus()');
        await driver.actions().sendKeys(text).perform();
        await driver.switchTo().defaultContent();
      } else {
        await driver.wait(until.elementLocated(By.css(spec.editable)), 15000);
        await driver.findElement(By.css(spec.editable)).sendKeys(text);
      }
      await driver.sleep(1200); // past the editors' merging of quick changes into one undo step
      const mark = inShadow('overlay', '[data-rule="language.intensifier"]');
      await driver.wait(async () => driver.executeScript(`return !!${mark}`), 10000);
      const box = await driver.executeScript(`const m = ${mark}; const r = (m.children[0] ?? m).getBoundingClientRect(); return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`);
      await driver.actions().move({ x: box.x, y: box.y }).perform();
      const apply = inShadow('card', '[data-action=apply]');
      await driver.wait(async () => driver.executeScript(`const h = document.querySelector('[data-cpoms-check="card"]'); return !!${apply} && getComputedStyle(h).display !== 'none'`), 10000);
      await driver.executeScript(`${apply}.click()`);
      await driver.sleep(400);
      assert.match(await driver.executeScript(models[variant]), /Derek was frightened in class/, 'the editor\'s model has the change');
      if (spec.frame) await driver.switchTo().frame(await driver.findElement(By.css(spec.frame)));
      await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
      if (spec.frame) await driver.switchTo().defaultContent();
      await driver.sleep(400);
      assert.doesNotMatch(await driver.executeScript(models[variant]), /Derek was frightened in class/, 'the editor\'s undo takes it back');
    } finally {
      await driver.quit();
    }
  });
}
