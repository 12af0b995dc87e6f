// The practice page: the same checker on a form like CPOMS's "Add Incident", with nothing
// sent anywhere (the form's submission ends here).
import { api, layers, loadEngine, openSettings, setSelector, turnOff } from './settings.js';

const example = 'Last week Derek was kicking off in class again, time and time again he shouts. He was really frightened and flew out of the room. '
  + 'I think he is not bothered about school. It really upset me! Mum said he was absolutely wild at home.';

document.getElementById('example').addEventListener('click', () => {
  const field = document.getElementById('incident_description');
  field.focus();
  field.select();
  document.execCommand('insertText', false, example); // like typing: the checker sees it and undo works
});
document.getElementById('practice_incident').addEventListener('submit', (e) => {
  e.preventDefault();
  document.getElementById('status').textContent = 'Practice only: nothing was sent. In CPOMS the entry would now be saved.';
});

const engine = await loadEngine();
const [saved, managed] = await layers();
engine.start(saved, managed, turnOff, openSettings, setSelector);
engine.watch_submissions(); // the checklist before the form's own handler, as on a CPOMS page
api.storage.onChanged.addListener(async () => {
  const [s, m] = await layers();
  engine.apply_settings(s, m);
});
document.body.dataset.ready = 'true';
