// Drops the `target_features` custom section of a .wasm file, so that wasm-bindgen does not
// take "+reference-types" (merged in by the prebuilt std, which is built with it) as a sign
// that the crate was compiled with reference types. Usage: node strip-target-features.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const b = readFileSync(input);
const leb = (at) => { let v = 0, s = 0, x; do { x = b[at++]; v |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return [v >>> 0, at]; };
const parts = [b.subarray(0, 8)];
let at = 8, dropped = 0;
while (at < b.length) {
  const start = at, id = b[at++];
  const [size, body] = leb(at);
  const end = body + size;
  let name = null;
  if (id === 0) { const [n, s] = leb(body); name = b.subarray(s, s + n).toString('utf8'); }
  if (name === 'target_features') dropped++; else parts.push(b.subarray(start, end));
  at = end;
}
writeFileSync(output, Buffer.concat(parts));
console.error(`strip-target-features: dropped ${dropped} section(s)`);
