// Astro integration: after the build, generate dist/sw.js with Workbox. The service worker
// precaches every script and stylesheet of the build (content-hashed, so cached for good: the
// editor, the engine worker, the diff) and Pagefind's search index, and keeps each page a reader
// visits or whose exercise it opens in a chapter (network first, the cached copy when offline). src/components/offline/register.ts
// registers it.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

/** Must match PAGES_CACHE in src/components/offline/register.ts. */
const PAGES_CACHE = 'faultlines-pages';

/** @returns {import('astro').AstroIntegration} */
export function serviceWorker() {
  return {
    name: 'faultlines-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: ['_astro/**/*.{js,css,woff,woff2,svg}', 'pagefind/**/*', 'favicon.svg'],
          // Starlight's search uses Pagefind's default UI only
          globIgnores: ['pagefind/pagefind-component-ui.*', 'pagefind/pagefind-modular-ui.*'],
          // Pagefind asks for its index with ?ts=<build tag>: the precached copy answers
          ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
          // _astro/ names carry a content hash: no revision needed
          dontCacheBustURLsMatching: /\/_astro\//,
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          swDest: join(root, 'sw.js'),
          cacheId: 'faultlines',
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
          runtimeCaching: [
            {
              // pages a reader opens, and the exercise pages a chapter's "Try it here" fetches
              urlPattern: ({ request, url }) => request.mode === 'navigate' || (url.origin === self.location.origin && /^\/exercises\/[^/]+\/$/.test(url.pathname)),
              handler: 'NetworkFirst',
              options: { cacheName: PAGES_CACHE, networkTimeoutSeconds: 5, expiration: { maxEntries: 200 } },
            },
          ],
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`sw.js: ${count} files precached (${(size / 1024).toFixed(0)} KiB)`);
      },
    },
  };
}
