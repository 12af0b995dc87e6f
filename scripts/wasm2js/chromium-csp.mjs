// Chromium, a page with a strict Content-Security-Policy (no 'wasm-unsafe-eval') and the same
// page without it: a scratch extension (built here, in a temporary folder; not the product)
// whose content script
//  1. tries WebAssembly.compile on an empty module (expected: refused under the strict CSP,
//     as the research found);
//  2. if refused, imports the wasm2js build (JS_DIR/cpoms_check.js and cpoms_check_js.js) with
//     import(chrome.runtime.getURL(…)) and calls initJs; if allowed, loads the shipped
//     WebAssembly build (pkg/web) as extension/settings.js loadEngine does;
//  3. runs check() on the guidance's bad example and times N checks;
//  4. starts the page layer (start()), after which the test types the bad example into the
//     replica's field and waits for the overlay's underlines, as tests/e2e/chromium.test.mjs does;
//     the underlines (rule, start, end) on both pages are compared.
// Results go to the page's <html data-w2j="…"> (content scripts share the DOM) and stdout.
// Usage: node chromium-csp.mjs JS_DIR [N]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startReplica } from '../../tests/e2e/server.mjs';
import { withExtension } from '../../tests/e2e/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [jsDir, nArg] = process.argv.slice(2);
const N = Number(nArg ?? 50);
const badEntry = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8'));
const reference = JSON.stringify(createRequire(import.meta.url)(join(root, 'pkg', 'node', 'cpoms_check.js')).check(badEntry));

const ext = mkdtempSync(join(tmpdir(), 'w2j-ext-'));
const profile = mkdtempSync(join(tmpdir(), 'w2j-profile-'));
mkdirSync(join(ext, 'js'));
for (const f of ['cpoms_check.js', 'cpoms_check_js.js']) cpSync(resolve(jsDir, f), join(ext, 'js', f));
mkdirSync(join(ext, 'wasm'));
for (const f of ['cpoms_check.js', 'cpoms_check_bg.wasm']) cpSync(join(root, 'pkg', 'web', f), join(ext, 'wasm', f));
writeFileSync(join(ext, 'manifest.json'), JSON.stringify({
  manifest_version: 3, name: 'wasm2js probe', version: '0.0.1',
  content_scripts: [{ matches: ['https://*.cpoms.net/*'], js: ['probe.js'], run_at: 'document_idle' }],
  web_accessible_resources: [{ resources: ['js/*', 'wasm/*'], matches: ['https://*.cpoms.net/*'] }],
}));
writeFileSync(join(ext, 'probe.js'), `(async () => {
  const out = { csp_wasm: null };
  const put = () => document.documentElement.setAttribute('data-w2j', JSON.stringify(out));
  try { await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); out.csp_wasm = 'allowed'; }
  catch (e) { out.csp_wasm = 'refused: ' + e.name + ': ' + e.message; }
  try {
    out.build = out.csp_wasm === 'allowed' ? 'wasm' : 'js';
    const t0 = performance.now();
    let glue, t1;
    if (out.build === 'js') {
      glue = await import(chrome.runtime.getURL('js/cpoms_check.js'));
      const { instantiate } = await import(chrome.runtime.getURL('js/cpoms_check_js.js'));
      t1 = performance.now();
      glue.initJs(instantiate);
    } else {
      glue = await import(chrome.runtime.getURL('wasm/cpoms_check.js'));
      t1 = performance.now();
      await glue.default({ module_or_path: chrome.runtime.getURL('wasm/cpoms_check_bg.wasm') });
    }
    out.import_ms = t1 - t0;
    out.init_ms = performance.now() - t1;
    const entry = ${JSON.stringify(badEntry)};
    const tf = performance.now();
    out.verdict = JSON.stringify(glue.check(entry));
    out.first_check_ms = performance.now() - tf;
    for (let i = 0; i < 10; i++) glue.check(entry);
    const t2 = performance.now();
    for (let i = 0; i < ${N}; i++) glue.check(entry);
    out.check_ms = (performance.now() - t2) / ${N};
    glue.start(undefined, undefined, () => {}, () => {});
    out.started = true;
  } catch (e) { out.error = String((e && e.stack) || e); }
  put();
})();
`);

const replica = await startReplica();
const context = await withExtension(profile, ext);
let code = 0;
const underlines = {};
try {
  for (const path of ['/incidents/new?csp=1', '/incidents/new']) {
    const page = await context.newPage();
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    const response = await page.goto(replica.url(path));
    console.log(`\n${path}: page CSP header: ${response.headers()['content-security-policy'] ?? '(none)'}`);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-w2j'), null, { timeout: 60000 });
    const out = JSON.parse(await page.evaluate(() => document.documentElement.getAttribute('data-w2j')));
    console.log(`WebAssembly.compile in the content script: ${JSON.stringify(out.csp_wasm)}`);
    if (out.error) { console.log(`${out.build} build failed: ${out.error}`); code = 1; continue; }
    console.log(`${out.build} build: import ${out.import_ms.toFixed(0)} ms, init ${out.init_ms.toFixed(0)} ms, first check ${out.first_check_ms.toFixed(0)} ms, then one check of guidance-bad ${out.check_ms.toFixed(2)} ms (mean of ${N})`);
    console.log(`verdict identical to pkg/node's: ${out.verdict === reference}`);
    const field = page.locator('#incident_description');
    await field.fill(badEntry.text);
    const marks = page.locator('[data-cpoms-check="overlay"] [data-rule]');
    await marks.first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    const found = await marks.evaluateAll((els) => els.map((e) => `${e.dataset.rule}@${e.dataset.start}-${e.dataset.end}`));
    underlines[out.build] = [...new Set(found)].sort();
    console.log(`page layer (${out.build} build) drew ${found.length} underlines after typing the bad example: ${[...new Set(found.map((f) => f.split('@')[0]))].join(', ')}`);
    const csp = consoleLines.filter((l) => /Content Security Policy|wasm|error/i.test(l));
    if (csp.length) console.log(`console:\n  ${csp.join('\n  ')}`);
    await page.close();
  }
  if (underlines.js && underlines.wasm) {
    console.log(`\nunderlines identical (JS build under strict CSP vs shipped wasm build without): ${JSON.stringify(underlines.js) === JSON.stringify(underlines.wasm)}`);
  }
} catch (e) {
  console.log(`failed: ${e.stack ?? e}`);
  code = 1;
} finally {
  await context.close();
  await replica.close();
  rmSync(ext, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
