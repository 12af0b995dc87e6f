// Loads the checker into the CPOMS page's isolated world. If anything fails (the module is
// missing, an exception), the page is left exactly as it was: nothing here touches the
// page until the engine has loaded.
//
// One known failure has a fallback: in Chromium a page whose Content-Security-Policy lacks
// 'wasm-unsafe-eval' refuses WebAssembly in content scripts. Then the same engine runs in
// the extension's background, and the small fallback below shows the summary and the
// pre-submit checklist from its answers.
//
// A record must never be lost, altered or duplicated because of this script. It runs at
// document_start, so its submit listener is the first on the window (capture phase), ahead
// of every listener the page's own scripts add: a submission held for the checklist has
// reached none of the page's handlers, and "Submit" lets it reach each of them once. Forms
// are reached through the prototypes captured here, never through the form's properties
// (which its named controls shadow: <input name=submit>).
const native = {
  requestSubmit: HTMLFormElement.prototype.requestSubmit,
  submit: HTMLFormElement.prototype.submit,
  elements: Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'elements').get,
  isConnected: Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected').get,
  insertBefore: Node.prototype.insertBefore,
  querySelectorAll: Element.prototype.querySelectorAll,
  querySelector: Element.prototype.querySelector,
  contains: Node.prototype.contains,
};

/** What the checker does with a submission (`null` until it is ready, and where it is off). */
let onSubmit = null;
/** Set while this script re-submits a form itself: that submission passes untouched. */
let passing = false;

addEventListener('submit', (event) => {
  // Fail open: a submission that something before us already handled, or that a script
  // dispatched itself (which submits nothing), is not ours to hold.
  if (passing || !onSubmit || !event.isTrusted || event.defaultPrevented) return;
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const who = submitterOf(event, form);
  try {
    onSubmit(event, who);
  } catch {
    // A checker that failed once is not trusted with the next submission. If it held this
    // one, it goes through once this dispatch is over (a form ignores a submission requested
    // while its submit event fires).
    onSubmit = null;
    if (event.defaultPrevented) setTimeout(() => resubmit(form, who), 0);
  }
}, true);

/** [type, name, value] of a submit button, or null for anything else. */
function buttonOf(el) {
  if (el instanceof HTMLButtonElement) return el.type === 'submit' ? ['button', el.name, el.value] : null;
  if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image')) return [el.type, el.name, el.value];
  return null;
}

const controls = (form) => [...native.elements.call(form)];

/** The button the person submitted with, and how to know it again if the page re-renders it. */
function submitterOf(event, form) {
  const element = event.submitter ?? null;
  const [kind, name, value] = (element && buttonOf(element)) ?? ['', '', ''];
  return { element, kind, name, value, index: element ? controls(form).indexOf(element) : -1 };
}

/** The same button if it is still the form's, else its replacement (same type, name and value) nearest its place. */
function replacementOf(who, form) {
  if (!who.element) return null;
  const list = controls(form);
  if (native.isConnected.call(who.element) && list.includes(who.element)) return who.element;
  let best = null;
  list.forEach((c, i) => {
    const b = buttonOf(c);
    const same = b && b[0] === who.kind && b[1] === who.name && b[2] === who.value;
    if (same && (!best || Math.abs(i - who.index) < Math.abs(best[1] - who.index))) best = [c, i];
  });
  return best?.[0] ?? null;
}

/** A hidden input carrying a vanished button's name=value at its old place (none for a nameless button). */
function standIn(who, form) {
  if (!who.element || !who.name) return null;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = who.name;
  input.value = who.value;
  input.setAttribute('data-cpoms-check', 'submitter');
  const at = controls(form)[who.index];
  native.insertBefore.call(at?.parentNode ?? form, input, at?.parentNode ? at : null);
  return input;
}

/**
 * Submits `form` as the person did, exactly once: through requestSubmit, so the page's own
 * handlers run, with the person's button (or its replacement, or a stand-in for it). A form
 * the page replaced is found again with `current()`.
 */
function resubmit(form, who, current) {
  if (!native.isConnected.call(form)) form = current?.() ?? form;
  const button = replacementOf(who, form);
  const stand = button ? null : standIn(who, form);
  passing = true;
  try {
    native.requestSubmit.call(form, button ?? null);
  } catch {
    try { native.submit.call(form); } catch { /* nothing left to try */ }
  } finally {
    passing = false;
    stand?.remove();
  }
}

