// The engine the extension runs, in Node (the wasm-bindgen nodejs build of the same crate),
// given the dictionary the extension ships beside it, as the content script gives it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

export const engine = createRequire(import.meta.url)('../../pkg/node/cpoms_check.js');
engine.load_dictionary(gunzipSync(readFileSync(new URL('../../pkg/node/dictionary.bin.gz', import.meta.url))));
