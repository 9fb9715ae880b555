// The scenario file format: one declaration per line, `#` comments, then an optional `code:`
// section of strategy-language helpers. See src/engine/README.md ("Scenario files").
import type { Diagnostic, MemoryModel } from '../api.js';
import type { FileSpec, MmSpec, PageSpec, ParamSpec, ScenarioSpec, TaskSpec, VmaSpec } from '../kernel/spec.js';
import { anonPageName } from '../kernel/world.js';
import { DEFAULT_KERNEL, KERNELS, kernelNamed } from '../kernel/kernels.js';

class FormatError extends Error {
  constructor(readonly line: number, readonly column: number, message: string) { super(message); }
}

interface Word { text: string; column: number; quoted: boolean }

function words(line: string, lineNo: number): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ' || line[i] === '\t') { i++; continue; }
    if (line[i] === '#') break;
    if (line[i] === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length) { text += line[j + 1] === 'n' ? '\n' : line[j + 1]; j += 2; } else text += line[j++];
      }
      if (j >= line.length) throw new FormatError(lineNo, i + 1, 'unterminated string');
      out.push({ text, column: i + 1, quoted: true });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
    out.push({ text: line.slice(i, j), column: i + 1, quoted: false });
    i = j;
  }
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function num(w: Word | undefined, lineNo: number, what: string): number {
  if (!w) throw new FormatError(lineNo, 1, `expected ${what}`);
  const v = /^0x[0-9a-f]+$/i.test(w.text) ? parseInt(w.text, 16) : /^-?[0-9]+$/.test(w.text) ? parseInt(w.text, 10) : NaN;
  if (!Number.isFinite(v)) throw new FormatError(lineNo, w.column, `expected ${what}, found '${w.text}'`);
  return v;
}

function name(w: Word | undefined, lineNo: number, what: string): string {
  if (!w) throw new FormatError(lineNo, 1, `expected ${what}`);
  if (!NAME.test(w.text)) throw new FormatError(lineNo, w.column, `${what} must be a C identifier, found '${w.text}'`);
  return w.text;
}

/** options after the fixed words: `key value` pairs and bare flags */
function options(ws: Word[], lineNo: number, withValue: string[], flags: string[]): Map<string, Word | null> {
  const out = new Map<string, Word | null>();
  for (let i = 0; i < ws.length; i++) {
    const k = ws[i].text;
    if (withValue.includes(k)) {
      if (!ws[i + 1]) throw new FormatError(lineNo, ws[i].column, `'${k}' needs a value`);
      out.set(k, ws[++i]);
    } else if (flags.includes(k)) out.set(k, null);
    else throw new FormatError(lineNo, ws[i].column, `unknown option '${k}' (expected ${[...withValue, ...flags].join(', ')})`);
  }
  return out;
}

export function parseScenario(text: string): { spec: ScenarioSpec | null; diagnostics: Diagnostic[] } {
  const spec: ScenarioSpec = {
    id: '', title: '', description: '', model: 'sc', kernel: DEFAULT_KERNEL, params: [], pageSize: 4, pages: [], pool: 0, files: [], mms: [], locks: [],
    globals: [], tasks: [], observe: [], budget: {}, code: '', codeLine: 1, stackWords: 96, serialCheck: false,
  };
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  const description: string[] = [];
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = lines[n];
    if (/^code:\s*$/.test(raw)) {
      spec.code = lines.slice(n + 1).join('\n');
      spec.codeLine = lineNo + 1;
      break;
    }
    try {
      const ws = words(raw, lineNo);
      if (!ws.length) continue;
      declaration(spec, ws, lineNo, raw, description);
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      diagnostics.push({ line: e.line, column: e.column, message: e.message, severity: 'error', source: 'scenario' });
    }
  }
  spec.description = description.join(' ');
  const err = (message: string) => diagnostics.push({ line: 1, column: 1, message, severity: 'error', source: 'scenario' });
  if (!spec.id) err("the scenario has no 'id' line");
  if (!spec.tasks.length) err("the scenario has no 'task' line");
  if ((spec.pageSize & (spec.pageSize - 1)) !== 0 || spec.pageSize < 1 || spec.pageSize > 64) err('page-size must be a power of two from 1 to 64');
  if (spec.tasks.length > 7) err('at most 7 tasks');
  return { spec: diagnostics.length ? null : spec, diagnostics };
}

