// The glossary: the terms the chapters lean on, in our own words. One source for the glossary page
// (src/content/docs/glossary.mdx) and for <Term>, which shows a definition on hover and focus.
export interface GlossaryTerm {
  /** anchor on the glossary page, and the `id` a <Term> names */
  id: string;
  term: string;
  definition: string;
}

export const TERMS: GlossaryTerm[] = [
  { id: 'page-cache', term: 'page cache', definition: 'The kernel\'s copy of file contents in memory, one page per page-sized block of the file, indexed by file and offset. read() and write() copy to and from it; mmap() maps its pages directly.' },
  { id: 'pte', term: 'page-table entry (PTE)', definition: 'The entry that maps one virtual page of a process to a physical page, with permission bits (present, writable). A missing or write-protected entry makes an access fault.' },
  { id: 'mmap-sem', term: 'mmap_sem', definition: 'The reader-writer semaphore guarding a process\'s list of mappings (VMAs). A page fault holds it for reading; mmap(), munmap() and mlock() take it for writing.' },
  { id: 'pg-locked', term: 'PG_locked', definition: 'The page lock: a sleeping lock in the page\'s flags. Held while a page is read from disk, while it is removed from the page cache, and by the write path while it fills the page.' },
  { id: 'pg-uptodate', term: 'PG_uptodate', definition: 'The page\'s contents are valid: a complete copy of the file\'s data. A page that is not up to date must be read (or fully overwritten) before anyone may see it.' },
  { id: 'refcount', term: 'refcount (_refcount)', definition: 'How many references to the page exist: the page cache holds one, each mapping one, and anyone who looked the page up holds one until put_page(). It says how many, never who.' },
  { id: 'mapcount', term: 'mapcount', definition: 'How many page-table entries map the page. page_count minus page_mapcount counts the references that are neither the page cache\'s nor a mapping\'s.' },
  { id: 'writeback', term: 'writeback', definition: 'Writing a dirty page back to its file on disk: the page is cleaned and write-protected, PG_writeback is set while the I/O runs, and cleared when it completes.' },
  { id: 'stable-pages', term: 'stable pages', definition: 'A disk or filesystem that checksums data (or RAID parity) needs a page not to change while it is being written: writers wait for PG_writeback to clear (wait_for_stable_page).' },
  { id: 'gup', term: 'GUP (get_user_pages)', definition: 'A kernel call that looks up the pages behind a user address range, faulting them in if needed under mmap_sem, and takes a reference on each, so a driver or the kernel can use them after the mapping is gone.' },
  { id: 'gup-fast', term: 'GUP-fast (get_user_pages_fast)', definition: 'GUP\'s fast path: walks the page tables with interrupts off, without mmap_sem and without looking at any VMA, and falls back to slow GUP when a page is not simply there. Nothing in it may sleep.' },
  { id: 'foll-write', term: 'FOLL_WRITE', definition: 'The GUP flag asking for pages the caller will write (a read from a device into memory): GUP breaks copy-on-write and requires a writable mapping.' },
  { id: 'pin', term: 'pin', definition: 'A page reference held for DMA or other long use, as opposed to a passing lookup. Until 2020 a pin was an ordinary reference; pin_user_pages() and FOLL_PIN made it countable.' },
  { id: 'dma', term: 'DMA', definition: 'Direct memory access: a device reads or writes physical memory itself, with no page table, no fault and no lock, on its own schedule.' },
  { id: 'bh-new', term: 'BH_New', definition: 'A buffer-head flag: the filesystem has just allocated this block, so its on-disk contents are garbage and must be zeroed or fully written before anyone may read them.' },
  { id: 'ordered-mode', term: 'ordered mode', definition: 'ext3/ext4\'s default journalling mode: file data is written to disk before the metadata that points at it is committed, so a crash never exposes stale blocks.' },
  { id: 'prio-tree', term: 'prio_tree', definition: 'The structure (before 2012\'s interval tree) that finds every VMA mapping a given file offset, so unmap_mapping_range() can remove every PTE that maps a page.' },
  { id: 'truncate-count', term: 'truncate_count', definition: 'A counter on the file\'s address space bumped by every unmap_mapping_range(); 2.6.15\'s fault path read it before ->nopage and again before setting the PTE, and retried if it moved.' },
  { id: 'thread-notation', term: 'the "2,6;b,f" notation', definition: 'Nick Piggin\'s shorthand in the 2007 thread: number the steps of one call path 1, 2, 3…, letter those of another a, b, c…; "2,6;b,f" is a deadlock in which one task holds what it took at step 2 and sleeps at 6, and the other holds b and sleeps at f.' },
  { id: 'memfd-seal', term: 'memfd seal', definition: 'A restriction added to a memfd with fcntl(F_ADD_SEALS) that can never be removed. F_SEAL_WRITE promises that the file\'s contents never change again.' },
  { id: 'i-mmap-writable', term: 'i_mmap_writable', definition: 'The count of shared writable mappings of a file. Sealing with F_SEAL_WRITE refuses while it is above zero, and then makes it negative so that no new writable mapping can be made.' },
];

export function term(id: string): GlossaryTerm {
  const t = TERMS.find((x) => x.id === id);
  if (!t) throw new Error(`glossary: no term '${id}' (known: ${TERMS.map((x) => x.id).join(', ')})`);
  return t;
}
