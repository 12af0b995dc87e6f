// The options page's import checks (extension/import.js): anything that is not a settings
// object is refused with its reason, before it is parsed deeply or saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BYTES, MAX_DEPTH, depthOf, parseSettings, shown } from '../../extension/import.js';

const known = ['timeliness_hours', 'hosts', 'severity', 'extra_phrases'];

test('a settings object with known keys is accepted as it is', () => {
  const text = '{"timeliness_hours": 24, "hosts": ["*.cpoms.net"], "severity": {"language.emotive": "advice"}}';
  assert.deepEqual(parseSettings(text, known), { settings: JSON.parse(text) });
  assert.deepEqual(parseSettings('{}', known), { settings: {} });
});

test('numbers, booleans, null, texts and lists are refused as not a settings object', () => {
  for (const [text, said] of [['42', 'a number'], ['true', 'true'], ['false', 'false'], ['null', 'null'], ['"x"', 'a text'], ['[1, 2]', 'a list'], ['[]', 'a list']]) {
    const { settings, error } = parseSettings(text, known);
    assert.equal(settings, undefined, text);
    assert.match(error, new RegExp(`holds ${said}, not a settings object`), text);
  }
});

test('keys that are not settings are refused by name, shown safely on one line', () => {
  const { error } = parseSettings('{"__proto__": {"timeliness_hours": 1}, "a\\"b\\n\\u001b[31m": 1}', known);
  assert.match(error, /these are not settings of this version: "__proto__", "a\\"b\\n\\u001b\[31m"/);
  assert.doesNotMatch(error, /[\n\u001b]/, 'no raw newline or escape reaches the page');
  const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]));
  assert.match(parseSettings(JSON.stringify(many), known).error, /"k4" and 4 more$/);
  assert.ok(shown('x'.repeat(1000)).length <= 60, 'a long key is shortened');
});

test('text that is not JSON, too deep or too large is refused with its reason', () => {
  assert.match(parseSettings('{"hosts": [', known).error, /^it is not JSON \(/);
  const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
  assert.equal(depthOf(deep), MAX_DEPTH + 1, 'the scan stops once past the limit');
  assert.match(parseSettings(`{"hosts": ${deep}}`, known).error, /nests more than 16 levels/);
  assert.equal(depthOf('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[["}'), 1, 'brackets inside strings do not count');
  assert.match(parseSettings(`{"hosts": ["${'a'.repeat(MAX_BYTES)}"]}`, known).error, /larger than a settings file can be \(1024 KB\)/);
});

test("a file's name is shown on one line, without control or direction characters", async () => {
  const { fileLabel } = await import('../../extension/import.js');
  assert.equal(fileLabel('good.json'), 'good.json');
  assert.equal(fileLabel('a\nb\u001b[31m\u202e.json'), 'a?b?[31m?.json');
  assert.equal(fileLabel('x'.repeat(500)).length, 80);
});
