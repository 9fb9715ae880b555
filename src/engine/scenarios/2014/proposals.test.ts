// The 2014 chapter's proposals, each pinned to the verdict its scenario gives, under every memory
// model, with the step order that makes each verdict what it is.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../index.js';

const cells = resolve(dirname(fileURLToPath(import.meta.url)), '../../../content/cells/2014-memfd-sealing');
const cell = (id: string) => readFileSync(join(cells, `${id}.c`), 'utf8');
const MODELS = ['sc', 'tso', 'weak'] as const;

type Result = ReturnType<typeof check>;
const at = (r: Result, actor: string, op: string) => {
  const t = r.trace!;
  return t.steps.findIndex((s) => t.actors[s.actor].name === actor && s.op === op);
};

describe('2014 sealing proposals', () => {
  it("David Herrmann's count under i_mmap_mutex sleeps in GUP-fast", () => {
    for (const model of MODELS) {
      const r = check({ scenario: '2014/seal-vs-gup-fast', strategy: cell('gup-count-mutex'), model });
      expect(r.outcome, model).toBe('bug');
      expect(r.headline).toContain('sleeping function called from invalid context');
    }
  });

  it('the count as an atomic keeps every sealed file unchanged, and grants the seal after the I/O', () => {
    for (const scenario of ['2014/seal-vs-gup-fast', '2014/seal-scan-order', '2014/seal-after-io']) {
      for (const model of MODELS) {
        expect(check({ scenario, strategy: cell('gup-count-atomic'), model }).outcome, `${scenario} ${model}`).toBe('ok');
      }
    }
  });

  it('deny, then wait for pins (3.17): ok in every sealing scenario and model', () => {
    for (const scenario of ['2014/seal-vs-gup-fast', '2014/seal-scan-order', '2014/seal-after-io']) {
      for (const model of MODELS) {
        expect(check({ scenario, strategy: cell('wait-for-pins'), model }).outcome, `${scenario} ${model}`).toBe('ok');
      }
    }
  });

  it('scan before deny: the pin lands after the scan, the munmap() before the deny, the DMA after the seal', () => {
    for (const model of MODELS) {
      const r = check({ scenario: '2014/seal-scan-order', strategy: cell('scan-then-deny'), model });
      expect(r.outcome, model).toBe('corruption');
      const scan = at(r, 'sealer', 'find_get_page');
      const pin = at(r, 'io', 'get_page');
      const seal = at(r, 'sealer', 'set_file_seals');
      expect(scan).toBeLessThan(pin);
      expect(pin).toBeLessThan(seal);
      expect(seal).toBeLessThan(at(r, 'device', 'dma_write'));
    }
  });

  it('a seal that never looks at references is broken by GUP-fast as by slow GUP', () => {
    for (const scenario of ['2014/seal-vs-gup', '2014/seal-vs-gup-fast']) {
      expect(check({ scenario, strategy: cell('seal-naive') }).outcome, scenario).toBe('corruption');
    }
  });
});
