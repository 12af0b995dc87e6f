// Loads the checker into the CPOMS page's isolated world. If anything fails (the page's CSP
// refuses WebAssembly, the module is missing, an exception), the page is left exactly as it
// was: nothing here touches the page's DOM until the engine has loaded.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    const engine = await import(api.runtime.getURL('pkg/cpoms_check.js'));
    await engine.default({ module_or_path: api.runtime.getURL('pkg/cpoms_check_bg.wasm') });
    if (typeof engine.start === 'function') engine.start();
  } catch {
    // Fail open. The background can still check (see background.js).
  }
})();
