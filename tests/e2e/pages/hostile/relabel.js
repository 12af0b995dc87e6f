// Re-renders the buttons when focus leaves the form with a new label on the one pressed last
// (value "Saving…"): no button of the same name and value is left for the submission.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('new_incident');
  document.addEventListener('focusin', (e) => {
    if (form.contains(e.target)) return;
    const buttons = document.getElementById('buttons');
    buttons.innerHTML = '<input type="submit" name="draft" value="Save draft"> <input type="submit" name="commit" value="Saving…">';
  });
});
