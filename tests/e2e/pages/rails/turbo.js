// The replica's own script on the Turbo pages: Turbo 8 (the real @hotwired/turbo, served from
// node_modules) imported as a Rails 7 importmap app does (it starts itself), with the page's
// own submit listeners around it. `window.observed` keeps the same counters as page.js
// (Turbo Drive replaces the body, not the script context, so they survive the visit):
//   submits   the page's submit handler added after Turbo started
//   early     one added before Turbo was imported
//   confirms  Turbo's confirm calls (data-turbo-confirm; the dialog itself is the browser's)
//   disabledAtSubmit  whether the submit button was disabled when the page's handler ran
//   ajax      Turbo's turbo:submit-end events (Turbo posts the form with fetch)
//   loads     turbo:load and turbo:frame-load events once the script has run
const observed = { submits: 0, early: 0, confirms: 0, disabledAtSubmit: [], ajax: 0, loads: 0 };
document.addEventListener('submit', () => { observed.early += 1; });

const Turbo = await import('/vendor/@hotwired/turbo/dist/turbo.es2017-esm.js');
// Turbo's own default, counted.
Turbo.config.forms.confirm = (message) => {
  observed.confirms += 1;
  return Promise.resolve(window.confirm(message));
};

document.addEventListener('submit', (event) => {
  observed.submits += 1;
  const button = event.target.querySelector('[type=submit]');
  observed.disabledAtSubmit.push(!!button?.disabled);
});
document.addEventListener('turbo:submit-end', () => { observed.ajax += 1; });
document.addEventListener('turbo:load', () => { observed.loads += 1; });
document.addEventListener('turbo:frame-load', () => { observed.loads += 1; });
// Set last: the tests start once the page's script has run to the end.
window.observed = observed;
