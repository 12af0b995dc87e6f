// Node: the same engine three ways, on the same inputs:
//   wasm-rt  pkg/node (the shipped build: reference types, `--target nodejs`)
//   wasm-mvp the MVP build's .wasm through the `--target web` glue (initSync)
//   js       the MVP build turned into JavaScript by wasm2js (adapt.mjs's initJs)
// Prints whether every output is identical to wasm-rt's and the time of N checks of the
// guidance's bad example. Usage: node compare.mjs W2J_DIR JS_SUBDIR [N]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [dir, jsSub, nArg] = process.argv.slice(2);
const N = Number(nArg ?? 200);
const fixture = (name) => JSON.parse(readFileSync(join(root, 'tests', 'fixtures', name), 'utf8'));
const bad = fixture('guidance-bad.json');
const good = fixture('guidance-good.json');

const engines = {};
let jsExports, jsPagesAtLoad;
engines['wasm-rt'] = createRequire(import.meta.url)(join(root, 'pkg', 'node', 'cpoms_check.js'));
{
  const t0 = performance.now();
  const g = await import(pathToFileURL(resolve(dir, 'web', 'cpoms_check.js')));
  g.initSync({ module: readFileSync(resolve(dir, 'web', 'cpoms_check_bg.wasm')) });
  engines['wasm-mvp'] = g;
  console.log(`load wasm-mvp: ${(performance.now() - t0).toFixed(1)} ms`);
}
{
  const t0 = performance.now();
  const g = await import(pathToFileURL(resolve(dir, jsSub, 'cpoms_check.js')));
  const { instantiate } = await import(pathToFileURL(resolve(dir, jsSub, 'cpoms_check_js.js')));
  jsExports = g.initJs(instantiate);
  jsPagesAtLoad = jsExports.memory.buffer.byteLength / 65536;
  engines.js = g;
  console.log(`load js (${jsSub}): ${(performance.now() - t0).toFixed(1)} ms`);
}

const long = (len) => { let s = ''; while (s.length < len) s += `${good.text}\n${bad.text}\n`; return s.slice(0, len); };
const policy = { severity: { 'language.emotive': 'advice' }, disabled_rules: ['proofread.spelling'], extra_phrases: [{ phrase: 'flip over' }], timeliness_hours: 48 };
const cases = {
  'check(guidance-bad)': (e) => e.check(bad),
  'check(guidance-good)': (e) => e.check(good),
  'check(bad, policy)': (e) => { try { return e.check(bad, policy); } catch (err) { return `error: ${err.message}`; } },
  'check(20 KB)': (e) => e.check({ ...bad, text: long(20000) }),
  'check(300 KB) (grows memory)': (e) => e.check({ ...bad, text: long(300000) }),
  'check(wrong type)': (e) => { try { return e.check({ text: 5 }); } catch (err) { return `error: ${err.message}`; } },
  'check(emoji, UTF-16)': (e) => e.check({ text: '😀 Derek was kicking off. “Leave me alone” he said.' }),
  'version()': (e) => e.version(),
  'rules()': (e) => e.rules(),
  'defaults()': (e) => e.defaults(),
  'settings(saved, managed)': (e) => e.settings({ severity: { 'proofread.spelling': 'off' } }, { hosts: ['*.cpoms.net'] }),
};
let allSame = true;
for (const [name, f] of Object.entries(cases)) {
  const ref = JSON.stringify(f(engines['wasm-rt']));
  const same = Object.entries(engines).filter(([k]) => k !== 'wasm-rt').map(([k, e]) => {
    const got = JSON.stringify(f(e));
    if (got !== ref) allSame = false;
    return `${k} ${got === ref ? 'same' : `DIFFERENT (${got.slice(0, 200)})`}`;
  });
  console.log(`${name}: ${ref.length} chars of JSON; ${same.join('; ')}`);
}
console.log(`all outputs identical: ${allSame}`);
console.log(`js memory: ${jsPagesAtLoad} pages at load, ${jsExports.memory.buffer.byteLength / 65536} after the checks (memory.grow exercised: ${jsExports.memory.buffer.byteLength / 65536 > jsPagesAtLoad})`);

// Timing: the engines take turns, round by round (the machine is shared: each round sees
// about the same load for all); best and median of ROUNDS rounds of N checks each.
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const times = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
for (const e of Object.values(engines)) for (let i = 0; i < 20; i++) e.check(bad); // warm up
for (let r = 0; r < ROUNDS; r++) {
  for (const [k, e] of Object.entries(engines)) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) e.check(bad);
    times[k].push(performance.now() - t0);
  }
}
for (const [k, ts] of Object.entries(times)) {
  const sorted = [...ts].sort((a, b) => a - b);
  const best = sorted[0], median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${k}: ${N} checks of guidance-bad: best ${best.toFixed(0)} ms (${(best / N).toFixed(3)} ms each), median ${median.toFixed(0)} ms (${(median / N).toFixed(3)} ms each) of ${ROUNDS} rounds`);
}
