// Widgets D: a hand-made token widget whose chips are <span class="chip">Name <span
// role="button">×</span><input type=hidden></span>; category toggle buttons (aria-pressed)
// that add and remove hidden inputs; a ProseMirror editor whose HTML goes into a hidden
// input when the form submits.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DOMSerializer } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';

const pupils = [['101', 'Derek Smith'], ['102', 'Amira Khan'], ['103', 'Ellie-Mae Fox']];
const picker = document.querySelector('.token-input');
const input = picker.querySelector('[role=combobox]');
const list = picker.querySelector('[role=listbox]');
const chips = picker.querySelector('.chips');
const choose = (id, name) => {
  const chip = document.createElement('span');
  chip.className = 'chip';
  chip.append(name, ' ');
  const remove = document.createElement('span');
  remove.setAttribute('role', 'button');
  remove.tabIndex = 0;
  remove.className = 'chip-remove';
  remove.setAttribute('aria-label', `Remove ${name}`);
  remove.textContent = '×';
  remove.addEventListener('click', () => chip.remove());
  const hidden = document.createElement('input');
  hidden.type = 'hidden';
  hidden.name = picker.dataset.name;
  hidden.value = id;
  chip.append(remove, hidden);
  chips.append(chip);
  input.value = '';
  list.hidden = true;
  input.setAttribute('aria-expanded', 'false');
};
input.addEventListener('input', () => {
  const q = input.value.trim().toLowerCase();
  list.replaceChildren(...pupils.filter(([, n]) => q && n.toLowerCase().includes(q)).map(([id, n]) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.textContent = n;
    li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(id, n); });
    return li;
  }));
  list.hidden = list.children.length === 0;
  input.setAttribute('aria-expanded', String(!list.hidden));
});

const categoryInputs = document.querySelector('.category-inputs');
for (const button of document.querySelectorAll('.toggle')) {
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    categoryInputs.querySelector(`input[value="${button.dataset.value}"]`)?.remove();
    if (on) {
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'incident[category_ids][]';
      hidden.value = button.dataset.value;
      categoryInputs.append(hidden);
    }
  });
}

const view = new EditorView(document.querySelector('#incident_description_editor'), {
  state: EditorState.create({ schema, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)] }),
  attributes: { 'aria-labelledby': 'description_label', role: 'textbox', 'aria-multiline': 'true' },
});
window.widgets = { editor: view };
document.querySelector('#new_incident').addEventListener('submit', () => {
  const div = document.createElement('div');
  div.append(DOMSerializer.fromSchema(schema).serializeFragment(view.state.doc.content));
  document.querySelector('#incident_description').value = div.innerHTML;
});
