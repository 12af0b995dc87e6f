// Hostile pages in Chromium (Playwright), on a normal page (the WebAssembly page layer) and
// on a strict-CSP page (the JavaScript fallback with the engine in the background): for each
// case of hostile-cases.mjs, the checklist's Submit posts exactly what the same click posts
// in a browser without the extension — once, to the same path, the same body.
// Needs ./build.sh and chromium; run: node --test tests/e2e/hostile.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startReplica } from './server.mjs';
import { withExtension } from './chromium.mjs';
import { CASES, compare, poll, record, scenario } from './hostile-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let replica;
let context;
let plain;
let profile;
const results = [];

before(async () => {
  replica = await startReplica();
  profile = mkdtempSync(join(tmpdir(), 'cpoms-hostile-'));
  context = await withExtension(profile, join(root, 'dist', 'chrome'));
  plain = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.cpoms.net 127.0.0.1', '--ignore-certificate-errors'],
  });
});

after(async () => {
  record('chromium', results);
  await context?.close();
  await plain?.close();
  await replica?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** The scenario's adapter over a Playwright page. */
function adapter(page) {
  return {
    name: 'chromium',
    open: (url) => page.goto(url),
    run: (js) => page.evaluate(js),
    click: (css) => page.locator(css).click(),
    waitFor: (js, what) => poll((x) => page.evaluate(x), js, what),
  };
}

for (const [name, what] of Object.entries(CASES)) {
  for (const csp of [false, true]) {
    test(`Chromium${csp ? ' (strict CSP: fallback)' : ''}: ${name} (${what}): one post, the same body as without the extension`, async () => {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let withExt;
      try {
        withExt = await scenario(adapter(page), replica, name, { csp, extension: true });
      } finally {
        await page.close();
      }
      const browserContext = await plain.newContext({ ignoreHTTPSErrors: true });
      let without;
      try {
        without = await scenario(adapter(await browserContext.newPage()), replica, name, { csp, extension: false });
      } finally {
        await browserContext.close();
      }
      const problem = compare(withExt, without);
      results.push({ case: name, csp, posts: withExt.length, problem });
      assert.equal(problem, null, problem ?? '');
      // The page's own errors are its own (the throwing handlers); none come from the extension.
      assert.ok(errors.every((m) => /hostile|never reached/.test(m)), `page errors: ${errors.join('; ')}`);
    });
  }
}
