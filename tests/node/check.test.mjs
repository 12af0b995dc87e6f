// The WebAssembly build in Node: the same engine, the same JSON in and out.
// Run after ./build.sh wasm:  node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const engine = require('../../pkg/node/cpoms_check.js');
// The engine carries no dictionary: it is given the file the extension ships, once.
const dictionary = () => gunzipSync(readFileSync(new URL('../../pkg/node/dictionary.bin.gz', import.meta.url)));
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

test('without its dictionary the engine checks all but spelling and word use, and says so; the dictionary is taken once', () => {
  const text = 'Derek recieved a warning untill the end of the day. He was to tired to finish the task.';
  const before = engine.check({ text });
  assert.ok(!before.findings.some((f) => f.rule.startsWith('proofread.spell')), 'no spelling finding without a dictionary');
  assert.ok(!before.findings.some((f) => f.rule === 'proofread.confusable'), 'word use needs the word classes in the dictionary');
  assert.match(before.checklist.find((r) => r.criterion === 'proofread').summary, /Spelling and word use were not checked/);
  assert.equal(engine.load_dictionary(dictionary()), true);
  assert.equal(engine.load_dictionary(new Uint8Array([1, 2, 3])), false, 'a second dictionary is ignored');
  assert.equal(engine.spelling(), true);
  const after = engine.check({ text });
  assert.ok(after.findings.some((f) => f.excerpt === 'recieved'), 'spelling is checked once the dictionary is in');
  assert.ok(after.findings.some((f) => f.rule === 'proofread.confusable'), 'and word use ("to tired")');
  assert.doesNotMatch(after.checklist.find((r) => r.criterion === 'proofread').summary, /were not checked/);
});

test('version() is the crate version', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(engine.version(), cargo.match(/^version = "(.+)"/m)[1]);
});

test('the bad example is flagged as in criteria.md', () => {
  const v = engine.check(fixture('guidance-bad.json'));
  const status = Object.fromEntries(v.checklist.map((r) => [r.criterion, r.status]));
  for (const c of ['timely', 'language', 'five_w', 'loop']) assert.equal(status[c], 'not_met', c);
  const bad = fixture('guidance-bad.json').text;
  const lang = v.findings.filter((f) => f.criterion === 'language');
  for (const phrase of ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild', '!']) {
    const at = bad.indexOf(phrase);
    assert.ok(lang.some((f) => f.start < at + phrase.length && at < f.end), phrase);
  }
});

test('the good example has no finding and every row met, check or not applicable', () => {
  const v = engine.check(fixture('guidance-good.json'));
  assert.deepEqual(v.findings, []);
  for (const r of v.checklist) assert.ok(['met', 'check', 'not_applicable'].includes(r.status), r.criterion);
  assert.equal(v.checklist.find((r) => r.criterion === 'proofread').status, 'check');
});

test('offsets are UTF-16, as the DOM counts', () => {
  const text = '😀 Derek was kicking off.';
  const v = engine.check({ text });
  const f = v.findings.find((x) => x.rule === 'language.emotive');
  assert.equal(text.slice(f.start, f.end), 'kicking off');
  assert.equal(f.excerpt, 'kicking off');
});

test('bad input throws one clear line naming the field', () => {
  assert.throws(() => engine.check({ text: 'x', incident_at: '2023-02-30T10:00' }), /incident_at/);
  assert.throws(() => engine.check({ text: 5 }), /text/);
  // The object is read field by field, with the CLI's checks and messages.
  assert.throws(() => engine.check({}), /`text`: is required/);
  assert.throws(() => engine.check({ text: 'x', students: 'Amira Khan' }), /`students`: must be a list of strings/);
  assert.throws(() => engine.check({ text: 'x', pupils: ['Amira Khan', 7] }), /`pupils\[1\]`: must be a string/);
  assert.throws(() => engine.check({ text: 'x', tags: [] }), /`tags`: is not an entry field/);
  assert.throws(() => engine.check(['x']), /must be an object/);
  assert.throws(() => engine.check('x'), /must be an object/);
  // Null and undefined fields are absent; blank list items are dropped, as in JSON.
  const v = engine.check({ text: 'Amira was upset.', incident_at: null, categories: undefined, students: [' Amira Khan ', ''] });
  assert.equal(v.checklist.find((r) => r.criterion === 'datetime').status, 'not_met');
  assert.ok(!v.findings.some((f) => f.rule === 'tagging.untagged'), 'the tag is read, trimmed');
  assert.throws(() => engine.check({ text: 'x' }, { timeliness_hours: 'soon' }), /timeliness_hours/);
});

test('a policy object changes the checks', () => {
  const entry = { text: 'Derek had a strop in class.', categories: ['Behaviour'] };
  const before = engine.check(entry).findings.filter((f) => f.rule === 'language.emotive');
  const after = engine.check(entry, { disabled_rules: ['language.emotive'] }).findings.filter((f) => f.rule === 'language.emotive');
  assert.ok(before.length > 0);
  assert.equal(after.length, 0);
});
