// Page budgets, measured: for every page, its HTML (bytes as built, and gzip), the DOM elements
// after load, and the JavaScript it ships (gzip): before any interaction (after load and idle,
// which includes the engine worker started at idle) and added by opening the first cell's editor.
// Then the A4 pages each chapter prints to, and Lighthouse (mobile) served gzip-compressed.
// The figures are printed, and written with the date into the README block this script owns.
//   npm run build && npm run size          (add --no-lighthouse to skip the slowest part)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { builtPages, withPreview } from './preview-server.mjs';
import { printPages } from './print-pages.mjs';

const kb = (n) => (n / 1024).toFixed(1).padStart(6);

async function measure(context, url, openEditor) {
  const page = await context.newPage();
  const scripts = new Map(); // url -> { gz, raw, worker, phase }
  let phase = 'before';
  const record = async (response, worker) => {
    const u = response.url();
    if (scripts.has(u)) return;
    const type = response.request().resourceType();
    if (!worker && type !== 'script' && !/\.m?js(\?|$)/.test(u)) return;
    // the engine worker's bundle is named after its source (engine.worker-<hash>.js)
    worker ||= /engine\.worker/.test(u);
    const body = await response.body().catch(() => null);
    if (!body) return;
    scripts.set(u, { raw: body.length, gz: gzipSync(body, { level: 9 }).length, worker, phase });
  };
  const pending = [];
  page.on('response', (r) => pending.push(record(r, false)));
  page.on('worker', (w) => pending.push(record({ url: () => w.url(), request: () => ({ resourceType: () => 'script' }), body: () => fetch(w.url()).then(async (res) => Buffer.from(await res.arrayBuffer())) }, true)));
  await page.goto(url, { waitUntil: 'load' });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2500); // idle callbacks (the warm worker) have run
  await Promise.all(pending);
  let editorOpened = false;
  if (openEditor) {
    const code = page.locator('[data-fl-code]').first();
    if ((await code.count()) > 0) {
      phase = 'editor';
      await code.click();
      await page.locator('.cm-editor').first().waitFor();
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      editorOpened = true;
    }
  }
  await page.close();
  const sum = (pred) => [...scripts.values()].filter(pred).reduce((a, s) => a + s.gz, 0);
  return {
    elements,
    main: sum((s) => s.phase === 'before' && !s.worker),
    worker: sum((s) => s.phase === 'before' && s.worker),
    editor: editorOpened ? sum((s) => s.phase === 'editor') : null,
  };
}

function htmlBytes(path) {
  const file = join('dist', path, 'index.html');
  const body = readFileSync(file);
  return { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
}

const lines = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

const executablePath = findChromium();
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  await withPreview(4331, async (base) => {
    const context = await browser.newContext();
    say('Per page: HTML KB as built (gzip) | DOM elements after load | JavaScript gzip KB: main thread before interaction, engine worker at idle, added by opening an editor');
    say(`${'page'.padEnd(44)}   HTML   (gzip)  elements    main  worker  editor`);
    for (const path of builtPages()) {
      const h = htmlBytes(path);
      const m = await measure(context, base + path, true);
      say(`${path.padEnd(44)} ${kb(h.raw)} (${kb(h.gz)}) ${String(m.elements).padStart(9)}  ${kb(m.main)}  ${kb(m.worker)}  ${m.editor === null ? '     -' : kb(m.editor)}`);
    }
    await context.close();
    say();
    say('A4 pages printed (Chromium print to PDF, 12 mm margins)');
    for (const { path, pages } of await printPages(browser, base, builtPages().filter((p) => p.startsWith('/chapters/')))) {
      say(`${path.padEnd(44)} ${String(pages).padStart(4)}`);
    }
  });
} finally {
  await browser.close();
}

if (!process.argv.includes('--no-lighthouse')) {
  const { lighthouseScores } = await import('./lighthouse.mjs');
  say();
  say('Lighthouse 12.2.3, mobile, served gzip-compressed: performance | accessibility | LCP | TBT');
  const paths = builtPages().filter((p) => p === '/' || p.startsWith('/chapters/'));
  for (const r of await lighthouseScores(paths)) {
    say(`${r.path.padEnd(44)} ${String(r.performance).padStart(4)} ${String(r.accessibility).padStart(4)}   ${r.lcp.padEnd(8)} ${r.tbt}`);
  }
}

// The README quotes these figures in a block only this script writes.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- size:start (written by npm run size) -->';
const end = '<!-- size:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i >= 0 && j > i) {
  const day = new Date().toISOString().slice(0, 10);
  const block = `${start}\nMeasured ${day} by \`npm run size\` on the production build (figures vary a little from run to run):\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
  writeFileSync('README.md', readme.slice(0, i) + block + readme.slice(j));
  console.log(`\nREADME.md: the size block is updated (${day}).`);
}
