// The rollout of docs/rollout.md as a technician does it, for the end-to-end tests: the doc's
// own examples (with the school's id and address put in), a throwaway signing key, the
// packages built by the real packer with it, and a local server for them.
import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = () => readFileSync(join(root, 'docs', 'rollout.md'), 'utf8');
/** What the doc's examples use for the CRX's id and for the school's server. */
export const DOC_ID = 'EXTENSION_ID';
export const DOC_BASE = 'https://extensions.myschool.example/cpoms-check';

/** The text of the doc's example `name` (the fenced block after `<!-- example:NAME … -->`). */
export function docExample(name) {
  const text = doc();
  const at = text.indexOf(`<!-- example:${name} `);
  if (at < 0) throw new Error(`docs/rollout.md has no example ${name}`);
  const open = text.indexOf('```', at);
  const body = text.indexOf('\n', open) + 1;
  return text.slice(body, text.indexOf('\n```', body) + 1);
}

/** The doc's example `name` as JSON, with the school's id and server address put in. */
export function docJson(name, { id = DOC_ID, base = DOC_BASE } = {}) {
  return JSON.parse(docExample(name).replaceAll(DOC_ID, id).replaceAll(DOC_BASE, base));
}

/** A throwaway RSA key, made the way the doc says to make the school's. */
export function throwawayKey(dir) {
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
  return key;
}

/**
 * The packages as `./build.sh` makes them with a signing key (the same packer, on the
 * engine build.sh left in target/extension): into `out`; returns the CRX's id and version
 * from the updates.xml it wrote.
 */
export function packSigned(out, key, base) {
  mkdirSync(out, { recursive: true });
  execFileSync('cargo', ['run', '--release', '--locked', '--quiet', '--bin', 'pack-extension', '--',
    join(root, 'target', 'extension', 'cpoms_check_bg.wasm'), '--out', out, '--key', key, '--base-url', base],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const xml = readFileSync(join(out, 'updates.xml'), 'utf8');
  const [, id] = xml.match(/appid='([a-p]{32})'/);
  const [, codebase, version] = xml.match(/codebase='([^']+)' version='([^']+)'/);
  return { id, version, codebase };
}

const types = { '.crx': 'application/x-chrome-extension', '.xml': 'text/xml', '.xpi': 'application/x-xpinstall' };

/**
 * Serves the files of `dir` (only the packages: .crx, .xml, .xpi) on 127.0.0.1, over HTTPS
 * with a throwaway certificate when `secure`; `requests` lists each path asked for. Each
 * package is served once: while the test's policy file exists, a browser of another test
 * running at the same time cannot install it too.
 */
export async function servePackages(dir, { secure }) {
  const requests = [];
  const handler = (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push(path);
    const type = types[extname(path)];
    const once = extname(path) !== '.xml';
    if (once && requests.indexOf(path) < requests.length - 1) {
      res.writeHead(410).end();
      return;
    }
    let body;
    try {
      body = type && !path.slice(1).includes('/') ? readFileSync(join(dir, path.slice(1))) : null;
    } catch {
      body = null;
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  };
  let server;
  if (secure) {
    const certDir = join(dir, 'cert');
    mkdirSync(certDir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
    server = https.createServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) }, handler);
  } else {
    server = http.createServer(handler);
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `${secure ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return {
    base,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
