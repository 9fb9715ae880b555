// Exercises grouped by chapter in reading order, with each chapter's title taken from its page
// when the chapter exists (a fallback name otherwise, so the index builds before the chapter does).
import { getEntry, type CollectionEntry } from 'astro:content';
import { CHAPTER_FALLBACK_TITLES } from './data';

type Entry = CollectionEntry<'exercises'>;
const READING_ORDER = ['primer', '2006-fault-vs-invalidate', '2007-pagecache-write-deadlocks', '2014-memfd-sealing', '2019-gup-pinning'];

export async function chapterGroups(entries: Entry[]): Promise<{ chapter: string; title: string; exercises: Entry[] }[]> {
  const chapters = [...new Set(entries.map((e) => e.data.chapter))].sort(
    (a, b) => (READING_ORDER.indexOf(a) + 1 || 99) - (READING_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  return Promise.all(
    chapters.map(async (chapter) => {
      const page = await getEntry('docs', `chapters/${chapter}`)?.catch(() => undefined);
      const exercises = entries.filter((e) => e.data.chapter === chapter).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
      return { chapter, title: page?.data.title ?? CHAPTER_FALLBACK_TITLES[chapter] ?? chapter, exercises };
    }),
  );
}
