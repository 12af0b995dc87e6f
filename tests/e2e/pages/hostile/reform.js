// Re-renders the whole form (new elements with the values typed so far, as a framework
// re-rendering from its state) whenever focus leaves it: the checklist taking the focus
// replaces the form, its entry field and the button pressed while the checklist is open.
document.addEventListener('DOMContentLoaded', () => {
  document.addEventListener('focusin', (e) => {
    const form = document.getElementById('new_incident');
    if (form.contains(e.target)) return;
    const fresh = form.cloneNode(true); // values and checks come along; option choices do not
    const options = [...fresh.querySelectorAll('option')];
    [...form.querySelectorAll('option')].forEach((o, i) => { options[i].selected = o.selected; });
    form.replaceWith(fresh);
  });
});
