// Controls named "submit" and "requestSubmit" (and "elements"): they shadow the form's own
// methods and properties of those names, form.submit is now an <input>.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('new_incident');
  for (const name of ['submit', 'requestSubmit', 'elements']) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = `${name}-field`;
    form.prepend(input);
  }
});