const domReady = () => (document.readyState === 'loading'
  ? new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }))
  : Promise.resolve());

(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  let shared;
  try {
    shared = await import(api.runtime.getURL('settings.js'));
    // The settings and the engine load side by side: the first check comes as soon as it can.
    const managedReady = shared.managedLayer();
    const [[saved, offHosts], kept, engine] = await Promise.all([shared.local(), shared.keptManaged(), shared.loadEngine()]);
    if (offHosts.includes(location.hostname)) return; // turned off for this site in the popup
    // The school's policy usually answers at once. If the browser is still loading it
    // (Chromium can take a while), start with the copy kept from its last answer and apply
    // the school's own the moment it comes, if it differs.
    const late = Symbol('late');
    const fresh = await Promise.race([managedReady, Promise.resolve(late)]);
    let managed = fresh === late ? kept : fresh;
    const allowed = (m) => shared.onAllowedHost(engine.settings(saved, m).policy, engine.defaults(), location.hostname);
    if (!allowed(managed)) {
      if (fresh !== late) return;
      managed = await managedReady; // the kept copy may be out of date: the school's own decides
      if (!allowed(managed)) return;
    }
    await domReady();
    engine.start(saved, managed, shared.turnOff, shared.openSettings, shared.setSelector);
    onSubmit = (event) => engine.submitted(event);
    managedReady.then((m) => {
      shared.keepManaged(m, kept);
      if (JSON.stringify(m) === JSON.stringify(managed)) return;
      engine.apply_settings(saved, m);
      if (!allowed(m)) engine.set_enabled(false);
    });
    // Settings saved in the options page, a school's policy update, or the popup's switch
    // apply at once.
    api.storage.onChanged.addListener(async () => {
      const [s, m, off] = await shared.layers();
      engine.apply_settings(s, m);
      engine.set_enabled(!off.includes(location.hostname));
    });
    api.runtime.onMessage.addListener((message, sender, reply) => {
      if (sender.id !== api.runtime.id) return;
      if (message?.type === shared.MESSAGES.counts) reply(engine.counts());
      if (message?.type === shared.MESSAGES.pageCheck) engine.page_check();
    });
  } catch (error) {
    if (shared && (error instanceof WebAssembly.CompileError || /WebAssembly|wasm/i.test(String(error)))) {
      try {
        await domReady();
        await fallback(api, shared);
      } catch {
        onSubmit = null; // Fail open.
      }
    }
  }
})();

