// What a scenario declares about its world, before layout: the static description from which
// the initial world vector is built. Scenario files (scenarios/format.ts) parse into this.
import type { Budget, MemoryModel } from '../api.js';

export interface PageSpec {
  name: string;
  /** a page-cache page: its file and index */
  file?: string;
  index?: number;
  flags: string[]; // uptodate, dirty, locked…
  content?: string; // bytes, if not read from the file
}

export interface FileSpec {
  name: string;
  /** on-disk content; bytes past it up to `pages * pageSize` are stale blocks */
  content: string;
  pages: number; // page-cache slots (file size limit in pages)
  size?: number; // i_size, default content length
}

export interface VmaSpec {
  start: number; // user address, page aligned
  pages: number;
  file?: string; // file-backed, else anonymous
  pgoff: number;
  writable: boolean;
  /** anonymous memory's initial content */
  content?: string;
  /** PTEs present at the start (the page was touched before) */
  populated: boolean;
}

export interface MmSpec { name: string; vmas: VmaSpec[] }

export interface TaskSpec {
  name: string;
  cpu: number;
  mm: string | null; // null: a kernel thread
  entry: string; // a call expression, e.g. `task_a()`
  line: number; // line in the scenario text
  column?: number; // column of the entry call in that line
  /** a device (a DMA engine), shown as such in traces: `task device cpu 2 device : dma_device()` */
  device?: boolean;
}

export interface ParamSpec {
  name: string;
  kind: 'number' | 'boolean';
  default: number | boolean;
  min?: number;
  max?: number;
  label: string;
  /** the `param` line of the scenario file, for diagnostics */
  line?: number;
}

export interface ScenarioSpec {
  id: string;
  title: string;
  description: string;
  model: MemoryModel;
  /** the simulated kernel it runs on (kernel/kernels.ts): the `kernel` line, or `id@kernel` */
  kernel: string;
  params: ParamSpec[];
  /** path of the default strategy (a cell file), relative to the repository root */
  strategyFile?: string;
  pageSize: number;
  pages: PageSpec[];
  pool: number; // free pages for alloc_page
  files: FileSpec[];
  mms: MmSpec[];
  locks: { name: string; kind: 'mutex' | 'rwsem' }[];
  globals: { name: string; init: number }[];
  tasks: TaskSpec[];
  /** shared globals reported in final states */
  observe: string[];
  budget: Budget;
  /** scenario-level helper code (source 'scenario') */
  code: string;
  codeLine: number; // line of the code section in the scenario text
  stackWords: number;
  /** run `sync` after the tasks and compare the disk with serial orders of the tasks */
  serialCheck: boolean;
  /**
   * kernel memory a kernel thread can pass to write() as its buffer (set_fs(KERNEL_DS)): one page
   * each, `start` its kernel address, `page` its index in `pages`. A task without an mm copies from
   * and to these addresses without a fault; tasks with an mm never see them.
   */
  kernelBuffers?: { start: number; page: number }[];
}
