// The Rails pages (pages/rails/: the real rails-ujs 7.1 from npm) in Firefox ESR through
// selenium-webdriver and geckodriver, with the packaged extension and without it: the same
// scenarios as rails.test.mjs (Chromium). While the checklist is open no page handler has run
// and rails-ujs has not disabled the button; "Submit" runs data-disable-with, data-confirm
// (on the button and on the form), data-remote and the page's own submit handlers once, as
// without the extension; "Go back" leaves the button enabled. Records go to
// target/rails-firefox-results.json. Turbo 8 pages too (Drive, data-turbo-confirm, a turbo-frame). Needs ./build.sh, firefox-esr and geckodriver; run:
// node --test tests/e2e/firefox-rails.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const good = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-good.json'), 'utf8')).text;
const list = "document.querySelector('[data-cpoms-check=\"checklist\"]')";
const results = [];

let replica;
let withExt;
let plain;
before(async () => {
  replica = await startReplica();
  withExt = await launchFirefox({ extension: true });
  plain = await launchFirefox({ extension: false });
});
after(async () => {
  await withExt?.quit();
  await plain?.quit();
  await replica?.close();
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'rails-firefox-results.json'), `${JSON.stringify(results, null, 1)}\n`);
});

function body(post) {
  const boundary = /boundary=(.+)$/.exec(post.contentType ?? '')?.[1];
  const text = post.body.toString();
  return boundary ? text.replaceAll(boundary, 'BOUNDARY') : text;
}

async function scenario(driver, variant, { extension, back = false, answer = 'accept' }) {
  const dialogs = [];
  /** Answers every dialog that opens within `ms`, as the person would. */
  const dialogsFor = async (ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      try {
        const alert = await driver.switchTo().alert();
        dialogs.push(await alert.getText());
        await (answer === 'accept' ? alert.accept() : alert.dismiss());
      } catch {
        await driver.sleep(100);
      }
    }
  };
  const state = () => driver.executeScript(`const b = document.querySelector('#new_incident [type=submit]');
    return { ...JSON.parse(JSON.stringify(window.observed)), disabled: b ? b.disabled : null, label: b ? b.textContent.trim() : null,
      path: location.pathname, saved: !!document.getElementById('saved') };`);
  const shown = () => driver.executeScript(`return !!${list}`);
  const action = (name) => driver.executeScript(`const b = ${list}.shadowRoot.querySelector('[data-action=${name}]'); setTimeout(() => b.click(), 0);`);
  await driver.get(replica.url(`/incidents/new?variant=${variant}`));
  await driver.wait(() => driver.executeScript('return !!window.observed'), 10000);
  await driver.findElement(By.css('#incident_description')).sendKeys(good);
  if (extension) {
    await driver.wait(() => driver.executeScript("return !!document.querySelector('[data-cpoms-check=\"summary\"]')"), 10000).catch(() => {});
    await driver.sleep(1000);
  }
  const start = replica.received.length;
  const posts = () => replica.received.slice(start);
  const record = { variant, extension, back, answer, dialogs };
  const press = async () => {
    await driver.findElement(By.css('#new_incident [type=submit]')).click();
    await dialogsFor(1200);
  };
  const openList = async () => {
    await press();
    return driver.wait(shown, 8000).then(() => true, () => false);
  };
  if (extension) {
    record.checklistShown = await openList();
    record.whileOpen = { ...(await state()), posts: posts().length, dialogs: dialogs.length };
    if (record.checklistShown && back) {
      await action('back');
      await driver.sleep(400);
      record.afterBack = { ...(await state()), posts: posts().length, checklistGone: !(await shown()) };
      record.checklistShownAgain = await openList();
      record.whileOpenAgain = { ...(await state()), posts: posts().length, dialogs: dialogs.length };
    }
    if (await shown()) {
      await action('submit');
      await dialogsFor(1200);
    }
  } else {
    await press();
  }
  for (let i = 0; i < 40 && posts().length === 0; i++) await driver.sleep(100);
  await driver.sleep(800);
  record.end = await state();
  record.posts = posts().map((p) => ({ path: p.path, body: body(p) }));
  results.push(record);
  return record;
}

