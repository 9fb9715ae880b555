// The five mailing-list debates on one time line, and what carries over from one to the next.
// Dates are from shared/HISTORY.md, entries marked [V] there (a thread's first and last message in
// the thread copies, and the commit dates of what landed); the links between threads are this
// site's reading of them, said as such on the page.

export interface Thread {
  key: string;
  title: string;
  /** first and last message, as decimal years for the picture, and in words */
  from: number;
  to: number;
  when: string;
  chapter: string;
  /** what landed, when (commit date) */
  landed: { at: number; what: string }[];
}

/** 2007-07-19 → 2007.55: a date as a decimal year, for placing it on the axis. */
export function year(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return y + (m - 1) / 12 + ((d ?? 1) - 1) / 365;
}

export const threads: Thread[] = [
  {
    key: 'd1', title: 'A fault against invalidation', from: year('2005-12-13'), to: year('2007-05-19'),
    when: 'December 2005 – May 2007', chapter: '2006-fault-vs-invalidate',
    landed: [{ at: year('2007-07-19'), what: 'page lock in the fault path (2.6.23)' }],
  },
  {
    key: 'd2', title: 'Short commits in the write path', from: year('2006-10-22'), to: year('2006-12-13'),
    when: 'October – December 2006', chapter: '2007-pagecache-write-deadlocks', landed: [],
  },
  {
    key: 'd3', title: 'The write path deadlocks', from: year('2007-01-29'), to: year('2007-02-06'),
    when: 'January – February 2007', chapter: '2007-pagecache-write-deadlocks',
    landed: [{ at: year('2007-10-16'), what: 'the temporary page (2.6.24)' }],
  },
  {
    key: 'd4', title: 'Sealing a memfd against GUP', from: year('2014-04-15'), to: year('2014-08-08'),
    when: 'April – August 2014', chapter: '2019-gup-pinning',
    landed: [{ at: year('2014-08-08'), what: 'wait for pins when sealing (3.17)' }],
  },
  {
    key: 'd5', title: 'Pinned pages and writeback', from: year('2019-01-11'), to: year('2019-01-16'),
    when: 'January 2019', chapter: '2019-gup-pinning',
    landed: [{ at: year('2020-01-30'), what: 'pin_user_pages() (5.6)' }],
  },
];

/** What one debate hands the next, in this site's reading. */
export const links: { from: string; to: string; words: string }[] = [
  { from: 'd1', to: 'd3', words: 'both turn on the page lock taken in the fault path' },
  { from: 'd2', to: 'd3', words: 'the short commit fails; the same patches try again' },
  { from: 'd3', to: 'd4', words: 'get_user_pages() as a pin: only a _refcount' },
  { from: 'd4', to: 'd5', words: 'extra references waited out, then told apart' },
];
