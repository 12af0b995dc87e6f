// The options page: every setting of the policy (docs/policy.md) as a form. The engine
// validates (the same code the CLI and the checker use): a bad value gets its message beside
// it and nothing is saved. Settings the school's managed policy fixes are shown locked, and a
// table lists every setting in force with where it comes from (school, this browser, default).
import { api, layers, loadEngine } from './settings.js';
import { fileLabel, parseSettings, shown, sizeError } from './import.js';

const engine = await loadEngine();
const defaults = engine.defaults();
const $ = (id) => document.getElementById(id);
const form = $('settings');
const rules = engine.rules();

// The criteria and rules as checkboxes (ticked = checked for).
function checkbox(id, data, value, text) {
  const input = Object.assign(document.createElement('input'), { type: 'checkbox', id });
  input.dataset[data] = value;
  const label = Object.assign(document.createElement('label'), { htmlFor: id, className: 'inline' });
  label.append(text);
  const span = document.createElement('span');
  span.append(input, label);
  return span;
}
const criteria = engine.criteria();
for (const c of criteria) $('criteria').append(checkbox(`criterion-${c.id}`, 'criterion', c.id, c.title));
// Each rule under its criterion's title: its title by the switch, its id (what the severity
// box takes) and what it checks written out, since a DSL has no docs/rules.md to look in.
for (const c of criteria) {
  const group = document.createElement('fieldset');
  group.className = 'rule-group';
  group.append(Object.assign(document.createElement('legend'), { textContent: c.title }));
  for (const r of rules.filter((x) => x.criterion === c.id)) {
    const row = checkbox(`rule-${r.id}`, 'rule', r.id, r.title);
    row.className = 'rule';
    const what = Object.assign(document.createElement('p'), { className: 'what', id: `what-${r.id}`, textContent: r.what });
    row.querySelector('input').setAttribute('aria-describedby', what.id);
    row.querySelector('label').append(' ', Object.assign(document.createElement('code'), { textContent: r.id }));
    row.append(what);
    group.append(row);
  }
  $('rules').append(group);
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const pairs = (text, sep) => lines(text).map((l) => {
  const i = l.indexOf(sep);
  return i < 0 ? [l, ''] : [l.slice(0, i).trim(), l.slice(i + sep.length).trim()];
});

/** Each setting: how it is shown in the form and read back from it. */
const fields = {
  staff_name_format: { show: (v) => { $('staff_name_format').value = v; }, read: () => $('staff_name_format').value },
  timeliness_hours: { show: (v) => { $('timeliness_hours').value = v; }, read: () => numberOf('timeliness_hours') },
  entry_time_minutes: { show: (v) => { $('entry_time_minutes').value = v; }, read: () => numberOf('entry_time_minutes') },
  school_day: {
    show: (v) => { $('school_day_start').value = v.start; $('school_day_end').value = v.end; },
    read: () => ({ start: $('school_day_start').value, end: $('school_day_end').value }),
  },
  extra_phrases: {
    show: (v) => { $('extra_phrases').value = v.map((p) => (p.replacement ? `${p.phrase} => ${p.replacement}` : p.phrase)).join('\n'); },
    read: () => pairs($('extra_phrases').value, '=>').map(([phrase, replacement]) => (replacement ? { phrase, replacement } : { phrase })),
  },
  never_flag: { show: (v) => { $('never_flag').value = v.join('\n'); }, read: () => lines($('never_flag').value) },
  category_signals: {
    show: (v) => { $('category_signals').value = Object.entries(v).map(([k, w]) => `${k}: ${w.join(', ')}`).join('\n'); },
    // A line without `Label:` is words with no label, which the engine refuses saying so.
    read: () => Object.fromEntries(lines($('category_signals').value)
      .map((l) => (l.includes(':') ? pairs(l, ':')[0] : ['', l]))
      .map(([k, w]) => [k, w.split(',').map((x) => x.trim()).filter(Boolean)])),
  },
  checklist: { show: (v) => { $('checklist').value = v; }, read: () => $('checklist').value },
  checklist_rows: { show: (v) => { $('checklist_rows').value = v; }, read: () => $('checklist_rows').value },
  disabled_criteria: {
    show: (v) => { for (const b of document.querySelectorAll('[data-criterion]')) b.checked = !v.includes(b.dataset.criterion); },
    read: () => [...document.querySelectorAll('[data-criterion]')].filter((b) => !b.checked).map((b) => b.dataset.criterion),
  },
  disabled_rules: {
    show: (v) => { for (const b of document.querySelectorAll('[data-rule]')) b.checked = !v.includes(b.dataset.rule); },
    read: () => [...document.querySelectorAll('[data-rule]')].filter((b) => !b.checked).map((b) => b.dataset.rule),
  },
  severity: {
    show: (v) => { $('severity').value = Object.entries(v).map(([k, s]) => `${k}: ${s}`).join('\n'); },
    read: () => Object.fromEntries(pairs($('severity').value, ':')),
  },
  hosts: { show: (v) => { $('hosts').value = v.join('\n'); }, read: () => lines($('hosts').value) },
  selectors: {
    show: (v) => { $('selectors').value = Object.entries(v).map(([k, s]) => `${k}: ${s}`).join('\n'); },
    read: () => Object.fromEntries(pairs($('selectors').value, ':')),
  },
};

function numberOf(id) {
  const raw = $(id).value.trim();
  return raw === '' || Number.isNaN(Number(raw)) ? raw : Number(raw);
}

/** Equal as settings: the same JSON whatever the order of an object's keys. */
const canon = (v) => (Array.isArray(v) ? v.map(canon)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v);
const same = (a, b) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
let managedKeys = [];

/** Shows the settings in force: saved ones over the defaults, the school's over both (locked). */
async function render() {
  const [saved, managed] = await layers();
  const { policy, managed_keys: locked, errors } = engine.settings(saved, managed);
  managedKeys = locked;
  for (const [key, field] of Object.entries(fields)) {
    field.show(key in policy ? policy[key] : defaults[key]);
    const box = boxOf(key);
    const isLocked = locked.includes(key);
    for (const el of box.querySelectorAll('input, select, textarea')) el.disabled = isLocked;
    box.querySelector('.locked')?.remove();
    if (isLocked) {
      const tag = Object.assign(document.createElement('span'), { className: 'locked', textContent: 'Set by your school' });
      box.firstElementChild.append(' ', tag);
    }
    showError(key, null);
  }
  showInForce(policy, locked);
  const bad = errors.filter((e) => e.source === 'managed');
  const note = $('managed-errors');
  note.hidden = bad.length === 0;
  note.textContent = bad.length ? `Your school's policy has ${bad.length === 1 ? 'a setting' : 'settings'} that cannot be used, so the default applies: ${bad.map((e) => `${e.key} ${e.message}`).join('; ')}.` : '';
  for (const e of errors.filter((x) => x.source === 'saved')) showError(topKey(e.key), e.message);
}

const SOURCES = { school: 'your school', browser: 'this browser', default: 'default' };

/** The "Settings in force" table: each setting, its value (shortened) and where it comes from. */
function showInForce(policy, locked) {
  const rows = Object.keys(fields).map((key) => {
    const source = locked.includes(key) ? 'school' : key in policy ? 'browser' : 'default';
    const value = key in policy ? policy[key] : defaults[key];
    const tr = document.createElement('tr');
    tr.dataset.setting = key;
    const name = Object.assign(document.createElement('th'), { scope: 'row' });
    name.append(Object.assign(document.createElement('code'), { textContent: key }));
    const text = JSON.stringify(value);
    const shownValue = Object.assign(document.createElement('td'), { textContent: text.length > 80 ? `${text.slice(0, 79)}…` : text });
    const from = Object.assign(document.createElement('td'), { textContent: SOURCES[source] });
    from.dataset.source = source;
    tr.append(name, shownValue, from);
    return tr;
  });
  $('in-force-rows').replaceChildren(...rows);
}

const topKey = (key) => key.split(/[.[]/)[0];
/** The form's box for a setting (found by comparison: a key is never put into a selector). */
const boxOf = (key) => [...form.querySelectorAll('[data-key]')].find((b) => b.dataset.key === key) ?? null;

function showError(key, message) {
  const box = boxOf(key);
  if (!box) return;
  let p = box.querySelector('.error');
  const inputs = box.querySelectorAll('input, select, textarea');
  if (!message) {
    p?.remove();
    for (const el of inputs) el.removeAttribute('aria-invalid');
    return;
  }
  if (!p) {
    p = document.createElement('p');
    p.className = 'error';
    p.id = `error-${key}`;
    box.append(p);
  }
  p.textContent = message;
  for (const el of inputs) {
    el.setAttribute('aria-invalid', 'true');
    const ids = new Set((el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
    ids.add(p.id);
    el.setAttribute('aria-describedby', [...ids].join(' '));
  }
}

/** The form as settings: only what differs from the defaults, never what the school fixes. */
function collect() {
  const out = {};
  for (const [key, field] of Object.entries(fields)) {
    if (managedKeys.includes(key)) continue;
    const value = field.read();
    if (!same(value, defaults[key])) out[key] = value;
  }
  return out;
}

/**
 * Saves `settings` if every value is usable; otherwise shows each problem beside its field
 * (and, for an import, says each in the status too: the form still shows the settings in
 * force). Nothing is saved unless everything is valid.
 */
async function save(settings, done, refused = 'Not saved') {
  const { errors } = engine.settings(settings, undefined);
  for (const key of Object.keys(fields)) showError(key, null);
  if (errors.length) {
    for (const e of errors) showError(topKey(e.key), e.message);
    const what = errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`;
    const each = errors.slice(0, 5).map((e) => `${shown(e.key, 40)} ${e.message}`).join('; ');
    $('status').textContent = `${refused}: ${what} attention (${each}${errors.length > 5 ? '; …' : ''}). Nothing was saved.`;
    form.querySelector('[aria-invalid=true]')?.focus();
    return;
  }
  try {
    await api.storage.local.set({ policy: settings });
  } catch (e) {
    $('status').textContent = `${refused}: the browser could not store the settings (${String(e?.message ?? e).slice(0, 120)}). Nothing was saved.`;
    return;
  }
  await render();
  $('status').textContent = done;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  save(collect(), 'Saved. Open CPOMS pages use the new settings at once.');
});

$('reset').addEventListener('click', async () => {
  await api.storage.local.remove('policy');
  await render();
  $('status').textContent = 'Reset: the guidance\u2019s defaults apply (and any your school sets).';
});

$('export').addEventListener('click', async () => {
  const [saved, managed] = await layers();
  const { policy } = engine.settings(saved, managed);
  const blob = new Blob([`${JSON.stringify({ ...defaults, ...policy }, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'cpoms-check-settings.json';
  a.click();
  URL.revokeObjectURL(a.href);
  $('status').textContent = 'Exported the settings in force as cpoms-check-settings.json.';
});

$('import-button').addEventListener('click', () => $('import').click());
$('import').addEventListener('change', async () => {
  const file = $('import').files[0];
  $('import').value = '';
  if (!file) return;
  const name = fileLabel(file.name);
  try {
    // A file far larger than any settings file is refused unread.
    const { settings, error } = sizeError(file.size) ? { error: sizeError(file.size) } : parseSettings(await file.text(), Object.keys(defaults));
    if (error) {
      $('status').textContent = `Not imported: ${name}: ${error}. Nothing was saved.`;
      return;
    }
    // Only what differs from the defaults is kept, and nothing the school fixes.
    const wanted = Object.fromEntries(Object.entries(settings).filter(([k, v]) => !managedKeys.includes(k) && !same(v, defaults[k])));
    await save(wanted, `Imported ${name}.`, `Not imported: ${name}`);
  } catch (e) {
    $('status').textContent = `Not imported: ${name} could not be read (${String(e?.message ?? e).slice(0, 120)}). Nothing was saved.`;
  }
});

await render();
document.body.dataset.ready = 'true';
