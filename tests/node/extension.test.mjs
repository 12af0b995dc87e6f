// The packaged extension (dist/, from ./build.sh): manifests per browser, the fewest
// permissions, no remote code, zips that hold exactly the folders, and the optimised
// WebAssembly still checks an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const manifest = (b) => JSON.parse(readFileSync(join(dist, b, 'manifest.json'), 'utf8'));

function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Names and sizes in a zip's central directory. */
function zipEntries(path) {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    out[buf.toString('utf8', at + 46, at + 46 + nameLen)] = size;
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: runs only on CPOMS, with the fewest permissions`, () => {
    const m = manifest(browser);
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.host_permissions, ['https://*.cpoms.net/*']);
    assert.deepEqual(m.content_scripts.map((c) => c.matches), [['https://*.cpoms.net/*']]);
    assert.ok(m.permissions.every((p) => ['storage'].includes(p)), m.permissions.join());
    assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(m.content_security_policy.extension_pages, /https?:/);
  });

  test(`${browser}: no remote code and no network calls in the scripts`, () => {
    for (const f of files(join(dist, browser)).filter((f) => f.endsWith('.js'))) {
      const src = readFileSync(join(dist, browser, f), 'utf8');
      assert.doesNotMatch(src, /["'`]https?:\/\//, `${f} loads or names a remote URL`);
      assert.doesNotMatch(src, /\bXMLHttpRequest\b|\bWebSocket\b|sendBeacon|\bEventSource\b|\bimportScripts\b/, `${f} can send data`);
      if (!f.startsWith('pkg/')) {
        // The extension's own scripts: no fetch but of the extension's own packaged files, named
        // in place through runtime.getURL (the dictionary; the engine's glue fetches its .wasm the
        // same way), and no console output that could hold entry text.
        const own = src.replace(/\bfetch\(api\.runtime\.getURL\('[\w./-]+'\)\)/g, '');
        assert.doesNotMatch(own, /\bfetch\s*\(|\bconsole\./, `${f} fetches or logs`);
      }
    }
    // The WebAssembly imports no way to send or log anything.
    const wasm = new WebAssembly.Module(readFileSync(join(dist, browser, 'pkg', 'cpoms_check_bg.wasm')));
    const imports = WebAssembly.Module.imports(wasm).map((i) => i.name);
    assert.deepEqual(imports.filter((n) => /fetch|xmlhttp|websocket|beacon|eventsource|console/i.test(n)), []);
  });

  test(`${browser}: only settings are ever written to storage`, () => {
    for (const f of files(join(dist, browser)).filter((f) => f.endsWith('.js') && !f.startsWith('pkg/'))) {
      const src = readFileSync(join(dist, browser, f), 'utf8');
      // Every write names its key in place: `set({ policy: … })`, `set({ off_hosts: … })` or
      // `set({ managed_kept: … })` (the school's policy as last read).
      assert.doesNotMatch(src, /storage\.\w+\.set\((?!\{\s*(?:policy|off_hosts|managed_kept)\s*:)/, `${f} stores something other than settings`);
      assert.doesNotMatch(src, /storage\.(?:sync|session)\b/, `${f} uses sync or session storage`);
    }
  });

  test(`${browser}: the zip holds exactly the folder, compressed, at Cargo.toml's version`, () => {
    const zip = join(dist, `cpoms-check-${browser}.zip`);
    const entries = zipEntries(zip);
    const dir = files(join(dist, browser));
    assert.deepEqual(Object.keys(entries).sort(), dir.sort());
    for (const f of dir) assert.equal(entries[f], statSync(join(dist, browser, f)).size, f);
    const unpacked = dir.reduce((n, f) => n + statSync(join(dist, browser, f)).size, 0);
    assert.ok(statSync(zip).size < unpacked * 0.6, `deflated: ${statSync(zip).size} of ${unpacked} bytes`);
    assert.equal(manifest(browser).version, version);
  });
}

test('the Firefox XPI is the Firefox zip, named with the version', () => {
  assert.deepEqual(readFileSync(join(dist, `cpoms-check-${version}.xpi`)), readFileSync(join(dist, 'cpoms-check-firefox.zip')));
});

test('chrome has a service worker; firefox background scripts and its gecko settings', () => {
  assert.equal(manifest('chrome').background.service_worker, 'background.js');
  assert.equal(manifest('chrome').browser_specific_settings, undefined);
  const ff = manifest('firefox');
  assert.deepEqual(ff.background.scripts, ['background.js']);
  assert.ok(ff.browser_specific_settings.gecko.id);
  assert.deepEqual(ff.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
});

test('the optimised WebAssembly in the package checks an entry', async () => {
  const glue = await import(pathToFileURL(join(dist, 'chrome', 'pkg', 'cpoms_check.js')).href);
  glue.initSync({ module: readFileSync(join(dist, 'chrome', 'pkg', 'cpoms_check_bg.wasm')) });
  const entry = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'guidance-bad.json'), 'utf8'));
  const v = glue.check(entry);
  const status = Object.fromEntries(v.checklist.map((r) => [r.criterion, r.status]));
  assert.equal(status.language, 'not_met');
  assert.ok(v.findings.some((f) => f.excerpt === 'kicking off'));
});
