// Turns wasm2js output and wasm-bindgen's `--target web` glue into a pair that runs with no
// WebAssembly at all:
//   OUT/cpoms_check_js.js  the engine as plain JavaScript: `export function instantiate(imports)`
//                          returns what a WebAssembly instance's `exports` would be;
//   OUT/cpoms_check.js     the glue, unchanged but for one appended export,
//                          `initJs(instantiate)`, which hands the glue's own imports object to
//                          `instantiate` and finishes initialisation as `initSync` would.
// Two edits to the wasm2js output, both checked (the script fails if the text is not found):
//  - its top-level `import * as … from './cpoms_check_bg.js'` and `asmFunc({…})` call are
//    replaced by the `instantiate` factory (the glue supplies the imports, as for WebAssembly);
//  - `memory.grow` detaches the old ArrayBuffer after copying it (structuredClone transfer),
//    as WebAssembly does: the glue notices a grown memory only by a detached buffer
//    (`byteLength === 0`), so without this it would keep writing to the stale copy.
// Usage: [W2J_NO_DETACH=1] node adapt.mjs WASM2JS_OUTPUT GLUE_JS OUT_DIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [engineIn, glueIn, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
let js = readFileSync(engineIn, 'utf8');

function replaceOnce(text, pattern, by, what) {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'));
  if (!matches || matches.length !== 1) throw new Error(`adapt: expected one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, by);
}

js = replaceOnce(js, /^import \* as \S+ from '\.\/cpoms_check_bg\.js';\n/m, '', 'import of the glue');
const tail = js.indexOf('\nvar retasmFunc = asmFunc(');
if (tail < 0) throw new Error('adapt: no `var retasmFunc = asmFunc(` in the wasm2js output');
js = js.slice(0, tail) + '\nexport function instantiate(imports) {\n  return asmFunc(imports);\n}\n';
// wasm2js (minified or not) assigns the grown buffer to the variable the memory export reads.
// W2J_NO_DETACH=1 leaves this out (the control: shows why it is needed).
if (!process.env.W2J_NO_DETACH) js = replaceOnce(js, /(\b(\w+) = (\w+);\s*\n\s*bufferView = \w+;)/,
  (m, all, oldVar, newVar) => `structuredClone(${oldVar}, { transfer: [${oldVar}] });\n${all}`,
  'buffer swap in memory.grow');
writeFileSync(join(out, 'cpoms_check_js.js'), js);

let glue = readFileSync(glueIn, 'utf8');
if (!glue.includes('function __wbg_get_imports()') || !glue.includes('function __wbg_finalize_init(')) {
  throw new Error('adapt: the glue has no __wbg_get_imports / __wbg_finalize_init');
}
glue += `
/** The engine compiled to JavaScript by wasm2js: \`initJs(instantiate)\` with the
 * \`instantiate\` of cpoms_check_js.js, instead of \`init\` with a .wasm file. */
export function initJs(instantiate) {
    if (wasm !== undefined) return wasm;
    const exports = instantiate(__wbg_get_imports());
    return __wbg_finalize_init({ exports }, undefined);
}
`;
writeFileSync(join(out, 'cpoms_check.js'), glue);
writeFileSync(join(out, 'package.json'), '{"type": "module"}\n'); // for Node: both files are ES modules
console.error(`adapt: wrote ${join(out, 'cpoms_check_js.js')} and ${join(out, 'cpoms_check.js')}`);
