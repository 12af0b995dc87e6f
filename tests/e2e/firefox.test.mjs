// The packaged extension (dist/firefox, unchanged) in Firefox ESR on the replica page,
// through selenium-webdriver and geckodriver. Firefox does not apply a page's CSP to
// content scripts, so the strict-CSP variant runs the full page layer here too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, until } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';
import { engine } from './engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;

let replica;
before(async () => { replica = await startReplica(); });
after(async () => { await replica?.close(); });

const browser = launchFirefox;

const type = (driver, text) => driver.executeScript(
  "const t = document.querySelector('#incident_description'); t.focus(); t.value = arguments[0]; t.dispatchEvent(new Event('input', {bubbles: true}));", text);

const marks = (driver) => driver.executeScript(`
  const host = document.querySelector('[data-cpoms-check="overlay"]');
  return host ? [...host.shadowRoot.querySelectorAll('[data-rule]')].map((e) => ({ rule: e.dataset.rule, criterion: e.dataset.criterion, start: +e.dataset.start, end: +e.dataset.end, text: e.textContent })) : [];`);

test('Firefox: the dictionary loads from the extension\'s package and misspelt words are underlined', async () => {
  const driver = await browser({ extension: true });
  try {
    await driver.get(replica.url('/incidents/new'));
    await driver.wait(async () => (await driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')")), 10000);
    await type(driver, 'Derek recieved a warning at break.');
    await driver.wait(async () => (await marks(driver)).some((f) => f.rule === 'proofread.spelling' && f.text === 'recieved'), 10000);
  } finally {
    await driver.quit();
  }
});

for (const variant of ['', '?csp=1']) {
  test(`underlines, summary and checklist in Firefox${variant ? ' (strict page CSP)' : ''}`, async () => {
    const driver = await browser({ extension: true });
    try {
      await driver.get(replica.url(`/incidents/new${variant}`));
      await driver.wait(async () => (await driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')")), 10000);
      await type(driver, bad);
      await driver.wait(async () => (await marks(driver)).length > 0, 10000);
      const found = await marks(driver);
      for (const phrase of ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild', '!']) {
        const at = bad.indexOf(phrase);
        assert.ok(found.some((f) => f.criterion === 'language' && f.start < at + phrase.length && at < f.end), `no underline over “${phrase}”`);
      }
      for (const f of found) assert.equal(f.text, bad.slice(f.start, f.end));
      if (!variant) {
        mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
        writeFileSync(join(root, 'docs', 'screenshots', 'underlines-firefox.png'), Buffer.from(await driver.takeScreenshot(), 'base64'));
      }
      const count = await driver.executeScript("return document.querySelector('[data-cpoms-check=\"summary\"]').shadowRoot.querySelector('[data-count]').dataset.count");
      assert.equal(Number(count), engine.check({ text: bad }).checklist.filter((r) => r.status === 'not_met').length);
      const before = replica.received.length;
      await driver.findElement(By.css('input[type=submit]')).click();
      await driver.wait(async () => driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"checklist\"]')"), 10000);
      const rows = await driver.executeScript("return document.querySelector('[data-cpoms-check=\"checklist\"]').shadowRoot.querySelectorAll('[data-criterion][data-status]').length");
      assert.equal(rows, 12);
      assert.equal(replica.received.length, before);
      await driver.executeScript("document.querySelector('[data-cpoms-check=\"checklist\"]').shadowRoot.querySelector('[data-action=submit]').click()");
      await driver.wait(until.elementLocated(By.xpath("//*[contains(text(), 'Incident saved')]")), 10000);
      assert.equal(replica.received.length, before + 1);
    } finally {
      await driver.quit();
    }
  });
}

/**
 * Presses the form's submit button; with the extension, checks the checklist's open rows
 * (`expectOpen`) and presses its Submit. Returns the body the replica received.
 */
async function submit(driver, extension, expectOpen) {
  await driver.findElement(By.css('input[type=submit]')).click();
  if (extension) {
    const list = "document.querySelector('[data-cpoms-check=\"checklist\"]')";
    await driver.wait(async () => driver.executeScript(`return !!${list}`), 10000);
    const open = await driver.executeScript(`return [...${list}.shadowRoot.querySelectorAll('[data-status=not_met]')].map((r) => r.dataset.criterion)`);
    expectOpen?.(open);
    await driver.executeScript(`${list}.shadowRoot.querySelector('[data-action=submit]').click()`);
  }
  await driver.wait(until.elementLocated(By.xpath("//*[contains(text(), 'Incident saved')]")), 10000);
  return replica.received.at(-1).body;
}

test('Firefox posts the same body with and without the extension', async () => {
  const bodies = [];
  for (const extension of [true, false]) {
    const driver = await browser({ extension });
    try {
      await driver.get(replica.url('/incidents/new'));
      if (extension) await driver.wait(async () => driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')"), 10000);
      await type(driver, 'At 10.00 in the hall, JBloggs saw Derek fall.');
      bodies.push(await submit(driver, extension));
    } finally {
      await driver.quit();
    }
  }
  assert.ok(bodies[0].equals(bodies[1]), `${bodies[0]}\n${bodies[1]}`);
});

/** Types into variant 2's contenteditable editor or variant 3's iframe editor, as keys. */
async function typeRich(driver, variant, text) {
  if (variant === 'frame') {
    // geckodriver's sendKeys does not reach an iframe's editable body: type through the
    // editor's own input path instead, as an input method would.
    await driver.switchTo().frame(await driver.findElement(By.css('iframe.editor-frame')));
    await driver.executeScript("document.body.focus(); document.execCommand('insertText', false, arguments[0])", text);
    await driver.switchTo().defaultContent();
    return driver.executeScript("return document.querySelector('iframe.editor-frame').contentDocument.body.innerText");
  }
  await driver.findElement(By.css('#incident_description_editor')).sendKeys(text);
  return driver.executeScript("return document.querySelector('#incident_description_editor').innerText");
}

/** Fills the rest of variant 2 or 3 (pupil, date and time, category) the same way each time. */
async function fillFields(driver, variant) {
  if (variant === 'rich') {
    await driver.findElement(By.css('#student_search')).sendKeys('Der');
    await driver.wait(until.elementLocated(By.css('#student_options [role=option]')), 5000);
    await driver.findElement(By.css('#student_options [role=option]')).click();
    await driver.findElement(By.css('#incident_date')).sendKeys('07/12/2023');
    await driver.findElement(By.css('#incident_time')).sendKeys('09:30');
  } else {
    await driver.executeScript(`
      document.querySelector('#incident_student_ids').options[0].selected = true;
      for (const [id, v] of [['#incident_date', '2023-12-07'], ['#incident_time', '09:30']]) {
        const i = document.querySelector(id); i.value = v; i.dispatchEvent(new Event('change', { bubbles: true }));
      }`);
  }
  await driver.findElement(By.xpath("//label[contains(., 'Behaviour')]/input")).click();
}

const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8')).text;

for (const variant of ['rich', 'frame']) {
  test(`Firefox, variant ${variant === 'rich' ? 2 : 3}: underlines over a ${variant === 'rich' ? 'contenteditable' : 'framed'} editor, field notes, the same posted body`, async () => {
    const bodies = [];
    for (const extension of [true, false]) {
      const driver = await browser({ extension });
      try {
        await driver.get(replica.url(`/incidents/new?variant=${variant}`));
        if (extension) {
          await driver.wait(async () => driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')"), 10000);
          // The bad example first: an underline over each loaded phrase, with boxes over the editor.
          const read = await typeRich(driver, variant, bad);
          await driver.wait(async () => (await marks(driver)).length > 0, 10000);
          const found = await driver.executeScript(`
            const editor = document.querySelector('#incident_description_editor, iframe.editor-frame').getBoundingClientRect();
            return [...document.querySelector('[data-cpoms-check="overlay"]').shadowRoot.querySelectorAll('[data-rule]')].map((e) => ({
              criterion: e.dataset.criterion, start: +e.dataset.start, end: +e.dataset.end,
              inside: [...e.children].every((b) => { const r = b.getBoundingClientRect(); return r.left >= editor.left - 1 && r.right <= editor.right + 1; }),
              boxes: e.children.length }));`);
          for (const phrase of ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered']) {
            const at = read.indexOf(phrase);
            const hit = found.find((f) => f.criterion === 'language' && f.start <= at && at < f.end);
            assert.ok(hit && hit.boxes > 0 && hit.inside, `no underline inside the editor over “${phrase}”`);
          }
          const note = "document.querySelector('[data-cpoms-check=\"field-note\"][data-field=\"incident_at\"]')";
          assert.ok(await driver.executeScript(`return !!${note}`), 'a note beside the empty date');
          // Then the good example, with the fields filled: the date note goes.
          await driver.executeScript(variant === 'frame'
            ? "document.querySelector('iframe.editor-frame').contentDocument.body.replaceChildren()"
            : "document.querySelector('#incident_description_editor').replaceChildren()");
        }
        await typeRich(driver, variant, good);
        await fillFields(driver, variant);
        if (extension) {
          await driver.wait(async () => driver.executeScript(
            "return !document.querySelector('[data-cpoms-check=\"field-note\"][data-field=\"incident_at\"]')?.shadowRoot.querySelector('[data-rule=\"datetime.missing\"]')"), 10000);
        }
        bodies.push(await submit(driver, extension, (open) => assert.deepEqual(open, ['timely'])));
      } finally {
        await driver.quit();
      }
    }
    assert.ok(bodies[0].equals(bodies[1]), `${bodies[0]}\n${bodies[1]}`);
  });
}
