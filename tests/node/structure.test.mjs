// What the engine's WebAssembly carries and what it leaves out (issue 14): the rule data is
// compiled in by build.rs, so no TOML reader ships; the spelling dictionary is a separate file
// the extension loads once and hands over. Run after ./build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const file = (path) => readFileSync(new URL(`../../${path}`, import.meta.url));
// The build cargo makes keeps the function names (the shipped copy, shrunk by wasm-opt, does not).
const named = () => new WebAssembly.Module(file('target/wasm32-unknown-unknown/wasm/cpoms_check.wasm'));

/** The names of the module's functions, from its `name` custom section. */
function functionNames(module) {
  const [section] = WebAssembly.Module.customSections(module, 'name');
  assert.ok(section, 'the build keeps its names section');
  const b = new Uint8Array(section);
  let i = 0;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[i++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const names = [];
  while (i < b.length) {
    const id = b[i++];
    const end = leb() + i;
    if (id === 1) {
      for (let n = leb(); n > 0; n--) {
        leb(); // the function's index
        const len = leb();
        names.push(new TextDecoder().decode(b.subarray(i, i + len)));
        i += len;
      }
    }
    i = end;
  }
  return names;
}

test('the WebAssembly contains no TOML reader: the rule data is compiled in when the crate is built', () => {
  const names = functionNames(named());
  assert.ok(names.length > 1000, `names read: ${names.length}`);
  assert.ok(names.some((n) => /cpoms_check.*rules/.test(n)), 'the engine is there (names are mangled)');
  assert.deepEqual(names.filter((n) => /toml/i.test(n)).slice(0, 5), []);
  // Nor the TOML text itself: rules.toml's tables and a rule's example are not in the shipped file.
  const shipped = file('dist/chrome/pkg/cpoms_check_bg.wasm').toString('latin1');
  for (const text of ['[[rule]]', '[criteria.', 'flag = [']) assert.ok(!shipped.includes(text), text);
});

test('the spelling dictionary and the word classes are a separate file, not in the WebAssembly', () => {
  const shipped = file('dist/chrome/pkg/cpoms_check_bg.wasm').toString('latin1');
  const dictionary = gunzipSync(file('dist/chrome/dictionary.bin.gz')).toString('utf8');
  const [aff, dic, extra, classes] = dictionary.split('\0');
  assert.match(aff, /^SFX /m, 'the affix file comes first');
  assert.ok(dic.split('\n').length > 40_000, 'then the word list');
  assert.ok(extra.includes('\n0aba\n3ci\n'), 'then the SCOWL extras (front-coded)');
  assert.ok(classes.includes('\n0abandon nv\n'), 'then the word classes (front-coded)');
  for (const text of [aff.slice(0, 200), dic.slice(0, 200), extra.slice(-200), classes.slice(-200)]) assert.ok(!shipped.includes(text));
  for (const browser of ['chrome', 'firefox']) {
    const manifest = JSON.parse(file(`dist/${browser}/manifest.json`));
    assert.ok(manifest.web_accessible_resources[0].resources.includes('dictionary.bin.gz'), browser);
    assert.deepEqual(file(`dist/${browser}/dictionary.bin.gz`), file('dist/chrome/dictionary.bin.gz'));
  }
});
