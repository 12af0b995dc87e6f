// The toolbar popup: the checker on or off for this site, the counts for the current page,
// and the way to the settings and the practice page.
import { api, layers, onAllowedHost, setSiteOn } from './settings.js';

const $ = (id) => document.getElementById(id);
const [tab] = await api.tabs.query({ active: true, currentWindow: true });
// The tab's address is visible only on sites the extension runs on (no "tabs" permission).
const [saved, managed, off] = await layers();
const page = tab?.url ? new URL(tab.url) : null;
const host = page?.protocol === 'https:' ? page.hostname : null;
if (host && onAllowedHost({ hosts: managed?.hosts ?? saved?.hosts }, host)) {
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
  const counts = await api.tabs.sendMessage(tab.id, { type: 'counts' }).catch(() => null);
  $('counts').textContent = !counts
    ? 'No entry form found on this page.'
    : `${counts.not_met} ${counts.not_met === 1 ? 'point' : 'points'} not met, ${counts.findings} ${counts.findings === 1 ? 'note' : 'notes'} in all.`;
}

$('options').addEventListener('click', () => api.runtime.openOptionsPage());
$('practice').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('practice.html') }));
document.body.dataset.ready = 'true';
