// Launching Debian's Chromium for the end-to-end tests: with the packaged extension (the
// new headless mode, the only one that loads extensions) or without it, always mapping
// *.cpoms.net to the local replica.
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const common = ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.cpoms.net 127.0.0.1', '--ignore-certificate-errors'];

/** A persistent context (extensions need one) with the unpacked extension in `dir`. */
export function withExtension(profile, dir) {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // --headless=new below
    ignoreHTTPSErrors: true,
    viewport: { width: 900, height: 700 },
    args: ['--headless=new', ...common, '--no-first-run', '--disable-sync', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
}

/** A page in a browser without the extension; `run(page)` fills and submits it. */
export async function withoutExtension(run) {
  const plain = await chromium.launch({ executablePath, args: common });
  try {
    const page = await (await plain.newContext({ ignoreHTTPSErrors: true, viewport: { width: 900, height: 700 } })).newPage();
    await run(page);
  } finally {
    await plain.close();
  }
}

/** The extension's service worker in `context`, to reach its storage and tabs as its pages would. */
export async function serviceWorker(context) {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}
