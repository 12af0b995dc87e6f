// Re-renders the form's buttons (new elements, same type, name and value) whenever focus
// leaves the form, as a framework re-rendering on blur would: the checklist taking the focus
// replaces the button the person pressed while the checklist is open.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('new_incident');
  document.addEventListener('focusin', (e) => {
    if (form.contains(e.target)) return;
    const buttons = document.getElementById('buttons');
    buttons.innerHTML = buttons.innerHTML;
  });
});
