// Offline reading: register the service worker the build generates (scripts/service-worker.mjs),
// and put the page being read into its page cache at once, since the first visit's page was
// fetched before any service worker existed. The worker precaches the site's scripts and styles
// (the editor, the engine worker) and the search index, so a chapter read once can be read,
// edited and run offline.

/** The page cache's name: the same as the service worker's rule for pages. */
export const PAGES_CACHE = 'faultlines-pages';

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).then(
    () => void keepThisPage(),
    () => {
      // no service worker (a browser setting, a private window): the site works online as usual
    },
  );
}

async function keepThisPage(): Promise<void> {
  if (!('caches' in globalThis)) return;
  try {
    const cache = await caches.open(PAGES_CACHE);
    const url = location.pathname + location.search;
    if (!(await cache.match(url))) await cache.add(url);
  } catch {
    // offline already, or storage refused: the page is simply not kept this time
  }
}
