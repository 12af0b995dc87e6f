// A window capture submit listener registered as the page loads, before anything else the
// page does: it cancels the browser's submission and posts the form by fetch itself, then
// says "Incident saved". It must post once.
window.addEventListener('submit', (e) => {
  e.preventDefault();
  const body = new URLSearchParams(new FormData(e.target, e.submitter));
  fetch('/incidents', { method: 'POST', body }).then(() => {
    document.getElementById('status').textContent = 'Incident saved';
  });
}, true);
