// Serve the built site (dist/) with `astro preview` for a measurement script, and stop it after.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export async function withPreview(port, fn) {
  if (!existsSync('dist/index.html')) throw new Error('No build found: run `npm run build` first.');
  const server = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', 'localhost'], {
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://localhost:${port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(base + '/')).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('astro preview did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return await fn(base);
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Every page of the build as a URL path. */
export function builtPages(dist = 'dist') {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name === 'index.html') {
        const rel = relative(dist, dir);
        out.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dist);
  return out.sort();
}
