// Like rails-ujs: a document-level submit handler adds a field to the form (a refreshed
// token with a count of its runs) and disables the buttons marked data-disable-with once
// the submission is under way.
let runs = 0;
document.addEventListener('submit', (e) => {
  const form = e.target;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'ujs_token';
  input.value = `refreshed-${++runs}`;
  form.append(input);
  setTimeout(() => {
    for (const b of form.querySelectorAll('input[type=submit]')) b.disabled = true;
  }, 0);
});
