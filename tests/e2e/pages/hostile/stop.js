// Submit handlers that stop the event from going further: the form's first handler adds a
// field that counts how often it ran (once, with or without the extension) and calls
// stopPropagation, the second stopImmediatePropagation, so neither the third nor the
// document's handler ever runs.
let runs = 0;
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('new_incident');
  form.addEventListener('submit', (e) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'handled';
    input.value = String(++runs);
    form.append(input);
    e.stopPropagation();
  });
  form.addEventListener('submit', (e) => e.stopImmediatePropagation());
  form.addEventListener('submit', () => { throw new Error('never reached'); });
  document.addEventListener('submit', () => { throw new Error('never reached'); });
});
