// JavaScript each page ships, gzip-compressed: before any interaction (after load and idle, which
// includes the engine worker started at idle), and after opening the first cell's editor.
// Sizes are measured by gzipping each script body here (astro preview does not compress).
//   npm run build && npm run size
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { builtPages, withPreview } from './preview-server.mjs';

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
  await page.goto(url, { waitUntil: 'networkidle' });
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
    main: sum((s) => s.phase === 'before' && !s.worker),
    worker: sum((s) => s.phase === 'before' && s.worker),
    editor: editorOpened ? sum((s) => s.phase === 'editor') : null,
    // module workers import chunks too; those requests belong to the worker
    files: scripts.size,
  };
}

const executablePath = findChromium();
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  await withPreview(4331, async (base) => {
    const context = await browser.newContext();
    console.log('JavaScript per page, gzip KB (main thread before interaction | engine worker at idle | added by opening an editor)');
    console.log(`${'page'.padEnd(48)}   main   worker   editor`);
    for (const path of builtPages()) {
      const m = await measure(context, base + path, true);
      console.log(`${path.padEnd(48)} ${kb(m.main)} ${kb(m.worker)}   ${m.editor === null ? '     -' : kb(m.editor)}`);
    }
    await context.close();
  });
} finally {
  await browser.close();
}
