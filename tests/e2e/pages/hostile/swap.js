// Swaps the entry's textarea for a new one (same name, new element, emptied) whenever the
// person presses "Switch editor", as a page switching editors or re-mounting its form does.
document.addEventListener('DOMContentLoaded', () => {
  const slot = document.getElementById('editor-slot');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'swap';
  button.textContent = 'Switch editor';
  slot.after(button);
  button.addEventListener('click', () => {
    const fresh = document.createElement('textarea');
    fresh.id = 'incident_description';
    fresh.name = 'incident[description]';
    slot.replaceChildren(fresh);
  });
});
