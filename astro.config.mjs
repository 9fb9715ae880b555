// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { serviceWorker } from './scripts/service-worker.mjs';

// The sidebar is the reading order: the primer, then the chapters in date order, then exercises.
// Chapters are written by different people at different times, so an entry appears only once its
// MDX file exists (a missing slug would fail the build for everyone).
const docs = new URL('./src/content/docs/', import.meta.url);
const chapters = [
  { slug: 'chapters/primer', label: 'Primer: pages, locks and interleavings' },
  { slug: 'chapters/2006-fault-vs-invalidate', label: '2006: a fault against invalidation' },
  { slug: 'chapters/2007-pagecache-write-deadlocks', label: '2007: the write path deadlocks' },
  { slug: 'chapters/2014-memfd-sealing', label: '2014: a seal that I/O could break' },
  { slug: 'chapters/2019-gup-pinning', label: '2019: pinned pages and writeback' },
];
const hasPage = (/** @type {string} */ slug) =>
  ['.mdx', '.md'].some((ext) => existsSync(new URL(slug + ext, docs)));

/** @type {any[]} */
const sidebar = [
  {
    label: 'Chapters',
    items: chapters.filter((c) => hasPage(c.slug)).map((c) => ({ label: c.label, slug: c.slug })),
  },
];
// The glossary: the terms the chapters use (src/content/docs/glossary.mdx, data in components/glossary).
if (hasPage('glossary')) sidebar.push({ label: 'Glossary', slug: 'glossary' });
// Exercises are pages of their own (src/pages/exercises/, data in the `exercises` collection), not docs.
if (existsSync(new URL('./src/content/exercises/', import.meta.url))) sidebar.push({ label: 'Exercises', link: '/exercises/' });

export default defineConfig({
  site: 'http://localhost:4321',
  // No link prefetching (Starlight turns it on for every link): its script watches the whole page
  // for added links, and each cell that wakes adds hundreds of nodes; on a long chapter that cost
  // over 200 ms of main thread on a throttled phone for pages a reader may never open.
  prefetch: false,
  integrations: [
    starlight({
      title: 'Faultlines',
      description:
        'A literate, interactive history of the Linux page-cache and page-pinning debates, with a simulator behind every strategy.',
      sidebar,
      // Pagefind full-text search is Starlight's default; stated here so nobody turns it off by accident.
      pagefind: true,
      customCss: ['./src/styles/cells.css', './src/styles/room.css', './src/styles/print.css'],
      lastUpdated: false,
      // No link icon inside every heading: 22 of them cost the 2007 chapter 12 KB of HTML; the
      // "On this page" contents link every heading.
      markdown: { headingLinks: false },
      // "On this page" as one bar at every width, with a scroll tracker that measures only the
      // headings (src/components/toc/); the right-hand column is never shown beside the cells.
      components: {
        TableOfContents: './src/components/toc/TableOfContents.astro',
        MobileTableOfContents: './src/components/toc/MobileTableOfContents.astro',
      },
    }),
    // offline reading: dist/sw.js, generated after the build (scripts/service-worker.mjs)
    serviceWorker(),
  ],
  vite: {
    worker: { format: 'es' },
  },
});
