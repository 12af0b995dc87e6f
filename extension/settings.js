// What the extension stores and how it reads it, shared by the content script, the options
// page, the popup and the practice page. Only settings are ever stored: the options page's
// `policy`, `off_hosts` (sites turned off in the popup) and `managed_kept` (the school's
// managed policy as last read). Never entry text.

export const api = globalThis.browser ?? globalThis.chrome;

/** The messages the extension's scripts send one another (`type`). */
export const MESSAGES = Object.freeze({
  check: 'check', // content script (strict-CSP fallback) → background: {entry, saved, managed}
  counts: 'counts', // popup → content script: the open points on this page
  openOptions: 'open-options', // content script → background: open the options page
  pageCheck: 'page-check', // popup → content script: show what was found on this page
});

/** [saved, managed, offHosts]: the saved settings, the school's managed policy, the sites turned off. */
export async function layers() {
  const [[saved, offHosts], managed] = await Promise.all([local(), managedLayer()]);
  return [saved, managed, offHosts];
}

/** [saved, offHosts] from this browser's storage. */
export async function local() {
  const got = await api.storage.local.get(['policy', 'off_hosts']).catch(() => ({}));
  return [got.policy ?? undefined, got.off_hosts ?? []];
}

/**
 * The school's managed policy, or undefined. Firefox rejects when there is none; Chromium can
 * take seconds to answer the first time after it starts, so callers need not wait for it.
 */
export async function managedLayer() {
  const managed = await api.storage.managed?.get(null).catch(() => null);
  return managed && Object.keys(managed).length ? managed : undefined;
}

/**
 * The school's policy as the checker last read it (kept so that a page need not wait for a
 * browser slow to answer), or undefined. It holds the school's settings only, never an entry.
 */
export async function keptManaged() {
  const got = await api.storage.local.get('managed_kept').catch(() => ({}));
  return got.managed_kept ?? undefined;
}

/** Keeps the school's policy as just read, writing only when it differs from the copy kept (`kept`). */
export async function keepManaged(managed, kept) {
  if (JSON.stringify(managed) === JSON.stringify(kept)) return;
  await (managed === undefined ? api.storage.local.remove('managed_kept') : api.storage.local.set({ managed_kept: managed })).catch(() => {});
}

/**
 * Whether `host` is one the school's `hosts` setting lists, or the engine's default hosts
 * (`defaults` is the engine's `defaults()`: the one place the default is written).
 */
export function onAllowedHost(policy, defaults, host) {
  // The engine accepts a host in any case; the browser gives `host` in lower case.
  return (policy.hosts ?? defaults.hosts).map((p) => p.toLowerCase())
    .some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));
}

/** "Turn off this rule" on a card: the rule joins the saved settings' disabled rules. */
export async function turnOff(rule) {
  const { policy = {} } = await api.storage.local.get('policy');
  const off = new Set(policy.disabled_rules ?? []);
  off.add(rule);
  await api.storage.local.set({ policy: { ...policy, disabled_rules: [...off] } });
}

/** Pick mode on a CPOMS page: the element found for a field, saved as the school's selector for it. */
export async function setSelector(key, selector) {
  const { policy = {} } = await api.storage.local.get('policy');
  await api.storage.local.set({ policy: { ...policy, selectors: { ...(policy.selectors ?? {}), [key]: selector } } });
}

/** Opens the options page: directly from the extension's own pages, through the background from a CPOMS page. */
export function openSettings() {
  if (api.runtime.openOptionsPage) api.runtime.openOptionsPage();
  else api.runtime.sendMessage({ type: MESSAGES.openOptions }).catch(() => {});
}

/** Turns the checker on or off for one site. */
export async function setSiteOn(host, on) {
  const { off_hosts: off = [] } = await api.storage.local.get('off_hosts');
  const next = on ? off.filter((h) => h !== host) : [...new Set([...off, host])];
  await api.storage.local.set({ off_hosts: next });
}

/**
 * The engine, loaded once per page, with its spelling dictionary (fetched beside it, from the
 * extension's own files). Without the dictionary the engine checks all but spelling, and says so.
 */
export async function loadEngine() {
  const dictionary = loadDictionary();
  const engine = await import(api.runtime.getURL('pkg/cpoms_check.js'));
  await engine.default({ module_or_path: api.runtime.getURL('pkg/cpoms_check_bg.wasm') });
  const bytes = await dictionary;
  if (bytes) engine.load_dictionary(bytes);
  return engine;
}

/** The spelling dictionary the engine takes (`dictionary.bin.gz`, decompressed), or null if it cannot be read. */
export async function loadDictionary() {
  try {
    const response = await fetch(api.runtime.getURL('dictionary.bin.gz'));
    if (!response.ok) return null;
    const plain = response.body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(plain).arrayBuffer());
  } catch {
    return null;
  }
}
