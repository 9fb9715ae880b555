// Lighthouse, mobile (its default emulation and simulated throttling), performance and
// accessibility, for the landing page and every chapter, served gzip-compressed like a real host.
//   npm run build && node scripts/lighthouse.mjs      (also part of `npm run size`)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { builtPages } from './preview-server.mjs';
import { serveCompressed } from './compressed-server.mjs';

export async function lighthouseScores(paths, port = 4333) {
  const server = await serveCompressed(port);
  const chrome = await chromeLauncher.launch({ chromePath: findChromium() ?? undefined, chromeFlags: chromiumArgs.map((a) => (a === '--headless' ? '--headless=new' : a)) });
  const out = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(server.base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const c = result.lhr.categories;
      const audit = (id) => result.lhr.audits[id]?.displayValue ?? '';
      out.push({ path, performance: Math.round(c.performance.score * 100), accessibility: Math.round(c.accessibility.score * 100), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time') });
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = builtPages().filter((p) => p === '/' || p.startsWith('/chapters/'));
  console.log('Lighthouse, mobile, served gzip-compressed (performance | accessibility | LCP | TBT)');
  for (const r of await lighthouseScores(paths)) {
    console.log(`${r.path.padEnd(48)} ${String(r.performance).padStart(4)} ${String(r.accessibility).padStart(4)}   ${r.lcp.padEnd(8)} ${r.tbt}`);
  }
}
