// The extension's background: the same checking engine, for pages whose Content-Security-Policy
// stops WebAssembly in the content script (Chromium applies the page's CSP there). A content
// script sends {type: 'check', entry, unread, saved, managed} (`unread`: the fields it could not
// read, which the verdict must not call empty); the answer is {verdict, titles (the criteria's
// names), version} or {error}.
// {type: 'open-options'} opens the options page (content scripts cannot).
// Nothing is stored and nothing leaves the machine.
import init, { check, criteria, defaults, load_dictionary, settings, version } from './pkg/cpoms_check.js';
import { MESSAGES, loadDictionary, onAllowedHost } from './settings.js';

const api = globalThis.browser ?? globalThis.chrome;
/** The engine and its dictionary, loaded at the first check asked of the background (most browsers never ask). */
let loaded = null;
const ready = () => (loaded ??= Promise.all([init({ module_or_path: api.runtime.getURL('pkg/cpoms_check_bg.wasm') }), loadDictionary()])
  .then(([, dictionary]) => dictionary && load_dictionary(dictionary)));

api.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== api.runtime.id) return false;
  if (message?.type === MESSAGES.openOptions) {
    api.runtime.openOptionsPage(); // the list's "Settings" on a CPOMS page
    return false;
  }
  if (message?.type !== MESSAGES.check) return false;
  ready()
    .then(() => {
      // Saved and managed settings combine key by key; an unusable value is left out.
      const { policy } = settings(message.saved, message.managed);
      if (!onAllowedHost(policy, defaults(), new URL(sender.url).hostname)) return reply({ error: 'not a host the school lists' });
      const unread = Array.isArray(message.unread) ? message.unread.filter((f) => typeof f === 'string') : [];
      return reply({ verdict: check(message.entry, policy, unread), titles: criteria(), version: version() });
    })
    .catch((e) => reply({ error: String(e?.message ?? e) }));
  return true; // the reply comes asynchronously
});

