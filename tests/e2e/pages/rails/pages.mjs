// The Rails replicas: one form (form.html) as Rails renders it with rails-ujs (page.js) or
// Turbo 8 (turbo.js), each page differing only in the attributes and wrapping below.
// Served by tests/e2e/server.mjs as /incidents/new?variant=rails-<page>; see README.md.

/** The local rails-ujs forms post into this frame, so the page stays to be read after the post. */
const savedFrame = '\n<div id="observed" hidden></div>\n<iframe name="saved" title="Saved"></iframe>';

export const railsPages = {
  ujs: {
    title: 'Rails replica: data-disable-with',
    renders: 'form_with(model: @incident, local: true), f.submit data: { disable_with: "Saving…" }',
    script: 'page', action: '/incidents', form: ' target="saved"',
    button: ' data-disable-with="Saving…"', after: savedFrame,
  },
  confirm: {
    title: 'Rails replica: data-confirm on the button',
    renders: 'local: true, f.button data: { confirm: "Save this incident?", disable_with: "Saving…" }',
    script: 'page', action: '/incidents', form: ' target="saved"',
    button: ' data-confirm="Save this incident?" data-disable-with="Saving…"', after: savedFrame,
  },
  'confirm-form': {
    title: 'Rails replica: data-confirm on the form',
    renders: 'form_with(model: @incident, local: true, data: { confirm: "Save this incident?" })',
    script: 'page', action: '/incidents', form: ' target="saved" data-confirm="Save this incident?"',
    button: ' data-disable-with="Saving…"', after: savedFrame,
  },
  remote: {
    title: 'Rails replica: data-remote, posted by rails-ujs itself',
    renders: 'form_with(model: @incident, local: false): rails-ujs posts it with XMLHttpRequest and the page stays',
    script: 'page', action: '/incidents', form: ' data-remote="true"',
    button: ' data-disable-with="Saving…"', after: savedFrame,
  },
  turbo: {
    title: 'Turbo replica: Drive form',
    renders: 'form_with(model: @incident), f.submit data: { turbo_submits_with: "Saving…" }: Turbo Drive posts it, follows the 303 and replaces the body',
    script: 'turbo', action: '/incidents/turbo', form: '',
    button: ' data-turbo-submits-with="Saving…"',
  },
  'turbo-confirm': {
    title: 'Turbo replica: data-turbo-confirm',
    renders: 'as turbo, with data: { turbo_confirm: "Save this incident?" }: Turbo asks when it takes the submission',
    script: 'turbo', action: '/incidents/turbo', form: ' data-turbo-confirm="Save this incident?"',
    button: ' data-turbo-submits-with="Saving…"',
  },
  'turbo-frame': {
    title: 'Turbo replica: form in a turbo-frame',
    renders: 'as turbo, inside <turbo-frame id="incident_form">: Turbo swaps in the frame of the same id from the response',
    script: 'turbo', action: '/incidents/turbo', form: '',
    button: ' data-turbo-submits-with="Saving…"',
    before: '<turbo-frame id="incident_form">\n', after: '\n</turbo-frame>\n<p>Recent incidents: none.</p>',
  },
};

/** The page's HTML: form.html (its text given) with the page's values put in. */
export const railsPage = (template, page) => template.replace(/\{\{(\w+)\}\}/g, (_, k) => page[k] ?? '');
