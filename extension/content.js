// Loads the checker into the CPOMS page's isolated world. If anything fails (the module is
// missing, an exception), the page is left exactly as it was: nothing here touches the
// page until the engine has loaded.
//
// One known failure has a fallback: in Chromium a page whose Content-Security-Policy lacks
// 'wasm-unsafe-eval' refuses WebAssembly in content scripts. Then the same engine runs in
// the extension's background, and the small fallback below shows the summary and the
// pre-submit checklist from its answers.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  let shared;
  try {
    shared = await import(api.runtime.getURL('settings.js'));
    // The settings and the engine load side by side: the first check comes as soon as it can.
    const managedReady = shared.managedLayer();
    const [[saved, offHosts], engine] = await Promise.all([shared.local(), shared.loadEngine()]);
    if (offHosts.includes(location.hostname)) return; // turned off for this site in the popup
    // The school's policy usually answers at once; if the browser is still loading it, start
    // with the saved settings and apply the school's the moment they come.
    const late = Symbol('late');
    const managed = await Promise.race([managedReady, new Promise((ok) => setTimeout(ok, 30, late))]);
    const allowed = (m) => shared.onAllowedHost(engine.settings(saved, m).policy, location.hostname);
    if (!allowed(managed === late ? undefined : managed)) return;
    engine.start(saved, managed === late ? undefined : managed, shared.turnOff, shared.openSettings);
    if (managed === late) {
      managedReady.then((m) => {
        engine.apply_settings(saved, m);
        if (!allowed(m)) engine.set_enabled(false);
      });
    }
    // Settings saved in the options page, a school's policy update, or the popup's switch
    // apply at once.
    api.storage.onChanged.addListener(async () => {
      const [s, m, off] = await shared.layers();
      engine.apply_settings(s, m);
      engine.set_enabled(!off.includes(location.hostname));
    });
    api.runtime.onMessage.addListener((message, sender, reply) => {
      if (sender.id === api.runtime.id && message?.type === 'counts') reply(engine.counts());
    });
  } catch (error) {
    if (shared && (error instanceof WebAssembly.CompileError || /WebAssembly|wasm/i.test(String(error)))) {
      try {
        await fallback(api, shared);
      } catch {
        // Fail open.
      }
    }
  }
})();

async function fallback(api, shared) {
  const editor = [...document.querySelectorAll('textarea')]
    .filter((t) => !t.disabled && !t.readOnly)
    .sort((a, b) => /incident|description|details/i.test(b.name) - /incident|description|details/i.test(a.name))[0];
  if (!editor?.form) return;
  const form = editor.form;

  const entry = () => {
    const selected = (re) => [...form.querySelectorAll('select')].filter((s) => re.test(s.name))
      .flatMap((s) => [...s.selectedOptions].map((o) => o.text.trim()));
    const boxes = [...form.querySelectorAll('input[type=checkbox]')].filter((c) => /categor/i.test(c.name));
    const label = (c) => c.labels?.[0]?.textContent.trim() ?? '';
    const date = form.querySelector('input[type=date]')?.value;
    const time = form.querySelector('input[type=time]')?.value;
    return {
      text: editor.value,
      incident_at: date ? (time ? `${date}T${time}` : date) : null,
      students: selected(/student(?!.*linked)/i),
      linked_students: selected(/linked/i),
      categories: boxes.filter((c) => c.checked).map(label),
      available_categories: boxes.length ? boxes.map(label) : null,
      attachments: [...form.querySelectorAll('input[type=file]')].flatMap((f) => [...f.files].map((x) => x.name)),
    };
  };
  const [saved, managed] = await shared.layers();
  const ask = (e) => api.runtime.sendMessage({ type: 'check', entry: e, saved, managed });
  // Only once the background has answered does anything appear on the page.
  if (!(await ask(entry()).catch(() => null))?.verdict) return;

  const host = (kind, style) => {
    const h = document.createElement('div');
    h.setAttribute('data-cpoms-check', kind);
    h.setAttribute('style', style);
    document.body.append(h);
    return [h, h.attachShadow({ mode: 'open' })];
  };
  const [, chipRoot] = host('summary', 'position: fixed; right: 16px; bottom: 16px; z-index: 2147483001');
  const chip = document.createElement('div');
  chip.setAttribute('role', 'status');
  chip.setAttribute('aria-live', 'polite');
  chip.setAttribute('style', 'font: 600 14px/1.4 system-ui, sans-serif; padding: 6px 12px; border-radius: 16px; background: #1d4f91; color: #fff');
  chipRoot.append(chip);

  const notMet = (v) => v.checklist.filter((r) => r.status === 'not_met').length;
  let timer;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const answer = await ask(entry());
      if (!answer?.verdict) return;
      const n = notMet(answer.verdict);
      chip.dataset.count = String(n);
      chip.textContent = n ? `CPOMS check: ${n} point${n === 1 ? '' : 's'} to look at` : 'CPOMS check: no points open';
    }, 150);
  };
  editor.addEventListener('input', update);
  form.addEventListener('change', update);
  update();

  let passing = false;
  window.addEventListener('submit', async (event) => {
    if (event.target !== form) return;
    if (passing) { passing = false; return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    const submitter = event.submitter;
    const submit = () => { passing = true; form.requestSubmit(submitter ?? undefined); };
    const answer = await ask(entry()).catch(() => null);
    if (!answer?.verdict) { submit(); return; } // no verdict: submit as if we were not here
    const [h, root] = host('checklist', 'position: fixed; inset: 0; z-index: 2147483002; background: #0007');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', 'Before you submit');
    dialog.setAttribute('style', 'background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, sans-serif; max-width: 600px; margin: 8vh auto; padding: 16px 20px; border-radius: 10px; max-height: 80vh; overflow: auto');
    const list = document.createElement('ul');
    for (const r of answer.verdict.checklist) {
      const li = document.createElement('li');
      li.dataset.criterion = r.criterion;
      li.dataset.status = r.status;
      li.textContent = `${r.status.replace('_', ' ')} — ${r.criterion.replace('_', ' ')}: ${r.summary}`;
      list.append(li);
    }
    const button = (action, text) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = text;
      return b;
    };
    const back = button('back', 'Go back');
    const go = button('submit', 'Submit');
    const close = () => { h.remove(); editor.focus(); };
    back.addEventListener('click', close);
    go.addEventListener('click', () => { h.remove(); submit(); });
    h.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
    dialog.append(list, back, go);
    root.append(dialog);
    go.focus();
  }, true);
}
