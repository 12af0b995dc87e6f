// Issue 4 in Firefox ESR with the packaged extension: a managed policy (policies.json,
// written before the browser starts) changes the checks and an invalid value in it leaves
// the checker working on its default; a full session sends nothing but what the page itself
// sends (every connection goes through a recording proxy); axe-core finds no violation on
// the options page (which lists each rule by title and description) and with the card and
// the checklist open; the rollout of docs/rollout.md: the XPI installed through
// the doc's own ExtensionSettings with an install_url on a local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { By, until } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { startProxy } from './proxy.mjs';
import { launchFirefox } from './firefox.mjs';
import { docJson, servePackages } from './rollout.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const policies = process.env.FIREFOX_POLICIES ?? '/usr/lib/firefox-esr/distribution/policies.json';
const GECKO_ID = 'cpoms-check@schools.invalid';

let replica;
before(async () => { replica = await startReplica(); });
after(async () => { await replica?.close(); });

const type = (driver, text) => driver.executeScript(
  "const t = document.querySelector('#incident_description'); t.focus(); t.value = arguments[0]; t.dispatchEvent(new Event('input', {bubbles: true}));", text);
const inShadow = (host, selector) => `document.querySelector('[data-cpoms-check="${host}"]')?.shadowRoot.querySelector('${selector}')`;

async function withDriver(opts, run) {
  const driver = await launchFirefox(opts);
  try {
    return await run(driver);
  } finally {
    await driver.quit();
  }
}

/** Moves the machine's Firefox policies.json aside for a test that writes its own; gives the
 * function that puts it back (safe to call twice), or null when the test was skipped because
 * the file cannot be written here. */
function takePolicies(t) {
  const backup = `${policies}.cpoms-check-backup`;
  try {
    mkdirSync(dirname(policies), { recursive: true });
    accessSync(dirname(policies), constants.W_OK);
    if (existsSync(policies)) renameSync(policies, backup);
  } catch (e) {
    t.skip(`writing Firefox's policies.json needs root (${e.code})`);
    return null;
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    rmSync(policies, { force: true });
    if (existsSync(backup)) renameSync(backup, policies);
  };
}

test('Firefox: a managed policy changes the checks; its invalid value is left out and the checker keeps working', async (t) => {
  const restore = takePolicies(t);
  if (!restore) return;
  writeFileSync(policies, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: {
    extra_phrases: [{ phrase: 'had a wobble', replacement: 'shouted' }],
    timeliness_hours: 'a day',
  } } } } }));
  try {
    await withDriver({ extension: true }, async (driver) => {
      await driver.get(replica.url('/incidents/new'));
      await driver.wait(async () => driver.executeScript(`return !!document.querySelector('[data-cpoms-check="summary"]')`), 10000);
      await type(driver, 'Derek had a wobble in class.');
      await driver.wait(async () => (await driver.executeScript(`return ${inShadow('overlay', '[data-rule="language.emotive"]')}?.textContent`)) === 'had a wobble', 10000,
        'the school\'s extra phrase is flagged');
      // The options page, opened from the page's list of points: the school's setting is
      // locked; its unusable one is reported and the field shows the default.
      const before = await driver.getAllWindowHandles();
      await driver.executeScript(`${inShadow('summary', 'button')}.click()`);
      await driver.wait(async () => driver.executeScript(`return !!${inShadow('checklist', '[data-action=settings]')}`), 10000);
      await driver.executeScript(`${inShadow('checklist', '[data-action=settings]')}.click()`);
      await driver.wait(async () => (await driver.getAllWindowHandles()).length > before.length, 10000, 'the options page opens');
      const [options] = (await driver.getAllWindowHandles()).filter((h) => !before.includes(h));
      await driver.switchTo().window(options);
      await driver.wait(async () => driver.executeScript("return document.body?.dataset.ready === 'true'"), 10000);
      const state = await driver.executeScript(`return {
        locked: !!document.querySelector('[data-key="extra_phrases"] .locked'),
        disabled: document.querySelector('#extra_phrases').disabled,
        phrases: document.querySelector('#extra_phrases').value,
        hours: document.querySelector('#timeliness_hours').value,
        hoursLocked: document.querySelector('#timeliness_hours').disabled,
        note: document.querySelector('#managed-errors').textContent,
        phrasesFrom: document.querySelector('#in-force [data-setting="extra_phrases"] [data-source]').textContent,
        hoursFrom: document.querySelector('#in-force [data-setting="timeliness_hours"] [data-source]').textContent }`);
      assert.ok(state.locked && state.disabled, 'the school\'s setting is locked');
      assert.match(state.phrases, /had a wobble/);
      assert.equal(state.hours, '24', 'the unusable value\'s default applies');
      assert.equal(state.hoursLocked, false);
      assert.match(state.note, /timeliness_hours/);
      assert.equal(state.phrasesFrom, 'your school', 'the settings in force name the school');
      assert.equal(state.hoursFrom, 'default', 'and the default for its unusable value');
      // Each rule by its title and description as text; axe finds nothing on the page.
      const emotive = await driver.executeScript(`const r = document.getElementById('rule-language.emotive').closest('.rule');
        return { label: r.querySelector('label').innerText, what: r.querySelector('.what').innerText }`);
      assert.equal(emotive.label, 'Emotive, loaded or slang words language.emotive');
      assert.match(emotive.what, /^Emotive, loaded or slang words in the writer's own words/);
      assert.deepEqual(await axe(driver), [], 'no accessibility violation on the options page');
    });
  } finally {
    restore();
  }
});

