// A replica of the CPOMS "Add Incident" page, served over HTTPS with a throwaway
// certificate, recording every body posted to it. Tests map *.cpoms.net to this server.
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pages = new URL('./pages/', import.meta.url);
const hostile = new URL('./pages/hostile/', import.meta.url);
const strictCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'cpoms-replica-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=*.cpoms.net',
    '-addext', 'subjectAltName=DNS:*.cpoms.net', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

/**
 * Starts the replica. `/incidents/new?variant=…` picks the page: `textarea` (1: native
 * selects, date and time inputs, file input), `rich` (2: contenteditable editor, token
 * pickers, dd/mm/yyyy and HH:MM text fields), `frame` (3: the editor in a same-origin
 * iframe), `late` (the form built after load); `csp` adds a strict Content-Security-Policy
 * header without 'wasm-unsafe-eval' (4, with any variant). Scripts, styles and frames are
 * served from pages/ under /assets/ and /frames/.
 *
 * `/hostile/CASE` is the form of pages/hostile/form.html with the script
 * pages/hostile/CASE.js, which does one hostile thing (`?csp=1` as above).
 *
 * Every POST to any path (a form's or a script's fetch) is recorded in `received`, in order,
 * with its path: the tests count the posts and compare their bodies.
 */
export async function startReplica() {
  const received = [];
  const log = []; // every request, in order: "METHOD /path?query"
  const server = https.createServer(certificate(), (req, res) => {
    const url = new URL(req.url, 'https://replica');
    log.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'POST') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: url.pathname, contentType: req.headers['content-type'], body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Incident saved</p>');
      });
      return;
    }
    const hostileCase = /^\/hostile\/([a-z-]+)(\.js)?$/.exec(url.pathname);
    if (hostileCase) {
      const [, name, script] = hostileCase;
      const headers = { 'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8' };
      if (!script && url.searchParams.has('csp')) headers['content-security-policy'] = strictCsp;
      try {
        const body = script ? readFileSync(new URL(`${name}.js`, hostile))
          : readFileSync(new URL('form.html', hostile), 'utf8').replaceAll('{{case}}', name);
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    const asset = /^\/(?:assets|frames)\/([a-z-]+)\.(js|css|html)$/.exec(url.pathname);
    if (asset) {
      const type = { js: 'text/javascript', css: 'text/css', html: 'text/html; charset=utf-8' }[asset[2]];
      try {
        res.writeHead(200, { 'content-type': type }).end(readFileSync(new URL(`${asset[1]}.${asset[2]}`, pages)));
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    // Late resources for the layout-shift tests: `/slow/image.svg?ms=&h=` (an image `h` px
    // high) and `/slow/font.ttf?ms=` (DejaVu Sans), each sent after `ms` milliseconds.
    if (url.pathname === '/slow/image.svg' || url.pathname === '/slow/font.ttf') {
      const h = Number(url.searchParams.get('h') ?? 100);
      const [type, body] = url.pathname.endsWith('.svg')
        ? ['image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="${h}"><rect width="300" height="${h}" fill="#ccd"/></svg>`]
        : ['font/ttf', readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')];
      setTimeout(() => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body), Number(url.searchParams.get('ms') ?? 0));
      return;
    }
    const variant = url.searchParams.get('variant') ?? 'textarea';
    if (url.pathname === '/incidents/new' && /^[a-z-]+$/.test(variant)) {
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      if (url.searchParams.has('csp')) headers['content-security-policy'] = strictCsp;
      try {
        res.writeHead(200, headers).end(readFileSync(new URL(`${variant}.html`, pages)));
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    port,
    received,
    log,
    url: (path) => `https://school.cpoms.net:${port}${path}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
