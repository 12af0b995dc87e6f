// A replica of the CPOMS "Add Incident" page, served over HTTPS with a throwaway
// certificate, recording every body posted to it. Tests map *.cpoms.net to this server.
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { railsPages, railsPage } from './pages/rails/pages.mjs';

const pages = new URL('./pages/', import.meta.url);
const hostile = new URL('./pages/hostile/', import.meta.url);
const widgets = new URL('./pages/widgets/', import.meta.url);
const rails = new URL('./pages/rails/', import.meta.url);
const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const vendorTypes = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.html': 'text/html; charset=utf-8', '.map': 'application/json',
};

/**
 * A file of an installed npm package, for `/vendor/<package>/<path>`: only regular files
 * whose real path is inside node_modules, only known types, no `..`, no dot-files; else null.
 */
function vendorFile(pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice('/vendor/'.length));
  } catch {
    return null;
  }
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.') || p.includes('\\') || p.includes('\0'))) return null;
  const type = vendorTypes[extname(rel)];
  if (!type) return null;
  try {
    const root = realpathSync(nodeModules);
    const file = realpathSync(join(root, ...parts));
    if (!file.startsWith(root + sep) || !statSync(file).isFile()) return null;
    return { type, body: readFileSync(file) };
  } catch {
    return null;
  }
}
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
 * `widgets-a` … `widgets-d` are pages/widgets/a.html …: the form built with real widget
 * libraries from npm (flatpickr, tom-select, Choices.js, select2, chosen, vanillajs-datepicker,
 * TinyMCE, CKEditor 5, Quill), whose files are served read-only from node_modules under
 * /vendor/<package>/<path>; the pages' own scripts and styles under /assets/widgets/.
 *
 * `rails-ujs`, `rails-confirm`, `rails-confirm-form`, `rails-remote` are pages/rails/form.html
 * filled in from pages/rails/pages.mjs: the form as Rails renders it, with rails-ujs from npm (`data-disable-with`, `data-confirm`
 * on the button or the form, `data-remote`); their script and style under /assets/rails/.
 * `rails-turbo`, `rails-turbo-confirm`, `rails-turbo-frame` are the same form with Turbo 8 from
 * npm (Drive, `data-turbo-confirm`, a `<turbo-frame>`): a post to /incidents/turbo is answered
 * by a 303 to /incidents/saved, as a Rails controller answers Turbo.
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
        // Turbo wants a form's post answered by a redirect, as a Rails controller does.
        if (url.pathname === '/incidents/turbo') res.writeHead(303, { location: '/incidents/saved' }).end();
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Incident saved</p>');
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
    if (url.pathname.startsWith('/vendor/')) {
      const file = req.method === 'GET' ? vendorFile(url.pathname) : null;
      if (file) res.writeHead(200, { 'content-type': file.type }).end(file.body);
      else res.writeHead(404).end();
      return;
    }
    const widgetAsset = /^\/assets\/(widgets|rails)\/([a-z-]+)\.(js|css)$/.exec(url.pathname);
    if (widgetAsset) {
      const [, dir, name, ext] = widgetAsset;
      try {
        const body = readFileSync(new URL(`${name}.${ext}`, dir === 'rails' ? rails : widgets));
        res.writeHead(200, { 'content-type': ext === 'js' ? 'text/javascript' : 'text/css' }).end(body);
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
    if (url.pathname === '/incidents/saved') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(new URL('saved.html', rails)));
      return;
    }
    const variant = url.searchParams.get('variant') ?? 'textarea';
    if (url.pathname === '/incidents/new' && /^[a-z-]+$/.test(variant)) {
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      if (url.searchParams.has('csp')) headers['content-security-policy'] = strictCsp;
      try {
        const widget = /^widgets-([a-z]+)$/.exec(variant);
        const rail = railsPages[/^rails-([a-z-]+)$/.exec(variant)?.[1]];
        if (rail) {
          res.writeHead(200, headers).end(railsPage(readFileSync(new URL('form.html', rails), 'utf8'), rail));
          return;
        }
        const file = widget ? new URL(`${widget[1]}.html`, widgets) : new URL(`${variant}.html`, pages);
        res.writeHead(200, headers).end(readFileSync(file));
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