/** A full session: open, type, open a card, apply, open the checklist, submit. */
async function fullSession(driver, extension) {
  await driver.get(replica.url('/incidents/new'));
  if (extension) await driver.wait(async () => driver.executeScript(`return !!document.querySelector('[data-cpoms-check="summary"]')`), 10000);
  await type(driver, bad);
  if (extension) {
    const at = bad.indexOf('really frightened');
    const mark = `${inShadow('overlay', `[data-start="${at}"]`)}`;
    await driver.wait(async () => driver.executeScript(`return !!${mark}`), 10000);
    const box = await driver.executeScript(`const r = ${mark}.getClientRects()[0]; return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`);
    await driver.actions().move({ x: box.x, y: box.y }).perform();
    await driver.wait(async () => driver.executeScript(`return !!${inShadow('card', '[data-action=apply]')}`), 10000);
    const violations = await axe(driver);
    assert.deepEqual(violations, [], 'no accessibility violation with the card open');
    await driver.executeScript(`${inShadow('card', '[data-action=apply]')}.click()`);
  } else {
    await type(driver, bad.replace('really frightened', 'frightened'));
  }
  await driver.findElement(By.css('input[type=submit]')).click();
  if (extension) {
    await driver.wait(async () => driver.executeScript(`return !!${inShadow('checklist', '[data-action=submit]')}`), 10000);
    assert.deepEqual(await axe(driver), [], 'no accessibility violation with the checklist open');
    await driver.executeScript(`${inShadow('checklist', '[data-action=submit]')}.click()`);
  }
  await driver.wait(until.elementLocated(By.xpath("//*[contains(text(), 'Incident saved')]")), 10000);
}