async function fallback(api, shared) {
  const [saved, managed] = await shared.layers();
  // The same settings as the full checker: the school's selectors and checklist mode
  // (managed wins key by key; the background validates the rest).
  const policy = { ...(saved ?? {}), ...(managed ?? {}) };
  const selectors = policy.selectors ?? {};
  const pick = (key) => {
    try { return selectors[key] ? document.querySelector(selectors[key]) : null; } catch { return null; }
  };
  const shown = (el) => el.offsetWidth > 0 || el.offsetHeight > 0;
  /**
   * The entry field on the page now, found as the full checker finds it: the school's
   * selector, else the largest editable field a person can see (a textarea, an editing
   * host, or a same-origin frame's editable body), a named one first. A textarea a rich
   * editor hid (Summernote, TinyMCE) is not it.
   */
  let editor = null;
  /** What shows a field on the page: itself, or the frame its document is in. */
  const outer = (e) => (e.ownerDocument === document ? e : e.ownerDocument.defaultView?.frameElement ?? null);
  const usable = (e) => e && native.isConnected.call(e) && !e.disabled && !e.readOnly && !!outer(e) && shown(outer(e));
  const current = () => {
    if (usable(editor)) return editor;
    const chosen = pick('editor');
    const frames = [...document.querySelectorAll('iframe')].map((f) => { try { return f.contentDocument?.body; } catch { return null; } })
      .filter((b) => b?.isContentEditable);
    const hosts = [...document.querySelectorAll('[contenteditable]')].filter((e) => e.isContentEditable && !e.parentElement?.isContentEditable);
    const candidates = [...document.querySelectorAll('textarea'), ...hosts, ...frames].filter(usable);
    const named = (e) => /incident|description|details|body|content/i.test(`${e.name ?? ''} ${e.id} ${e.getAttribute('aria-label') ?? ''}`);
    const area = (e) => { const b = outer(e).getBoundingClientRect(); return b.width * b.height; };
    editor = (usable(chosen) ? chosen : null)
      ?? candidates.sort((a, b) => named(b) - named(a) || area(b) - area(a))[0] ?? null;
    return editor;
  };
  const textOf = (e) => (e instanceof HTMLTextAreaElement ? e.value : e.innerText);
  /** The entry's form: the field's own, or (an editor in a frame or a div) the form around it. */
  const formOf = (e) => {
    if (!e) return null;
    if (e instanceof HTMLTextAreaElement) return e.form; // a textarea's own `form`, which no control shadows
    return outer(e)?.closest('form') ?? null;
  };
  const formNow = () => formOf(current());

  /**
   * The entry and the fields it could not read. This script reads only what it can be sure
   * of: the school's selectors, native date and time inputs, and the selects and checkboxes
   * that widgets keep (tom-select, select2, chosen and Choices.js keep a select). A field it
   * does not find is sent as unread, and the background's verdict then asks the person to
   * check it rather than calling it empty (the full checker reads labels, roles and widgets).
   */
  const entry = (field, form) => {
    const all = (root, selector) => [...native.querySelectorAll.call(root, selector)];
    const one = (key, selector) => pick(key) ?? native.querySelector.call(form, selector);
    const label = (c) => c.labels?.[0]?.textContent.trim() ?? '';
    /** The chosen values of a select, of the checked boxes in a group, or of the selects in it. */
    const chosen = (el) => (el instanceof HTMLSelectElement ? [...el.selectedOptions].map((o) => o.text.trim())
      : [...all(el, 'input[type=checkbox]:checked').map(label), ...all(el, 'select').flatMap(chosen)]);
    const named = (re, tag) => all(form, tag).filter((e) => re.test(e.name));
    const group = (key, re) => {
      const els = pick(key) ? [pick(key)] : [...named(re, 'select'), ...named(re, 'input[type=checkbox]')];
      return els.length ? els : null;
    };
    const unread = [];
    const dateEl = one('incident_date', 'input[type=date], input[type=datetime-local]');
    const timeEl = dateEl?.type === 'datetime-local' ? null : one('incident_time', 'input[type=time]');
    if (!dateEl) unread.push('incident_at');
    const date = dateEl?.value;
    const time = timeEl?.value;
    const students = group('students', /student(?!.*linked)/i);
    if (!students) unread.push('students');
    const linked = group('linked_students', /linked/i);
    const categories = group('categories', /categor/i);
    if (!categories) unread.push('categories');
    const offered = categories?.flatMap((e) => (e instanceof HTMLSelectElement ? [...e.options].filter((o) => o.value !== '').map((o) => o.text.trim())
      : e instanceof HTMLInputElement ? [label(e)] : all(e, 'input[type=checkbox]').map(label))).filter(Boolean);
    const pickedFrom = (els) => (els ?? []).flatMap((e) => (e instanceof HTMLInputElement ? (e.checked ? [label(e)] : []) : chosen(e)));
    return {
      entry: {
        text: textOf(field),
        incident_at: date ? (time && !date.includes('T') ? `${date}T${time}` : date) : null,
        students: pickedFrom(students),
        linked_students: pickedFrom(linked),
        categories: pickedFrom(categories),
        available_categories: offered?.length ? offered : null,
        attachments: all(form, 'input[type=file]').flatMap((f) => [...f.files].map((x) => x.name)),
      },
      unread,
    };
  };
  const ask = (e) => api.runtime.sendMessage({ type: shared.MESSAGES.check, entry: e.entry, unread: e.unread, saved, managed });
  const host = (kind, style) => {
    const h = document.createElement('div');
    h.setAttribute('data-cpoms-check', kind);
    h.setAttribute('style', style);
    document.body.append(h);
    return [h, h.attachShadow({ mode: 'open' })];
  };

  // The summary chip, added once the background has answered for an entry field: nothing
  // appears on the page before that. It shows the count for the field on the page now, and
  // goes when no field is left (never a count for text that is gone).
  let chip = null;
  const notMet = (v) => v.checklist.filter((r) => r.status === 'not_met').length;
  let timer;
  let asked = 0;
  let answered = false; // the background has answered: only then is a submission held
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const field = current();
      const form = formOf(field);
      const mine = ++asked;
      if (!form) {
        if (chip) { chip.hidden = true; delete chip.dataset.count; }
        return;
      }
      const answer = await ask(entry(field, form)).catch(() => null);
      if (mine !== asked || !answer?.verdict) return; // a newer check is on its way
      answered = true;
      if (!chip) {
        const [, root] = host('summary', 'position: fixed; right: 16px; bottom: 16px; z-index: 2147483001');
        chip = document.createElement('div');
        chip.setAttribute('role', 'status');
        chip.setAttribute('aria-live', 'polite');
        chip.setAttribute('style', 'font: 600 14px/1.4 system-ui, sans-serif; padding: 6px 12px; border-radius: 16px; background: #1d4f91; color: #fff');
        root.append(chip);
      }
      const n = notMet(answer.verdict);
      chip.hidden = false;
      chip.dataset.count = String(n);
      chip.textContent = n ? `CPOMS check: ${n} point${n === 1 ? '' : 's'} to look at` : 'CPOMS check: no points open';
    }, 150);
  };
  // Typing and field changes anywhere in the entry's form (the field itself may be replaced).
  const inForm = (e) => {
    const form = formNow();
    if (form && e.target instanceof Node && (e.target === form || native.contains.call(form, e.target))) update();
  };
  document.addEventListener('input', inForm, true);
  document.addEventListener('change', inForm, true);
  // The page replaced or removed the field: check the one there now.
  let seen = current();
  new MutationObserver(() => {
    const now = current();
    if (now !== seen) { seen = now; update(); }
  }).observe(document.documentElement, { childList: true, subtree: true });
  update();

  onSubmit = (event, who) => {
    const form = event.target;
    const field = current();
    if (!answered || !field || formOf(field) !== form) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const submit = () => resubmit(form, who, formNow);
    // A background that does not answer in time (stopped, busy) never holds the record back.
    const late = new Promise((ok) => setTimeout(ok, 3000, null));
    Promise.race([ask(entry(field, form)).catch(() => null), late]).then((answer) => {
      if (!answer?.verdict) { submit(); return; } // no verdict: submit as if we were not here
      if (policy.checklist === 'when_not_met' && !notMet(answer.verdict)) { submit(); return; }
      try {
        showChecklist(answer.verdict, answer.titles ?? [], submit);
      } catch {
        submit();
      }
    });
  };

  function showChecklist(verdict, titles, submit) {
    const [h, root] = host('checklist', 'position: fixed; inset: 0; z-index: 2147483002; background: #0007');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', 'Before you submit');
    dialog.setAttribute('style', 'background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, sans-serif; max-width: 600px; margin: 8vh auto; padding: 16px 20px; border-radius: 10px; max-height: 80vh; overflow: auto');
    const heading = document.createElement('h2');
    heading.setAttribute('style', 'font-size: 17px; margin: 0 0 8px');
    heading.textContent = 'Before you submit';
    const list = document.createElement('ul');
    list.setAttribute('style', 'padding-left: 0; list-style: none');
    const word = { met: 'Met', not_met: 'Not met', check: 'Check', not_applicable: 'Not applicable' };
    const title = (c) => titles.find((t) => t.id === c)?.title ?? c.replace('_', ' ');
    for (const r of verdict.checklist) {
      const li = document.createElement('li');
      li.dataset.criterion = r.criterion;
      li.dataset.status = r.status;
      li.setAttribute('style', 'margin: 4px 0');
      const b = document.createElement('b');
      b.textContent = `${word[r.status] ?? r.status} · ${title(r.criterion)}: `;
      li.append(b, r.summary);
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
    const close = () => { h.remove(); current()?.focus(); };
    back.addEventListener('click', close);
    go.addEventListener('click', () => { h.remove(); submit(); }, { once: true });
    h.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
    dialog.append(heading, list, back, go);
    root.append(dialog);
    go.focus();
  }
}
