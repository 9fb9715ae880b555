// The interpreter switches on opcode literals (a jump table); they must match the Op enum.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Op } from './bytecode.js';

describe('bytecode', () => {
  it('every opcode literal in vm.ts names its Op', () => {
    const vm = readFileSync(new URL('../kernel/vm.ts', import.meta.url), 'utf8');
    const cases = [...vm.matchAll(/case (\d+) \/\* (\w+) \*\//g)];
    expect(cases.length).toBeGreaterThan(35);
    for (const [, n, name] of cases) expect(Op[name as keyof typeof Op], name).toBe(Number(n));
  });
});