async function axe(driver) {
  await driver.executeScript(axeSource);
  return driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))));`);
}

test('Firefox: a full session sends nothing but what the page itself sends', async () => {
  const runs = [];
  for (const extension of [true, false]) {
    const proxy = await startProxy(replica.port);
    const from = replica.log.length;
    try {
      await withDriver({ extension, proxyPort: proxy.port }, (driver) => fullSession(driver, extension));
    } finally {
      await proxy.close();
    }
    runs.push({ hosts: [...new Set(proxy.hosts)], requests: replica.log.slice(from) });
  }
  const [withExt, without] = runs;
  assert.deepEqual(withExt.requests, without.requests, 'the replica received the same requests');
  // Firefox's own services (Mozilla's hosts) may call home in either run; nothing else may.
  const mozilla = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)(:\d+)?$/;
  const others = withExt.hosts.filter((h) => !h.split(':')[0].endsWith('.cpoms.net') && !mozilla.test(h));
  assert.deepEqual(others, [], 'no other host was contacted');
  assert.ok(withExt.hosts.some((h) => h.startsWith('school.cpoms.net:')), 'the proxy saw the replica traffic');
});

test('Firefox rollout: the XPI installs through the doc\'s ExtensionSettings with an install_url on a local server, and its settings come from the school', async (t) => {
  const restore = takePolicies(t);
  if (!restore) return;
  // The XPI ./build.sh made, served as a school would serve its signed copy. This ESR build
  // runs it unsigned only with the doc's ESR-only preference (release Firefox never would).
  const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  const server = await servePackages(join(root, 'dist'), { secure: false });
  try {
    const fromDoc = docJson('firefox-policies', { base: server.base });
    const sample = docJson('sample');
    const install = fromDoc.policies.ExtensionSettings[GECKO_ID];
    assert.equal(install.install_url, `${server.base}/cpoms-check-${version}.xpi`);
    assert.deepEqual(fromDoc.policies['3rdparty'].Extensions[GECKO_ID], sample);
    // Without the ESR-only preference, the unsigned XPI is fetched and refused.
    const refused = await servePackages(join(root, 'dist'), { secure: false });
    try {
      const unsignedOff = docJson('firefox-policies', { base: refused.base });
      writeFileSync(policies, JSON.stringify(unsignedOff));
      await withDriver({ extension: false }, async (driver) => {
        await driver.wait(async () => refused.requests.length > 0, 30000, 'Firefox asks for the XPI');
        await new Promise((r) => setTimeout(r, 3000));
        await driver.get(replica.url('/incidents/new'));
        const on = await driver.wait(async () => driver.executeScript(`return !!document.querySelector('[data-cpoms-check="summary"]')`), 3000).catch(() => false);
        assert.equal(on, false, 'an unsigned XPI is not installed unless the ESR preference allows it');
      });
    } finally {
      await refused.close();
    }
    const esr = docJson('firefox-esr-unsigned').policies;
    writeFileSync(policies, JSON.stringify({ policies: { ...fromDoc.policies, ...esr } }));
    await withDriver({ extension: false }, async (driver) => {
      // Installed by the browser itself at start-up: the checker appears on the CPOMS page.
      const deadline = Date.now() + 60000;
      for (;;) {
        await driver.get(replica.url('/incidents/new'));
        const on = await driver.wait(async () => driver.executeScript(`return !!document.querySelector('[data-cpoms-check="summary"]')`), 3000).catch(() => false);
        if (on) break;
        if (Date.now() > deadline) throw new Error(`the XPI was not installed; the server was asked for ${server.requests.join(', ') || 'nothing'}`);
      }
      assert.deepEqual(server.requests, [`/cpoms-check-${version}.xpi`], 'Firefox fetched the XPI the policy names');
      // Installed: nothing else may install it, nor read this policy.
      await server.close();
      restore();
      const before = await driver.getAllWindowHandles();
      await driver.executeScript(`${inShadow('summary', 'button')}.click()`);
      await driver.wait(async () => driver.executeScript(`return !!${inShadow('checklist', '[data-action=settings]')}`), 10000);
      await driver.executeScript(`${inShadow('checklist', '[data-action=settings]')}.click()`);
      await driver.wait(async () => (await driver.getAllWindowHandles()).length > before.length, 10000, 'the options page opens');
      const [options] = (await driver.getAllWindowHandles()).filter((h) => !before.includes(h));
      await driver.switchTo().window(options);
      await driver.wait(async () => driver.executeScript("return document.body?.dataset.ready === 'true'"), 10000);
      const sources = await driver.executeScript(`return Object.fromEntries([...document.querySelectorAll('#in-force [data-setting]')]
        .map((r) => [r.dataset.setting, r.querySelector('[data-source]').dataset.source]))`);
      for (const key of Object.keys(sample)) assert.equal(sources[key], 'school', key);
      assert.equal(sources.hosts, 'default');
      assert.equal(await driver.executeScript("return document.querySelector('#staff_name_format').value"), sample.staff_name_format);
      assert.equal(await driver.executeScript("return document.querySelector('#managed-errors').hidden"), true, 'every setting of the example is usable');
    });
  } finally {
    await server.close().catch(() => {});
    restore();
  }
});
