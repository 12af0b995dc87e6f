// Hostile pages in Firefox ESR (selenium-webdriver and geckodriver), on a normal and a
// strict-CSP page (Firefox runs the page layer in both): for each case of hostile-cases.mjs,
// the checklist's Submit posts exactly what the same click posts in a Firefox without the
// extension — once, to the same path, the same body.
// Needs ./build.sh, firefox-esr and geckodriver; run: node --test tests/e2e/firefox-hostile.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { startReplica } from './server.mjs';
import { launchFirefox } from './firefox.mjs';
import { CASES, compare, poll, record, scenario } from './hostile-cases.mjs';

let replica;
let withExt;
let without;
const results = [];

before(async () => {
  replica = await startReplica();
  withExt = await launchFirefox({ extension: true });
  without = await launchFirefox({ extension: false });
});

after(async () => {
  record('firefox', results);
  await withExt?.quit();
  await without?.quit();
  await replica?.close();
});

/** The scenario's adapter over a WebDriver session. */
function adapter(driver) {
  const run = (js) => driver.executeScript(`return ${js}`);
  return {
    name: 'firefox',
    open: (url) => driver.get(url),
    run,
    click: async (css) => (await driver.findElement(By.css(css))).click(),
    waitFor: (js, what) => poll(run, js, what),
  };
}

for (const [name, what] of Object.entries(CASES)) {
  for (const csp of [false, true]) {
    test(`Firefox${csp ? ' (strict CSP)' : ''}: ${name} (${what}): one post, the same body as without the extension`, async () => {
      const posted = await scenario(adapter(withExt), replica, name, { csp, extension: true });
      const plain = await scenario(adapter(without), replica, name, { csp, extension: false });
      const problem = compare(posted, plain);
      results.push({ case: name, csp, posts: posted.length, problem });
      assert.equal(problem, null, problem ?? '');
    });
  }
}
