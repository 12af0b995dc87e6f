// The widget replicas (pages/widgets/) with the packaged extension in Firefox ESR, through
// selenium-webdriver and geckodriver: the good example, dated, categorised and Derek tagged
// through each widget's own API, then the checklist's datetime, categories and tagging rows
// (they must not claim these are missing). Every check's outcome and the rows go to
// target/widgets-firefox-results.json. Needs ./build.sh, firefox-esr and geckodriver; run:
// node --test tests/e2e/firefox-widgets.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, until } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8')).text;
const results = {};

/** Per page: the editable element (and the iframe holding it), and a script choosing 7/12/2023 09:30, Behaviour and Derek. */
const pages = {
  'widgets-a': {
    frame: '#incident_description_ifr', editable: 'body',
    choose: `window.widgets.date.setDate('2023-12-07 09:30', true);
      const c = document.querySelector('#incident_category_ids'); c.options[1].selected = true; c.dispatchEvent(new Event('change', { bubbles: true }));
      window.widgets.students.addItem('101');`,
  },
  'widgets-b': {
    editable: '.ck-editor__editable',
    choose: `window.widgets.date.setDate('2023-12-07 09:30', true);
      window.widgets.categories.setChoiceByValue('2');
      document.querySelector('#incident_category_ids').dispatchEvent(new Event('change', { bubbles: true }));
      jQuery('#incident_student_ids').val(['101']).trigger('change');`,
  },
  'widgets-c': {
    editable: '.ql-editor',
    choose: `window.widgets.date.setDate('07/12/2023');
      const t = document.querySelector('#incident_time'); t.value = '09:30'; t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true }));
      [...document.querySelectorAll('.checks label')].find((l) => l.textContent.includes('Behaviour')).querySelector('input').click();
      jQuery('#incident_student_ids').val(['101']).trigger('chosen:updated').trigger('change');`,
  },
  'widgets-d': {
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
      if (spec.frame) {
        await driver.wait(until.elementLocated(By.css(spec.frame)), 15000);
        await driver.switchTo().frame(await driver.findElement(By.css(spec.frame)));
        await driver.wait(async () => driver.executeScript("return document.body && document.body.isContentEditable"), 15000);
        // geckodriver's sendKeys does not reach an iframe's editable body (see firefox.test.mjs).
        await driver.executeScript("document.body.focus(); document.execCommand('insertText', false, arguments[0])", good);
        await driver.switchTo().defaultContent();
      } else {
        await driver.wait(until.elementLocated(By.css(spec.editable)), 15000);
        await driver.findElement(By.css(spec.editable)).sendKeys(good);
      }
      if (spec.choose) await driver.executeScript(spec.choose);
      else {
        await driver.findElement(By.css('#incident_occurred_at')).sendKeys('07/12/2023 09:30');
        await driver.findElement(By.xpath("//button[normalize-space()='Behaviour']")).click();
        await driver.findElement(By.css('#student_search')).sendKeys('Der');
        await driver.wait(until.elementLocated(By.css('#student_options [role=option]')), 5000);
        await driver.findElement(By.css('#student_options [role=option]')).click();
      }
      await driver.sleep(1500);
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
      }
    } finally {
      await driver.quit();
    }
    const failed = checks.filter((c) => !c.pass);
    assert.equal(failed.length, 0, failed.map((c) => `✗ ${c.name}: ${c.detail}`).join('\n'));
  });
}