function declaration(spec: ScenarioSpec, ws: Word[], lineNo: number, raw: string, description: string[]) {
  const [kw, ...rest] = ws;
  const restText = () => raw.slice(raw.indexOf(kw.text) + kw.text.length).trim();
  const fileOf = (w: Word | undefined) => {
    const f = spec.files.find((x) => x.name === w?.text);
    if (!f) throw new FormatError(lineNo, w?.column ?? 1, `unknown file '${w?.text ?? ''}' (declare it with a 'file' line first)`);
    return f;
  };
  const mmOf = (w: Word | undefined) => {
    const mm = spec.mms.find((x) => x.name === w?.text);
    if (!mm) throw new FormatError(lineNo, w?.column ?? 1, `unknown mm '${w?.text ?? ''}' (declare it with an 'mm' line first)`);
    return mm;
  };
  switch (kw.text) {
    case 'id': spec.id = rest.map((w) => w.text).join(' '); return;
    case 'title': spec.title = restText().replace(/^"(.*)"$/, '$1'); return;
    case 'description': description.push(restText().replace(/^"(.*)"$/, '$1')); return;
    case 'model': {
      const m = rest[0]?.text;
      if (m !== 'sc' && m !== 'tso' && m !== 'weak') throw new FormatError(lineNo, rest[0]?.column ?? 1, 'model must be sc, tso or weak');
      spec.model = m as MemoryModel;
      return;
    }
    case 'kernel': {
      const k = rest[0]?.text ?? '';
      if (!kernelNamed(k)) throw new FormatError(lineNo, rest[0]?.column ?? 1, `unknown kernel '${k}' (known: ${KERNELS.map((x) => x.name).join(', ')})`);
      spec.kernel = k;
      return;
    }
    case 'strategy': spec.strategyFile = rest[0]?.text; return;
    case 'page-size': spec.pageSize = num(rest[0], lineNo, 'the page size in bytes'); return;
    case 'stack': spec.stackWords = num(rest[0], lineNo, 'stack words per task'); return;
    case 'pool': spec.pool = num(rest[0], lineNo, 'a number of free pages'); return;
    case 'check':
      if (rest[0]?.text !== 'serial') throw new FormatError(lineNo, rest[0]?.column ?? 1, "expected 'check serial'");
      spec.serialCheck = true;
      return;
    case 'param': {
      const pname = name(rest[0], lineNo, 'a parameter name');
      const kind = rest[1]?.text;
      if (kind !== 'number' && kind !== 'boolean') throw new FormatError(lineNo, rest[1]?.column ?? 1, "parameter kind must be 'number' or 'boolean'");
      const p: ParamSpec = { name: pname, kind, default: kind === 'boolean' ? rest[2]?.text === 'true' : num(rest[2], lineNo, 'a default'), label: pname, line: lineNo };
      for (const w of rest.slice(3)) {
        const range = /^(-?\d+)\.\.(-?\d+)$/.exec(w.text);
        if (range) { p.min = +range[1]; p.max = +range[2]; } else if (w.quoted) p.label = w.text;
        else throw new FormatError(lineNo, w.column, `expected a range like 1..3 or a "label", found '${w.text}'`);
      }
      spec.params.push(p);
      return;
    }
    case 'file': {
      const fname = name(rest[0], lineNo, 'a file name');
      if (!rest[1]?.quoted) throw new FormatError(lineNo, rest[1]?.column ?? 1, 'expected the file\'s content on disk as a "string"');
      const o = options(rest.slice(2), lineNo, ['pages', 'size'], []);
      const content = rest[1].text;
      const pages = o.get('pages') ? num(o.get('pages')!, lineNo, 'a page count') : Math.max(1, Math.ceil(content.length / spec.pageSize));
      const f: FileSpec = { name: fname, content, pages };
      if (o.get('size')) f.size = num(o.get('size')!, lineNo, 'a size');
      if (content.length > pages * spec.pageSize) throw new FormatError(lineNo, rest[1].column, `content is longer than ${pages} page(s) of ${spec.pageSize} bytes`);
      spec.files.push(f);
      return;
    }
    case 'page': {
      const pname = name(rest[0], lineNo, 'a page name');
      const o = options(rest.slice(1), lineNo, ['file', 'index', 'content'], ['uptodate', 'dirty', 'locked', 'private']);
      const p: PageSpec = { name: pname, flags: ['uptodate', 'dirty', 'locked', 'private'].filter((f) => o.has(f)) };
      if (o.get('file')) {
        const f = fileOf(o.get('file')!);
        p.file = f.name;
        p.index = o.get('index') ? num(o.get('index')!, lineNo, 'an index') : 0;
        if (p.index >= f.pages) throw new FormatError(lineNo, 1, `index ${p.index} is beyond file ${f.name}'s ${f.pages} page(s)`);
        if (spec.pages.some((q) => q.file === p.file && q.index === p.index)) throw new FormatError(lineNo, 1, `file ${f.name} already has a page at index ${p.index}`);
      }
      if (o.get('content')) p.content = o.get('content')!.text;
      if (spec.pages.some((q) => q.name === pname)) throw new FormatError(lineNo, rest[0].column, `page '${pname}' is declared twice`);
      spec.pages.push(p);
      return;
    }
    case 'mm': {
      const mname = name(rest[0], lineNo, 'an mm name');
      const mm: MmSpec = { name: mname, vmas: [] };
      spec.mms.push(mm);
      return;
    }
    case 'map': case 'anon': {
      const mm = mmOf(rest[0]);
      const start = num(rest[1], lineNo, 'a user address');
      if (start % spec.pageSize) throw new FormatError(lineNo, rest[1].column, `address 0x${start.toString(16)} is not page aligned (page-size ${spec.pageSize})`);
      const v: VmaSpec = { start, pages: 1, pgoff: 0, writable: false, populated: false };
      let optsFrom = 2;
      // anonymous memory with content is resident (populated); without, its first touch faults in a zeroed page
      if (kw.text === 'anon' && rest[2]?.quoted) { v.content = rest[2].text; optsFrom = 3; v.populated = true; }
      const o = options(rest.slice(optsFrom), lineNo, ['file', 'pgoff', 'pages'], ['writable', 'populated']);
      if (kw.text === 'map') {
        if (!o.get('file')) throw new FormatError(lineNo, 1, "a 'map' line needs 'file <name>' (use 'anon' for anonymous memory)");
        v.file = fileOf(o.get('file')!).name;
      }
      if (o.get('pgoff')) v.pgoff = num(o.get('pgoff')!, lineNo, 'a page offset');
      if (o.get('pages')) v.pages = num(o.get('pages')!, lineNo, 'a page count');
      v.writable = o.has('writable');
      if (o.has('populated')) v.populated = true;
      if (kw.text === 'anon' && v.populated) {
        for (let k = 0; k < v.pages; k++) {
          const bytes = (v.content ?? '').slice(k * spec.pageSize, (k + 1) * spec.pageSize);
          spec.pages.push({ name: anonPageName(mm.name, start + k * spec.pageSize), flags: ['anon', 'uptodate'], content: bytes });
        }
      }
      mm.vmas.push(v);
      return;
    }
    case 'kbuf': {
      // kernel memory for a kernel thread's buffer (set_fs(KERNEL_DS)): `kbuf 0x8000 "XY" [pages N]`
      const start = num(rest[0], lineNo, 'a kernel address');
      if (start % spec.pageSize) throw new FormatError(lineNo, rest[0].column, `address 0x${start.toString(16)} is not page aligned (page-size ${spec.pageSize})`);
      if (!rest[1]?.quoted) throw new FormatError(lineNo, rest[1]?.column ?? 1, 'expected the buffer\'s content as a "string"');
      const o = options(rest.slice(2), lineNo, ['pages'], []);
      const content = rest[1].text;
      const pages = o.get('pages') ? num(o.get('pages')!, lineNo, 'a page count') : Math.max(1, Math.ceil(content.length / spec.pageSize));
      if (content.length > pages * spec.pageSize) throw new FormatError(lineNo, rest[1].column, `content is longer than ${pages} page(s) of ${spec.pageSize} bytes`);
      spec.kernelBuffers ??= [];
      for (let k = 0; k < pages; k++) {
        const addr = start + k * spec.pageSize;
        if (spec.kernelBuffers.some((b) => b.start === addr)) throw new FormatError(lineNo, rest[0].column, `kernel address 0x${addr.toString(16)} is declared twice`);
        spec.kernelBuffers.push({ start: addr, page: spec.pages.length });
        spec.pages.push({ name: anonPageName('kbuf', addr), flags: ['uptodate'], content: content.slice(k * spec.pageSize, (k + 1) * spec.pageSize) });
      }
      return;
    }
    case 'mutex': case 'rwsem': spec.locks.push({ name: name(rest[0], lineNo, 'a lock name'), kind: kw.text }); return;
    case 'global': {
      const g = name(rest[0], lineNo, 'a variable name');
      let init = 0;
      if (rest[1]) {
        if (rest[1].text !== '=') throw new FormatError(lineNo, rest[1].column, "expected '= value'");
        init = num(rest[2], lineNo, 'an initial value');
      }
      spec.globals.push({ name: g, init });
      return;
    }
    case 'observe': for (const w of rest) spec.observe.push(name(w, lineNo, 'a global name')); return;
    case 'budget': {
      const o = options(rest, lineNo, ['states', 'transitions', 'bytes', 'millis', 'steps'], []);
      if (o.get('states')) spec.budget.maxStates = num(o.get('states')!, lineNo, 'a state count');
      if (o.get('transitions')) spec.budget.maxTransitions = num(o.get('transitions')!, lineNo, 'a transition count');
      if (o.get('bytes')) spec.budget.maxBytes = num(o.get('bytes')!, lineNo, 'a byte count');
      if (o.get('millis')) spec.budget.maxMillis = num(o.get('millis')!, lineNo, 'milliseconds');
      if (o.get('steps')) spec.budget.maxStepsPerTransition = num(o.get('steps')!, lineNo, 'a step count');
      return;
    }
    case 'task': {
      const colon = raw.indexOf(':');
      if (colon < 0) throw new FormatError(lineNo, 1, "a task line ends with ': entry(args)', e.g. 'task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)'");
      const head = words(raw.slice(0, colon), lineNo).slice(1);
      const tname = name(head[0], lineNo, 'a task name');
      const o = options(head.slice(1), lineNo, ['cpu', 'mm'], ['device']);
      const t: TaskSpec = {
        name: tname, cpu: o.get('cpu') ? num(o.get('cpu')!, lineNo, 'a CPU number') : spec.tasks.length,
        mm: o.get('mm') ? mmOf(o.get('mm')!).name : null, entry: raw.slice(colon + 1).replace(/#.*$/, '').trim().replace(/;$/, ''), line: lineNo,
        column: colon + 2 + (raw.slice(colon + 1).length - raw.slice(colon + 1).trimStart().length),
        ...(o.has('device') ? { device: true } : {}),
      };
      if (!t.entry) throw new FormatError(lineNo, colon + 2, 'expected the task\'s entry call after the colon');
      if (spec.tasks.some((x) => x.name === tname)) throw new FormatError(lineNo, head[0].column, `task '${tname}' is declared twice`);
      spec.tasks.push(t);
      return;
    }
  }
  throw new FormatError(lineNo, kw.column, `unknown declaration '${kw.text}'`);
}
