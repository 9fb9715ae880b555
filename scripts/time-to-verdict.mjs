// Time from Run to a rendered verdict, measured in the browser for every cell of every chapter:
// the click, the worker's search, the status and the views replaced, then the next frame painted.
// Prints the median (and min/max) of several runs per cell; the worker is warm (started at idle).
// Also counts long tasks (> 50 ms on the main thread) seen while the runs happened.
//   npm run build && npm run time-to-verdict [-- runs]
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { builtPages, withPreview } from './preview-server.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** In the page: click Run and resolve when the status is settled, the views replaced, and a frame painted. */
function timeOneRun(cellId) {
  const cell = document.querySelector(`[data-cell="${cellId}"]`);
  const status = cell.querySelector('[data-fl-status]');
  const views = cell.querySelector('[data-fl-views-host]');
  const button = cell.querySelector('button[data-action="run"]');
  return new Promise((resolve) => {
    let viewsReplaced = false;
    const done = () => {
      if (!viewsReplaced || cell.dataset.state === 'running' || status.textContent.startsWith('Running')) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - t0, verdict: cell.dataset.verdict })));
    };
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target === views && r.type === 'childList')) viewsReplaced = true;
      done();
    });
    observer.observe(cell, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    button.click();
  });
}

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const all = [];
const longTasks = [];
try {
  await withPreview(4332, async (base) => {
    const page = await browser.newPage();
    for (const path of builtPages().filter((p) => p.startsWith('/chapters/'))) {
      await page.goto(base + path);
      const ids = await page.locator('[data-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
      if (ids.length === 0) continue;
      await page.locator('button[data-action="run"]').first().waitFor({ state: 'visible' });
      await page.waitForTimeout(1500); // the worker is started at idle
      await page.evaluate(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      console.log(path);
      for (const id of ids) {
        const times = [];
        let verdict = '';
        for (let i = 0; i < runs; i++) {
          const r = await page.evaluate(timeOneRun, id);
          times.push(r.ms);
          verdict = r.verdict;
        }
        all.push(median(times));
        const long = await page.evaluate(() => window.__longTasks.splice(0));
        longTasks.push(...long);
        console.log(`  ${id.padEnd(32)} ${verdict.padEnd(11)} median ${median(times).toFixed(1).padStart(7)} ms   (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)${long.length ? `, ${long.length} long tasks up to ${Math.max(...long).toFixed(0)} ms` : ''}`);
      }
    }
  });
} finally {
  await browser.close();
}
if (all.length) {
  console.log(`\nRun → rendered verdict, median over ${all.length} cells' medians: ${median(all).toFixed(1)} ms (target < 100 ms)`);
  console.log(`main-thread long tasks (> 50 ms) during ${all.length * runs} runs: ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ''}`);
}
