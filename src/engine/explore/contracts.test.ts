// The contracts step reuse rests on (memo.ts): a builtin that reads another task declares
// readsOtherTasks, and a memory system says when a step touched another CPU's part. With either
// declaration taken away, the checked search (equal step inputs must give equal moves) fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryModel } from '../api.js';
import { boot } from '../kernel/boot.js';
import type { Machine } from '../kernel/machine.js';
import { parseScenario } from '../scenarios/format.js';
import { explore } from './bfs.js';
import { setVerifyBlocks } from './visited.js';

// the writer first takes and drops another lock, so the states before and after differ only in
// the writer's own region: whether it waits in down_write(), which down_read() reads
const RWSEM = {
  scenario: 'id model/rwsem\nmm m0\nmutex other\ntask r0 cpu 0 mm m0 : reader()\ntask w cpu 1 mm m0 : writer()\ntask r1 cpu 2 mm m0 : reader()\n',
  strategy: 'int seen; int v;\nvoid reader(void)\n{\n\tdown_read(&current->mm->mmap_sem);\n\tseen = seen + v;\n\tup_read(&current->mm->mmap_sem);\n}\nvoid writer(void)\n{\n\tmutex_lock(other);\n\tmutex_unlock(other);\n\tdown_write(&current->mm->mmap_sem);\n\tv = v + 1;\n\tup_write(&current->mm->mmap_sem);\n}',
};
const SB = {
  scenario: 'id model/sb\ntask a cpu 0 : left()\ntask b cpu 1 : right()\ntask c cpu 2 : observer()\n',
  strategy: 'int x; int y; int r;\nvoid left(void)\n{\n\tWRITE_ONCE(x, 1);\n\tr = r + READ_ONCE(y);\n}\nvoid right(void)\n{\n\tWRITE_ONCE(y, 1);\n\tr = r + READ_ONCE(x);\n}\nvoid observer(void)\n{\n\tint k = atomic_add_return(1, &r);\n\tWRITE_ONCE(x, k);\n}',
};

function machine(model: { scenario: string; strategy: string }, memory: MemoryModel) {
  const b = boot(parseScenario(model.scenario).spec!, model.strategy, memory);
  if (!b.machine || !b.initial) throw new Error(b.diagnostics.map((d) => d.message).join('; '));
  return { m: b.machine, initial: b.initial };
}

const search = (m: Machine, initial: Int32Array) => explore(m, initial, { maxStates: 20_000, maxMillis: 60_000 }, []);

describe('checked step reuse', () => {
  beforeAll(() => setVerifyBlocks(true));
  afterAll(() => setVerifyBlocks(false));

  it('holds when down_read declares that it reads the other tasks (whether a writer waits)', () => {
    const { m, initial } = machine(RWSEM, 'sc');
    expect(m.builtins.filter((b) => b.readsOtherTasks).map((b) => b.name)).toContain('down_read');
    expect(search(m, initial).exhaustive).toBe(true);
  });

  it('fails when down_read reads the other tasks without declaring it', () => {
    const { m, initial } = machine(RWSEM, 'sc');
    Object.assign(m, { builtins: m.builtins.map((b) => (b.readsOtherTasks ? { ...b, readsOtherTasks: undefined } : b)) });
    expect(() => search(m, initial)).toThrow(/made another move from the same blocks: a step read something outside its key/);
  });

  it.each(['tso', 'weak'] as MemoryModel[])('holds under %s when the memory system says a step touched another CPU', (model) => {
    const { m, initial } = machine(SB, model);
    expect(search(m, initial).exhaustive).toBe(true);
  });

  it('fails under weak when the memory system never says so', () => {
    const { m, initial } = machine(SB, 'weak');
    Object.assign(m, { memory: { ...m.memory, touchedOtherCpus: () => false } });
    expect(() => search(m, initial)).toThrow(/made another move from the same blocks/);
  });
});
