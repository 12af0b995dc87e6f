// Launching Firefox ESR for the end-to-end tests through selenium-webdriver and geckodriver,
// with or without the packaged extension, *.cpoms.net resolved to this machine, and
// optionally every connection sent through a recording proxy.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

process.env.SE_OFFLINE = 'true'; // never let Selenium Manager download a driver
const root = fileURLToPath(new URL('../../', import.meta.url));
const geckodriver = process.env.GECKODRIVER ?? execFileSync('sh', ['-c', 'command -v geckodriver']).toString().trim();

export async function launchFirefox({ extension, proxyPort }) {
  const options = new firefox.Options().setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr').addArguments('-headless');
  options.setPreference('network.dns.forceResolve', '127.0.0.1');
  if (proxyPort) {
    for (const [k, v] of Object.entries({
      'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': proxyPort, 'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    })) options.setPreference(k, v);
  }
  options.setAcceptInsecureCerts(true);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriver)).build();
  if (extension) await driver.installAddon(join(root, 'dist', 'firefox'), true);
  return driver;
}
