// Submit handlers that throw, before and after one that adds a field: the browser reports
// each error and the submission goes on.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('new_incident');
  form.addEventListener('submit', () => { throw new Error('hostile handler (first)'); });
  form.addEventListener('submit', () => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'seen';
    input.value = 'yes';
    form.append(input);
  });
  window.addEventListener('submit', () => { throw new Error('hostile handler (window)'); });
});
