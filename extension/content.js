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
  try {
    const [saved, managed, offHosts] = await layers(api);
    if (offHosts.includes(location.hostname)) return; // turned off for this site in the popup
    const engine = await import(api.runtime.getURL('pkg/cpoms_check.js'));
    await engine.default({ module_or_path: api.runtime.getURL('pkg/cpoms_check_bg.wasm') });
    if (!onAllowedHost(engine.settings(saved, managed).policy)) return;
    engine.start(saved, managed, (rule) => turnOff(api, rule));
    // Settings saved in the options page, a school's policy update, or the popup's switch
    // apply at once.
    api.storage.onChanged.addListener(async () => {
      const [s, m, off] = await layers(api);
      engine.apply_settings(s, m);
      engine.set_enabled(!off.includes(location.hostname));
    });
    api.runtime.onMessage.addListener((message, sender, reply) => {
      if (sender.id === api.runtime.id && message?.type === 'counts') reply(engine.counts());
    });
  } catch (error) {
    if (error instanceof WebAssembly.CompileError || /WebAssembly|wasm/i.test(String(error))) {
      try {
        await fallback(api);
      } catch {
        // Fail open.
      }
    }
  }
})();

/**
 * What is stored: the settings the options page saved, those the school's managed policy sets
 * (Firefox rejects when there is none), and the sites turned off in the popup. Never entry text.
 */
async function layers(api) {
  const local = await api.storage.local.get(['policy', 'off_hosts']).catch(() => ({}));
  const managed = await api.storage.managed?.get(null).catch(() => null);
  return [local.policy ?? undefined, managed && Object.keys(managed).length ? managed : undefined, local.off_hosts ?? []];
}

/** Whether this page's host is one the school's `hosts` setting lists (default *.cpoms.net). */
function onAllowedHost(policy) {
  const host = location.hostname;
  return (policy.hosts ?? ['*.cpoms.net']).some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));
}

/** "Turn off this rule" on a card: the rule joins the saved settings' disabled rules. */
async function turnOff(api, rule) {
  const { policy = {} } = await api.storage.local.get('policy');
  const off = new Set(policy.disabled_rules ?? []);
  off.add(rule);
  await api.storage.local.set({ policy: { ...policy, disabled_rules: [...off] } });
}

async function fallback(api) {
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
  const [saved, managed, offHosts] = await layers(api);
  if (offHosts.includes(location.hostname)) return;
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
