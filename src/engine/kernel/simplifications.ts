// What the simulated kernels leave out or do differently from the kernels they follow, each tied
// to the prelude functions whose behaviour it concerns. A chapter whose scenarios reach one of
// those functions must say so in its "What the model leaves out" section
// (kernel/simplifications.test.ts checks every chapter).

export interface Simplification {
  /** the marker a chapter's line carries: {/* model: <id> *\/} */
  id: string;
  /** what the model does, in one sentence (the engine docs list these) */
  what: string;
  /** prelude or scenario functions: a chapter that reaches any of them must disclose this */
  functions: string[];
  /** only on these kernels (all when absent) */
  kernels?: string[];
}

export const SIMPLIFICATIONS: readonly Simplification[] = [
  {
    id: 'truncate-count',
    what: '2.6.20\'s do_no_page() retried when mapping->truncate_count moved; the 2.6.20 kernel\'s filemap_fault does not (cells that argue about the count write it themselves)',
    functions: ['filemap_fault'],
    kernels: ['2.6.20'],
  },
  {
    id: 'truncate-one-pass',
    what: 'truncate_inode_pages() makes one pass with lock_page(); the kernel\'s first pass with trylock only saves waiting',
    functions: ['truncate_inode_pages'],
  },
  {
    id: 'readpage-sync',
    what: 'readpage and writepage complete in one step: no I/O in flight, no I/O errors, no readahead',
    functions: ['filemap_fault', 'do_generic_file_read', 'sync_mapping', 'shrink_page'],
  },
  {
    id: 'one-filesystem',
    what: 'one small filesystem: prepare_write/commit_write (or write_begin/write_end) of the buffer-head helpers, one block per page, no journal',
    functions: ['prepare_write', 'write_begin'],
  },
  {
    id: 'reclaim-one-page',
    what: 'reclaim is one named page taken by a scenario\'s kswapd (or one writeback-then-reclaim task): no LRU lists, no page ageing',
    functions: ['shrink_page', 'reclaim_page'],
  },
  {
    id: 'pte-no-dirty-bit',
    what: 'page-table entries have no dirty bit: a store through a mapping does not dirty the page, and 2.6\'s clear_page_dirty_for_io() does not write-protect the PTEs (page_mkclean)',
    functions: ['sync_mapping', 'shrink_page'],
    kernels: ['2.6.20', '2.6.20-fault-lock', '2.6.24'],
  },
  {
    id: 'pte-lock-irqs-off',
    what: 'the 5.0 kernel\'s slow GUP walks the page table and grabs its pin with interrupts off, standing for the PTE spinlock of follow_page_pte(): page_mkclean() and every unmap wait for it as they would for the lock, and anything else that waits for interrupts-off sections of the mm waits for it too',
    functions: ['get_user_pages_slow'],
    kernels: ['5.0'],
  },
  {
    id: 'pin-overflow-57',
    what: '5.7 refuses a pin whose bias would take _refcount past 2^31 - 1 before adding it (GUP returns no page); the kernel let that add wrap and refused the next pin (try_grab_page(): WARN_ON_ONCE(page_ref_count(page) <= 0))',
    functions: ['grab_page_pin', 'try_get_page_pin_fast'],
    kernels: ['5.7'],
  },
  {
    id: 'pin-without-gup',
    what: 'a pin taken by pin_and_dma() goes to the pin hook directly, not through GUP\'s page-table walk, whose PTE lock and write check would order it against page_mkclean()',
    functions: ['pin_and_dma'],
  },
  {
    id: 'put-user-page-name',
    what: 'put_user_page() is the name John Hubbard\'s series gave the release (commit fc1d8e7cca2d, 2019); a 5.0 driver called put_page()',
    functions: ['put_user_page'],
    kernels: ['5.0'],
  },
];
