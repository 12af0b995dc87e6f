// Builds the form a moment after load, as a script-driven page would.
setTimeout(() => {
  document.getElementById('mount').innerHTML = `
    <form action="/incidents" method="post">
      <input type="hidden" name="authenticity_token" value="replica-token-123">
      <label for="incident_description">Incident</label>
      <textarea id="incident_description" name="incident[description]" style="width: 600px; height: 160px"></textarea>
      <p><input type="submit" name="commit" value="Add Incident"></p>
    </form>`;
}, 600);
