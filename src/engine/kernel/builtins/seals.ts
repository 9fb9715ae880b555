// memfd seals (2014): a file's seals live in a shared global the scenario declares as
// `global seals_<file>`. Once F_SEAL_WRITE is set, the file's contents must never change:
// sealedWrite() is the oracle, called wherever the model changes a file page's bytes from outside
// the page cache's own code: dma_write, a store through a user mapping (__copy_to_user_inatomic)
// and write()'s copy (__copy_from_user_inatomic), so a GUP reference taken before the seal, a
// writable mapping kept through it or a write() let through shows up as corruption.
import type { Builtin } from '../builtin.js';
import { expect } from '../access.js';
import { indexOf, Kind } from '../handles.js';
import type { Machine } from '../machine.js';

export const F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

/** memory address of file f's seals word, or -1 when the scenario declares none */
function sealsAddr(m: Machine, f: number): number {
  const name = `seals_${m.layout.files[f].name}`;
  return m.program.globals.find((g) => g.name === name)?.addr ?? -1;
}

/** the oracle: a write into page bytes of file f after F_SEAL_WRITE */
export function sealedWrite(m: Machine, w: Int32Array, mapping: number, what: string): void {
  if (!mapping) return;
  const f = indexOf(mapping);
  const x = sealsAddr(m, f);
  if (x >= 0 && w[m.layout.memBase + x] & F_SEAL_WRITE) {
    m.corrupt(`${m.layout.files[f].name} is sealed against writes (F_SEAL_WRITE), and ${what} changed it`);
  }
}

export const sealBuiltins: Builtin[] = [
  {
    name: 'set_file_seals', nargs: 2, visible: true, doc: '(file, seals): add seals to the file (the end of a successful F_ADD_SEALS)',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'set_file_seals');
      if (f < 0) return 0;
      const x = sealsAddr(m, f);
      if (x < 0) return m.bug(`set_file_seals: the scenario declares no 'global seals_${m.layout.files[f].name}'`);
      w[m.layout.memBase + x] |= w[a + 1];
      return 0;
    },
  },
  {
    name: 'file_seals', nargs: 1, visible: true, doc: '(file): the file\'s seals',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'file_seals');
      const x = f < 0 ? -1 : sealsAddr(m, f);
      return x < 0 ? 0 : w[m.layout.memBase + x];
    },
  },
];
