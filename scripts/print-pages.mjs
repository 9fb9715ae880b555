// A4 pages each chapter prints to: Chromium's own print to PDF (print media, the site's print
// stylesheet), pages counted in the PDF it writes. The 2007 chapter's budget is 25 pages.
//   npm run build && node scripts/print-pages.mjs
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { builtPages, withPreview } from './preview-server.mjs';

/** Pages in a PDF as Chromium writes it: one `/Type /Page` dictionary per page. */
export function countPdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function printPages(browser, base, paths) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counts = [];
  for (const path of paths) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    counts.push({ path, pages: countPdfPages(pdf) });
  }
  await context.close();
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    await withPreview(4332, async (base) => {
      console.log('A4 pages printed (Chromium print to PDF, 12 mm margins)');
      for (const { path, pages } of await printPages(browser, base, builtPages().filter((p) => p.startsWith('/chapters/')))) {
        console.log(`${path.padEnd(48)} ${String(pages).padStart(4)}`);
      }
    });
  } finally {
    await browser.close();
  }
}
