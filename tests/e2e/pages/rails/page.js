// The replica's own script on the Rails pages: rails-ujs (the real package, served from
// node_modules) imported and started as a Rails 7 importmap app does, then the page's own
// submit listener, which counts its runs. Everything a test reads is on `window.observed`
// and mirrored in the hidden `#observed` element's data attributes:
//   submits   how many times the page's own submit handler ran (added after Rails.start())
//   early     the same for a submit handler added before Rails.start()
//   ajax      rails-ujs's ajax:complete events (data-remote forms)
//   confirms  how many times rails-ujs asked window.confirm (the dialog itself is the browser's)
//   disabledAtSubmit  whether the submit button was disabled when the page's handler ran
import Rails from '/vendor/@rails/ujs/app/assets/javascripts/rails-ujs.esm.js';

const observed = { submits: 0, early: 0, confirms: 0, disabledAtSubmit: [], ajax: 0 };
window.observed = observed;
const mirror = () => {
  const el = document.getElementById('observed');
  if (el) for (const [k, v] of Object.entries(observed)) el.dataset[k] = JSON.stringify(v);
};

// Count the confirmations rails-ujs asks for (it calls Rails.confirm, which calls window.confirm).
const ask = Rails.confirm;
Rails.confirm = (message, element) => { observed.confirms += 1; mirror(); return ask(message, element); };

// A page handler added before rails-ujs starts: it runs before rails-ujs's own, on every
// submission, even one rails-ujs then stops (declined confirm) or posts itself (data-remote).
document.addEventListener('submit', () => { observed.early += 1; mirror(); });

Rails.start();

// The page's own handler: registered after Rails.start(), as an app's own code is, so a
// submission rails-ujs stops (a declined confirm) never reaches it.
document.addEventListener('submit', (event) => {
  observed.submits += 1;
  const button = event.target.querySelector('[type=submit]');
  observed.disabledAtSubmit.push(!!button?.disabled);
  mirror();
});
document.addEventListener('ajax:complete', () => { observed.ajax += 1; mirror(); });
mirror();
