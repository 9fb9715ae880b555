// `npm run bench`: bundle the engine and its measurements into one ES module with esbuild (as
// the site's bundler does for the Worker), then run it. Measuring the bundle rather than files
// loaded one by one through a TypeScript loader measures what readers run: in a bundle, the
// engine's modules share one scope and its hot loops read constants directly.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'faultlines-bench-'));
const outfile = join(dir, 'bench.mjs');
buildSync({ entryPoints: [join(root, 'bench/measure.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'warning' });
process.env.FAULTLINES_ROOT = root;
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
