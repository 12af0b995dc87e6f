// The replica's own script for variant 3: the editor's text goes back into the hidden
// textarea when the form submits, as CKEditor does.
document.querySelector('#new_incident').addEventListener('submit', () => {
  const body = document.querySelector('iframe.editor-frame').contentDocument.body;
  document.querySelector('#incident_description').value = body.innerText;
});
