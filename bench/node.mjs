// Part 2 of the benchmark: this project's engine (the wasm-bindgen `--target nodejs` build of
// the same crate) against harper.js (British English), write-good and alex on the same texts,
// in one Node process: median time per text over many runs, ratios (theirs ÷ ours), and what
// each flags on the guidance's examples. Prints JSON for bench/run.sh.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8')).text;
const bad = fixture('guidance-bad.json');
const good = fixture('guidance-good.json');
// The seven loaded phrases the guidance marks in its bad example.
const loaded = ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild'];

const ours = require(join(root, 'pkg', 'node', 'cpoms_check.js'));
ours.load_dictionary(gunzipSync(readFileSync(join(root, 'pkg', 'node', 'dictionary.bin.gz'))));
const writeGood = require('write-good');
const { text: alexText } = await import('alex');
const harper = await import('harper.js');
const { binaryInlined } = await import('harper.js/binaryInlined'); // Node cannot fetch a file URL
const linter = new harper.LocalLinter({ binary: binaryInlined, dialect: harper.Dialect.British });
await linter.setup();

/** Each tool as: text → [{start, end}] (UTF-16 offsets of what it flags). */
const tools = {
  'cpoms-check': async (t) => ours.check({ text: t }).findings.filter((f) => f.start != null).map((f) => ({ start: f.start, end: f.end })),
  'harper.js': async (t) => (await linter.lint(t)).map((l) => ({ start: l.span().start, end: l.span().end })),
  'write-good': async (t) => writeGood(t).map((s) => ({ start: s.index, end: s.index + s.offset })),
  alex: async (t) => alexText(t).messages.map((m) => ({ start: m.place?.start?.offset ?? 0, end: m.place?.end?.offset ?? 0 })),
};
const allFindings = {
  'cpoms-check': (t) => ours.check({ text: t }).findings.length,
};

function textOfLength(len) {
  let s = '';
  while (s.length < len) s += `${good}\n${bad}\n`;
  return s.slice(0, len);
}

/** The median of `runs` runs, in three rounds, the lowest kept: the same for every tool (the machine is shared). */
async function median(runs, f) {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    best = Math.min(best, times[Math.floor(times.length / 2)]);
  }
  return best;
}

const texts = { 'guidance bad': bad, 'guidance good': good, '2,000 chars': textOfLength(2000), '20 KB': textOfLength(20000) };
const out = { times: {}, flagged: {}, good_findings: {} };
for (const [name, tool] of Object.entries(tools)) {
  await tool('warm up'); // load dictionaries and compile once, as in use
  out.times[name] = {};
  for (const [label, t] of Object.entries(texts)) {
    const runs = label === '20 KB' ? 15 : 60;
    out.times[name][label] = await median(runs, () => tool(t));
  }
  const spans = await tool(bad);
  out.flagged[name] = loaded.filter((p) => {
    const at = bad.indexOf(p);
    return spans.some((s) => s.start < at + p.length && at < s.end);
  }).length;
  out.good_findings[name] = allFindings[name] ? allFindings[name](good) : (await tool(good)).length;
}
// The dev corpus as whole entries (issue 14): each entry as the page passes it (its form's
// fields and pupil list included) to ours, its text to the others; the time for the whole
// corpus, median of runs, and the same for ours on the text alone.
const corpusPath = join(root, '..', 'shared', 'corpus', 'dev.jsonl');
let corpus = [];
try {
  corpus = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).entry);
} catch { /* no corpus beside the repository: the figure is left out */ }
if (corpus.length) {
  const whole = async (f) => { for (const entry of corpus) await f(entry); };
  out.corpus = { entries: corpus.length, per_entry_ms: {} };
  out.corpus.per_entry_ms['cpoms-check (whole entries)'] = (await median(10, () => whole((e) => ours.check(e)))) / corpus.length;
  for (const [name, tool] of Object.entries(tools)) {
    out.corpus.per_entry_ms[name] = (await median(name === 'cpoms-check' ? 10 : 3, () => whole((e) => tool(e.text)))) / corpus.length;
  }
}
console.log(JSON.stringify(out));
