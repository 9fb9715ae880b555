// Mutation check for the reference property test (src/engine/test/property-reference.test.ts):
// copies src/engine to a temporary folder, breaks one thing the test must notice, runs the test
// there, and prints for each mutation whether the test failed. Nothing in this checkout is
// changed. A mutation counts as caught when a test that passes on the unmutated copy fails.
//   npm run mutations            every mutation
//   npm run mutations -- crossTask   only those whose name contains the word
// Exit status 0 when every applicable mutation is caught, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const TEST = 'src/engine/test/property-reference.test.ts';

interface Mutation {
  name: string;
  /** what it breaks, in a sentence */
  what: string;
  file: string;
  /** the mutated text, or null when the code to break is not in this tree */
  apply: (text: string) => string | null;
  /** why null is not an error (the code may legitimately be absent) */
  absentBecause?: string;
}

/** replace every occurrence of `from`; null when there is none */
const replaceAll = (from: string, to: string) => (text: string) => (text.includes(from) ? text.split(from).join(to) : null);

/** within the builtin table entry `name: '<builtin>'`, drop the lines that match re */
const dropInBuiltin = (builtin: string, re: RegExp) => (text: string) => {
  const start = text.indexOf(`name: '${builtin}'`);
  if (start < 0) return null;
  const next = text.indexOf("name: '", start + 1);
  const end = next < 0 ? text.length : next;
  const body = text.slice(start, end);
  const kept = body.split('\n').filter((line) => !re.test(line)).join('\n');
  return kept === body ? null : text.slice(0, start) + kept + text.slice(end);
};

const MUTATIONS: Mutation[] = [
  {
    name: 'spin_unlock-no-release',
    what: 'locks stop ordering: spin_unlock() stores 0 without its RELEASE',
    file: 'src/engine/kernel/builtins/ordering.ts',
    apply: replaceAll("          ms.fence(w, L.memBase, L.mem, cpu, 'release');\n          if (!ms.store(w, L.memBase, L.mem, cpu, addr, 0))",
      '          if (!ms.store(w, L.memBase, L.mem, cpu, addr, 0))'),
  },
  {
    name: 'mutex_unlock-no-release',
    what: 'locks stop ordering: mutex_unlock() is no longer a RELEASE',
    file: 'src/engine/kernel/builtins/locks.ts',
    apply: dropInBuiltin('mutex_unlock', /lockOrder\(|\.fence\(|release\(/),
    absentBecause: 'mutex_unlock() orders no memory in this tree (issue 14 item 1 not merged)',
  },
  {
    name: 'crossTask-guard-dropped',
    what: "the explorer reuses steps that read another task (Machine.crossTask ignored)",
    file: 'src/engine/explore/bfs.ts',
    apply: replaceAll('if (!m.crossTask) cache.keepTask(', 'cache.keepTask('),
  },
  {
    name: 'memo-key-misses-own-cpu',
    what: "a step-memo key leaves out the task's own CPU's store buffer and invalidate queue",
    file: 'src/engine/explore/memo.ts',
    apply: replaceAll('store.blockCpu[b] < 0 || store.blockCpu[b] === m.taskCpu[t])', 'store.blockCpu[b] < 0)'),
  },
  {
    name: 'first-step-of-last-task-dropped',
    what: 'an interleaving dropped: the last task is never scheduled in the initial state',
    file: 'src/engine/explore/bfs.ts',
    apply: replaceAll('        if (store.taskWord(s, t, T_STATUS) === TASK_DONE) continue;\n',
      '        if (store.taskWord(s, t, T_STATUS) === TASK_DONE) continue;\n        if (s === 0 && t === nTasks - 1 && nTasks > 1) continue;\n'),
  },
  {
    name: 'weak-drains-in-order',
    what: "an interleaving dropped: weak's store buffer drains only its oldest entry (FIFO, like tso)",
    file: 'src/engine/memory/weak.ts',
    apply: replaceAll('for (let j = 0; j < i; j++) if (entryBarrier(w, b, j) || entryAddr(w, b, j) === addr) return false;',
      'for (let j = 0; j < i; j++) if (true || entryBarrier(w, b, j) || entryAddr(w, b, j) === addr) return false;'),
  },
];

interface TestResult { name: string; passed: boolean }

/** run the property test in dir; the result of each test case */
function runTest(dir: string): TestResult[] {
  const report = join(dir, 'report.json');
  const r = spawnSync('npx', ['vitest', 'run', TEST, '--reporter=json', `--outputFile=${report}`], { cwd: dir, encoding: 'utf8' });
  let json: { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  try { json = JSON.parse(readFileSync(report, 'utf8')); } catch {
    throw new Error(`the test did not run (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  rmSync(report);
  return json.testResults.flatMap((f) => f.assertionResults.map((a) => ({ name: a.fullName, passed: a.status === 'passed' })));
}

const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const dir = mkdtempSync(join(tmpdir(), 'faultlines-mutations-'));
try {
  cpSync(join(root, 'src/engine'), join(dir, 'src/engine'), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', 'vitest.config.ts']) cpSync(join(root, f), join(dir, f));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const baseline = runTest(dir);
  const passing = new Set(baseline.filter((t) => t.passed).map((t) => t.name));
  console.log(`unmutated: ${passing.size} of ${baseline.length} test cases pass`);
  for (const t of baseline) if (!t.passed) console.log(`  failing already (not counted): ${t.name}`);

  let bad = 0;
  for (const mu of MUTATIONS.filter((x) => x.name.includes(filter))) {
    const path = join(dir, mu.file);
    const original = readFileSync(path, 'utf8');
    const mutated = mu.apply(original);
    if (mutated === null) {
      if (mu.absentBecause) console.log(`n/a     ${mu.name}: ${mu.absentBecause}`);
      else { bad++; console.log(`ERROR   ${mu.name}: the code it mutates is not in ${mu.file} any more (update the mutation)`); }
      continue;
    }
    writeFileSync(path, mutated);
    try {
      const failed = runTest(dir).filter((t) => !t.passed && passing.has(t.name)).map((t) => t.name);
      if (failed.length) console.log(`caught  ${mu.name}: ${mu.what}\n        ${failed.length} test case(s) fail, e.g. "${failed[0]}"`);
      else { bad++; console.log(`MISSED  ${mu.name}: ${mu.what}: every test case that passed still passes`); }
    } finally {
      writeFileSync(path, original);
    }
  }
  process.exitCode = bad ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
