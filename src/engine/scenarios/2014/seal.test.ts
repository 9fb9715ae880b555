// The sealing oracle of 2014: once F_SEAL_WRITE is granted, the file never changes.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../index.js';

const cells = resolve(dirname(fileURLToPath(import.meta.url)), '../../../content/cells/2019-gup-pinning');
const cell = (id: string) => readFileSync(join(cells, `${id}.c`), 'utf8');

describe('2014/seal-vs-gup: a GUP reference outlives munmap()', () => {
  it('sealing without looking at references: the device writes into the sealed file', () => {
    for (const model of ['sc', 'tso', 'weak'] as const) {
      const r = check({ scenario: '2014/seal-vs-gup', strategy: cell('seal-naive'), model });
      expect(r.outcome, model).toBe('corruption');
      expect(r.headline).toContain('sealed against writes');
      const t = r.trace!;
      const at = (actor: string, op: string) => t.steps.findIndex((s) => t.actors[s.actor].name === actor && s.op === op);
      expect(at('app', 'set_file_seals')).toBeLessThan(at('device', 'dma_write'));
      expect(at('app', 'up_write')).toBeLessThan(at('app', 'set_file_seals')); // munmap() came first
    }
  });
  it("waiting for extra references, then -EBUSY (Hugh Dickins's proposal): ok", () => {
    for (const model of ['sc', 'tso', 'weak'] as const) {
      expect(check({ scenario: '2014/seal-vs-gup', strategy: cell('seal-wait-pins'), model }).outcome, model).toBe('ok');
    }
  });
  it('a scan that forgets its own find_get_page() reference refuses every seal, and a scan that counts one too few lets the device in', () => {
    const tooStrict = cell('seal-wait-pins').replace('> 2;', '> 1;');
    expect(check({ scenario: '2014/seal-vs-gup', strategy: tooStrict }).outcome).toBe('ok'); // always -EBUSY: safe
    const tooLax = cell('seal-wait-pins').replace('> 2;', '> 3;');
    expect(check({ scenario: '2014/seal-vs-gup', strategy: tooLax }).outcome).toBe('corruption');
  });
});
