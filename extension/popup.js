// The toolbar popup: the checker on or off for this site, the counts for the current page,
// and the way to the settings and the practice page.
import { MESSAGES, api, layers, loadEngine, onAllowedHost, setSiteOn } from './settings.js';

const $ = (id) => document.getElementById(id);
const [tab] = await api.tabs.query({ active: true, currentWindow: true });
// The tab's address is visible only on sites the extension runs on (no "tabs" permission).
const [[saved, managed, off], engine] = await Promise.all([layers(), loadEngine()]);
// The school's hosts as the checker itself combines the settings (its default included).
const { policy } = engine.settings(saved, managed);
const page = tab?.url ? new URL(tab.url) : null;
const host = page?.protocol === 'https:' ? page.hostname : null;
if (host && onAllowedHost(policy, engine.defaults(), host)) {
  $('site').textContent = host;
  $('switch-row').hidden = false;
  $('on').checked = !off.includes(host);
  $('on').addEventListener('change', async () => {
    await setSiteOn(host, $('on').checked);
    await showCounts();
  });
  await showCounts();
}

async function showCounts() {
  if (!$('on').checked) {
    $('counts').textContent = 'Turned off on this site.';
    return;
  }
  const counts = await api.tabs.sendMessage(tab.id, { type: MESSAGES.counts }).catch(() => null);
  $('page-check').hidden = !counts;
  $('counts').textContent = !counts
    ? 'No entry form found on this page.'
    : `${counts.not_met} ${counts.not_met === 1 ? 'point' : 'points'} not met, ${counts.findings} ${counts.findings === 1 ? 'note' : 'notes'} in all.`;
}

$('options').addEventListener('click', () => api.runtime.openOptionsPage());
$('page-check').addEventListener('click', async () => {
  await api.tabs.sendMessage(tab.id, { type: MESSAGES.pageCheck }).catch(() => null);
  window.close(); // the page check is on the page
});
$('practice').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('practice.html') }));
document.body.dataset.ready = 'true';
