// The extension's background: the same checking engine, for pages whose Content-Security-Policy
// stops WebAssembly in the content script (Chromium applies the page's CSP there). A content
// script sends {type: 'check', entry, policy}; the answer is the verdict or {error}.
// Nothing is stored and nothing leaves the machine.
import init, { check, version } from './pkg/cpoms_check.js';

const api = globalThis.browser ?? globalThis.chrome;
const ready = init({ module_or_path: api.runtime.getURL('pkg/cpoms_check_bg.wasm') });

api.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== api.runtime.id || message?.type !== 'check') return false;
  ready
    .then(() => reply({ verdict: withPolicy(message.entry, message.policy), version: version() }))
    .catch((e) => reply({ error: String(e?.message ?? e) }));
  return true; // the reply comes asynchronously
});

// An unusable setting never stops the checks: the guidance's defaults apply instead.
function withPolicy(entry, policy) {
  try {
    return check(entry, policy ?? undefined);
  } catch (error) {
    if (policy == null) throw error;
    return check(entry, undefined);
  }
}