const both = async (variant, options) => [
  await scenario(withExt, variant, { ...options, extension: true }),
  await scenario(plain, variant, { ...options, back: false, extension: false }),
];

function sameEnd(a, b) {
  assert.equal(a.posts.length, b.posts.length, 'number of POSTs');
  assert.deepEqual(a.posts, b.posts, 'the POSTs (path and body)');
  for (const k of ['submits', 'early', 'disabled', 'label', 'ajax', 'loads', 'path', 'saved']) assert.deepEqual(a.end[k], b.end[k], `end state: ${k}`);
  assert.deepEqual(a.end.disabledAtSubmit, b.end.disabledAtSubmit, 'button disabled when the page’s handler ran');
}

function untouched(open, what) {
  assert.equal(open.posts, 0, `${what}: nothing posted`);
  assert.equal(open.submits + open.early, 0, `${what}: no page submit handler has run`);
  assert.equal(open.disabled, false, `${what}: the button is not disabled`);
  assert.equal(open.label, 'Add Incident', `${what}: the button keeps its text`);
}

for (const variant of ['rails-ujs', 'rails-confirm', 'rails-confirm-form', 'rails-remote', 'rails-turbo', 'rails-turbo-confirm', 'rails-turbo-frame']) {
  const confirmOnClick = variant === 'rails-confirm';
  const asks = confirmOnClick || variant === 'rails-confirm-form' || variant === 'rails-turbo-confirm';
  const turbo = variant.startsWith('rails-turbo');

  test(`Firefox ${variant}: the checklist holds the submission before the page's handlers; Submit runs them once, as without the extension`, async () => {
    const [a, b] = await both(variant, {});
    assert.ok(a.checklistShown, 'pressing the submit button opens the checklist');
    untouched(a.whileOpen, 'checklist open');
    assert.equal(a.whileOpen.dialogs, confirmOnClick ? 1 : 0, 'dialogs before the checklist');
    assert.equal(b.posts.length, 1, 'one POST without the extension');
    // A <turbo-frame> takes its form's submission on the frame element: no document handler sees it.
    assert.equal(b.end.early, variant === 'rails-turbo-frame' ? 0 : 1, 'the page handler without the extension');
    assert.equal(b.dialogs.length, asks ? 1 : 0, 'dialogs without the extension');
    if (turbo) assert.equal(b.end.saved, true, 'Turbo showed the saved page or frame without the extension');
    else if (variant !== 'rails-remote') assert.equal(b.end.label, 'Saving…', 'data-disable-with applied without the extension');
    sameEnd(a, b);
    assert.deepEqual(a.dialogs, b.dialogs, 'the same dialogs, the same number of times');
    assert.equal(a.end.confirms, b.end.confirms, 'rails-ujs confirm calls');
  });

  test(`Firefox ${variant}: Go back, then submit again: the button is not left disabled, and one submission goes through`, async () => {
    const [a, b] = await both(variant, { back: true });
    assert.ok(a.checklistShown && a.checklistShownAgain, 'the checklist opens on each press');
    untouched(a.whileOpen, 'checklist open (first)');
    assert.ok(a.afterBack.checklistGone, 'Go back closes the checklist');
    untouched(a.afterBack, 'after Go back');
    untouched(a.whileOpenAgain, 'checklist open (second)');
    sameEnd(a, b);
    assert.equal(a.dialogs.length, confirmOnClick ? 2 : asks ? 1 : 0, 'dialogs');
  });

  if (asks) {
    test(`Firefox ${variant}: declining the confirm posts nothing and leaves the button enabled, as without the extension`, async () => {
      const [a, b] = await both(variant, { answer: 'dismiss' });
      assert.equal(a.checklistShown, !confirmOnClick, 'checklist shown');
      assert.equal(b.posts.length, 0, 'nothing posted without the extension');
      sameEnd(a, b);
      assert.deepEqual(a.dialogs, b.dialogs, 'the same dialogs, the same number of times');
    });
  }
}
