// The replica's own scripts for variant 2: jQuery-plugin-style token pickers (typing shows
// matching pupils; choosing one adds a chip with a remove button and a hidden input), and
// the editor's HTML copied into the hidden field when the form submits.
const pupils = [['101', 'Derek Smith'], ['102', 'Amira Khan'], ['103', 'Ellie-Mae Fox']];

for (const picker of document.querySelectorAll('.token-input')) {
  const input = picker.querySelector('[role=combobox]');
  const list = picker.querySelector('[role=listbox]');
  const tokens = picker.querySelector('.tokens');
  const choose = (id, name) => {
    const li = document.createElement('li');
    li.className = 'token';
    li.append(name);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${name}`);
    remove.textContent = '×';
    remove.addEventListener('click', () => li.remove());
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = picker.dataset.name;
    hidden.value = id;
    li.append(remove, hidden);
    tokens.append(li);
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
}

document.querySelector('#new_incident').addEventListener('submit', () => {
  document.querySelector('#incident_description').value = document.querySelector('#incident_description_editor').innerHTML;
});
