// Underlines stay on their words when the page's layout moves the editor without a scroll,
// a window resize or a change to the body's size (tests/e2e/shift-cases.mjs): the packaged
// extension in Chromium, on the textarea, contenteditable and iframe variants of the replica
// and on the real editors of the widget pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplica } from './server.mjs';
import { withExtension } from './chromium.mjs';
import { cases, prepare, overWords, settle, editorBox, SETTLE_MS, stickyHeader, colouredPixels, stickyBoxes } from './shift-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bad = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8')).text;

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
});

const variants = [
  { variant: 'textarea', editor: '#incident_description' },
  { variant: 'rich', editor: '#incident_description_editor' },
  { variant: 'frame', editor: 'iframe.editor-frame', framed: true },
  // The real editors of pages/widgets/: TinyMCE (an iframe), CKEditor 5, Quill, ProseMirror.
  { variant: 'widgets-a', editor: '#incident_description_ifr', framed: true },
  { variant: 'widgets-b', editor: '.ck-editor__editable' },
  { variant: 'widgets-c', editor: '.ql-editor' },
  { variant: 'widgets-d', editor: '.ProseMirror' },
];

async function typeEntry(page, editor, framed) {
  if (editor === '#incident_description') return page.locator(editor).fill(bad);
  const target = framed ? page.frameLocator(editor).locator('body[contenteditable="true"]') : page.locator(editor);
  await target.click();
  for (const [i, line] of bad.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
}

for (const { variant, editor, framed } of variants) {
  test(`${variant}: the underlines are back over their words within ${SETTLE_MS} ms after each layout shift`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 900, height: 1200 }); // the editor stays on screen through the shifts
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await typeEntry(page, editor, framed);
    await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
    await page.keyboard.press('Escape'); // a card opened by the caret could cover the words probed
    await page.evaluate(prepare(editor));
    const check = overWords(editor, 'kicking off');
    const start = await page.evaluate(settle(check));
    assert.equal(start.wrong, '', 'before any shift');
    const failures = [];
    for (const c of cases) {
      for (const [step, code] of [['applied', c.apply], ['undone', c.revert]]) {
        const was = await page.evaluate(editorBox(editor));
        const lag = await page.evaluate(code);
        const now = await page.evaluate(editorBox(editor));
        // The shift must really move the editor, or the case tests nothing.
        assert.ok(Math.abs(now.x - was.x) + Math.abs(now.y - was.y) > 4, `${c.name} (${step}) did not move the editor`);
        const { wrong, ms } = await page.evaluate(settle(check));
        if (wrong) failures.push(`${c.name} (${step}): after ${ms} ms, ${wrong}`);
        // While a transition runs the overlay follows frame by frame, not only at its end.
        if (c.font && step === 'applied') assert.ok(lag > 4, `the late font moved the editor by ${lag} px only`);
        if (c.transition && lag > 2) failures.push(`${c.name} (${step}): ${lag.toFixed(1)} px behind during the transition`);
      }
    }
    assert.deepEqual(failures, []);
    await page.close();
  });
}

// A sticky header over the editor's first lines: the overlay sits above the page's layers, so
// it must leave out what the header covers, and still draw the underlines below it.
for (const { variant, editor, framed } of variants.filter((v) => ['textarea', 'rich', 'widgets-a'].includes(v.variant))) {
  test(`${variant}: no underline is drawn over a sticky header covering the editor; those below it show`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(replica.url(`/incidents/new?variant=${variant}`));
    await typeEntry(page, editor, framed);
    await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.activeElement?.blur());
    const at = await page.evaluate(stickyHeader(editor));
    const png = (await page.screenshot()).toString('base64');
    const [over, below] = await page.evaluate(colouredPixels(png, stickyBoxes(at), at.width));
    assert.equal(over, 0, 'coloured pixels over the header');
    assert.ok(below > 50, `${below} coloured pixels of underlines below the header`);
    await page.close();
  });
}

/** Counts the extension's animation-frame requests: rAF is wrapped in the content script's own
 * (isolated) world, which the page's scripts cannot see and the extension's calls go through. */
async function frameCounter(page) {
  const cdp = await page.context().newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  assert.ok(world, 'the content script\'s world');
  const run = async (expression) => (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true })).result.value;
  // The global object's operations are its own properties, not its prototype's.
  await run(`(() => { const raf = window.requestAnimationFrame; globalThis.__frames = 0;
    window.requestAnimationFrame = function (f) { globalThis.__frames += 1; return raf.call(window, f); }; return true; })()`);
  return { take: () => run('(() => { const n = globalThis.__frames; globalThis.__frames = 0; return n; })()') };
}

test('no animation frame is asked for while the page is idle; after a shift, the following stops once the editor is still', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 1200 }); // the field's words stay in view to probe
  await page.goto(replica.url('/incidents/new?variant=textarea'));
  await page.locator('#incident_description').fill(bad);
  await page.locator('[data-cpoms-check="overlay"] [data-rule]').first().waitFor();
  await page.evaluate(prepare('#incident_description'));
  await page.evaluate(() => document.activeElement?.blur());
  const frames = await frameCounter(page);
  await page.waitForTimeout(500);
  await frames.take();
  await page.waitForTimeout(1000);
  assert.equal(await frames.take(), 0, 'frames asked for in an idle second');
  await page.evaluate("document.body.style.paddingTop = '200px'");
  assert.equal((await page.evaluate(settle(overWords('#incident_description', 'kicking off')))).wrong, '');
  await page.waitForTimeout(300);
  const after = await frames.take();
  assert.ok(after > 0 && after <= 6, `${after} frames to follow one shift`);
  await page.waitForTimeout(1000);
  assert.equal(await frames.take(), 0, 'frames asked for in the idle second after the shift');
  await page.close();
});
