// The layout shifts of tests/e2e/shift-cases.mjs in Firefox ESR (selenium-webdriver and
// geckodriver), with the packaged extension: after each, the underlines are back over their
// words within SETTLE_MS, on the textarea, contenteditable and iframe variants and on the real
// editors of the widget pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, Key, until } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';
import { cases, prepare, overWords, settle, editorBox, SETTLE_MS, stickyHeader, colouredPixels, stickyBoxes } from './shift-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;

let replica;
before(async () => { replica = await startReplica(); });
after(async () => { await replica?.close(); });

const variants = [
  { variant: 'textarea', editor: '#incident_description' },
  { variant: 'rich', editor: '#incident_description_editor' },
  { variant: 'frame', editor: 'iframe.editor-frame' },
  // The real editors of pages/widgets/: TinyMCE (an iframe), CKEditor 5, Quill, ProseMirror,
  // typed by keys so that each editor's own input handling builds its document.
  { variant: 'widgets-a', editor: '#incident_description_ifr' },
  { variant: 'widgets-b', editor: '.ck-editor__editable', keys: true },
  { variant: 'widgets-c', editor: '.ql-editor', keys: true },
  { variant: 'widgets-d', editor: '.ProseMirror', keys: true },
];

/** Types the entry through the editor's own input path (an input event, as typing gives). */
const typeEntry = async (driver, editor, keys) => {
  if (keys) return driver.findElement(By.css(editor)).sendKeys(bad);
  return driver.executeScript(`
  const el = document.querySelector(arguments[0]);
  if (el.localName === 'textarea') { el.focus(); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true })); return; }
  const doc = el.localName === 'iframe' ? el.contentDocument : document;
  const target = el.localName === 'iframe' ? doc.body : el;
  target.focus();
  arguments[1].split('\\n').forEach((line, i) => { if (i) doc.execCommand('insertParagraph'); if (line) doc.execCommand('insertText', false, line); });`, editor, bad);
};

const run = (driver, code) => driver.executeScript(`return ${code};`);

for (const { variant, editor, keys } of variants) {
  test(`Firefox, ${variant}: the underlines are back over their words within ${SETTLE_MS} ms after each layout shift`, async () => {
    const driver = await launchFirefox({ extension: true });
    try {
      await driver.manage().window().setRect({ width: 900, height: 1300 }); // the editor stays on screen
      await driver.get(replica.url(`/incidents/new?variant=${variant}`));
      await driver.wait(async () => run(driver, "!!document.querySelector('[data-cpoms-check=\"summary\"]')"), 10000);
      await driver.wait(until.elementLocated(By.css(editor)), 15000);
      // An iframe editor (TinyMCE) makes its body editable once it has started.
      await driver.wait(async () => run(driver, `(() => { const el = document.querySelector(${JSON.stringify(editor)}); return el.localName !== 'iframe' || !!el.contentDocument?.body?.isContentEditable; })()`), 15000);
      await typeEntry(driver, editor, keys);
      await driver.wait(async () => run(driver, "!!document.querySelector('[data-cpoms-check=\"overlay\"]')?.shadowRoot.querySelector('[data-rule]')"), 10000);
      await run(driver, prepare(editor));
      const check = overWords(editor, 'kicking off');
      assert.equal((await run(driver, settle(check))).wrong, '', 'before any shift');
      const failures = [];
      for (const c of cases) {
        for (const [step, code] of [['applied', c.apply], ['undone', c.revert]]) {
          const was = await run(driver, editorBox(editor));
          const lag = await run(driver, code);
          const now = await run(driver, editorBox(editor));
          assert.ok(Math.abs(now.x - was.x) + Math.abs(now.y - was.y) > 4, `${c.name} (${step}) did not move the editor`);
          const { wrong, ms } = await run(driver, settle(check));
          if (wrong) failures.push(`${c.name} (${step}): after ${ms} ms, ${wrong}`);
          if (c.font && step === 'applied' && !(lag > 4)) failures.push(`the late font moved the editor by ${lag} px only`);
          if (c.transition && lag > 2) failures.push(`${c.name} (${step}): ${lag.toFixed(1)} px behind during the transition`);
        }
      }
      assert.deepEqual(failures, []);
    } finally {
      await driver.quit();
    }
  });
}

// A sticky header over the editor's first lines, as in Chromium (follow.test.mjs).
for (const { variant, editor, keys } of variants.filter((v) => ['textarea', 'rich', 'widgets-a'].includes(v.variant))) {
  test(`Firefox, ${variant}: no underline is drawn over a sticky header covering the editor; those below it show`, async () => {
    const driver = await launchFirefox({ extension: true });
    try {
      await driver.manage().window().setRect({ width: 1366, height: 900 });
      await driver.get(replica.url(`/incidents/new?variant=${variant}`));
      await driver.wait(until.elementLocated(By.css(editor)), 15000);
      await driver.wait(async () => run(driver, `(() => { const el = document.querySelector(${JSON.stringify(editor)}); return el.localName !== 'iframe' || !!el.contentDocument?.body?.isContentEditable; })()`), 15000);
      await typeEntry(driver, editor, keys);
      await driver.wait(async () => run(driver, "!!document.querySelector('[data-cpoms-check=\"overlay\"]')?.shadowRoot.querySelector('[data-rule]')"), 10000);
      await driver.actions().sendKeys(Key.ESCAPE).perform(); // a card opened by the caret could cover the words
      await driver.executeScript('document.activeElement?.blur()');
      const at = await run(driver, stickyHeader(editor));
      const [over, below] = await run(driver, colouredPixels(await driver.takeScreenshot(), stickyBoxes(at), at.width));
      assert.equal(over, 0, 'coloured pixels over the header');
      assert.ok(below > 50, `${below} coloured pixels of underlines below the header`);
    } finally {
      await driver.quit();
    }
  });
}
