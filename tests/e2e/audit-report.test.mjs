// The audit's HTML report in Chromium (issue 12): the charts are inline SVG, opening it makes
// no request, and printed on A4 no chart can be split across pages. Saves the screenshot the
// README shows. Needs the release binaries (built here if missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// A4 at 96 px per inch, less the report's @page margins (16 mm top and bottom, 14 mm sides).
const mm = 96 / 25.4;
const pageWidth = Math.floor((210 - 28) * mm);
const pageHeight = Math.floor((297 - 32) * mm);

test('the audit report: inline SVG charts, no request, charts kept whole on A4', async () => {
  execFileSync('cargo', ['build', '--release', '--locked', '--quiet', '--bin', 'cpoms-check', '--bin', 'gen-export'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'cpoms-audit-report-'));
  const csv = join(dir, 'export.csv');
  const html = join(dir, 'report.html');
  execFileSync(join(root, 'target/release/gen-export'), ['--rows', '3000', '--seed', '5', '--out', csv]);
  execFileSync(join(root, 'target/release/cpoms-check'), ['audit', csv, '--html', html, '--now', '2025-07-30T12:00'], { stdio: ['ignore', 'ignore', 'inherit'] });

  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const url = pathToFileURL(html).href;
    const others = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      others.push(route.request().url());
      return route.abort();
    });
    await page.goto(url);
    assert.deepEqual(others, [], 'the report asks for nothing beyond itself');

    const charts = await page.locator('svg.chart').count();
    assert.ok(charts >= 2, `criteria and trend charts drawn (${charts})`);
    assert.match(await page.locator('.headline').innerText(), /^\d+% of entries met every criterion\.$/);
    assert.equal(await page.getByText('five_w', { exact: false }).count(), 0, 'no internal criterion ids');
    assert.ok(await page.locator('.example mark').count() > 0, 'findings highlighted in the examples');
    mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'docs/screenshots/audit-report-chromium.png') });

    // Print layout: each chart sits in a figure that asks not to be split and fits one page,
    // so the print engine can always keep it whole; the PDF itself must come out.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: pageWidth, height: pageHeight });
    const figures = await page.$$eval('svg.chart', (svgs) => svgs.map((svg) => {
      const fig = svg.closest('figure');
      return {
        inFigure: !!fig,
        avoid: fig ? getComputedStyle(fig).breakInside : '',
        height: fig ? fig.getBoundingClientRect().height : Infinity,
        fill: getComputedStyle(svg.querySelector('.bar')).fill,
      };
    }));
    for (const f of figures) {
      assert.ok(f.inFigure, 'every chart is in a figure');
      assert.equal(f.avoid, 'avoid');
      assert.ok(f.height <= pageHeight, `a chart ${f.height}px tall fits an A4 page (${pageHeight}px)`);
      assert.equal(f.fill, 'rgb(51, 51, 51)', 'bars print as dark grey');
    }
    const rows = await page.$$eval('tr', (trs) => trs.every((tr) => getComputedStyle(tr).breakInside === 'avoid'));
    assert.ok(rows, 'no table row split across pages');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 3, `the report prints on several A4 pages (${pages})`);
  } finally {
    await browser.close();
  }
});
