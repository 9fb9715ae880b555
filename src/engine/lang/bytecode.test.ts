// The interpreter switches on opcode literals (a jump table); they must match the Op enum.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Op, OP_NAMES } from './bytecode.js';

describe('bytecode', () => {
  it('every opcode literal in vm.ts names its Op', () => {
    const vm = readFileSync(new URL('../kernel/vm.ts', import.meta.url), 'utf8');
    const cases = [...vm.matchAll(/case (\d+) \/\* (\w+) \*\//g)];
    expect(cases.length).toBeGreaterThan(35);
    // the Op members, by name, read from bytecode.ts itself (a const enum has no runtime object in every build)
    const src = readFileSync(new URL('./bytecode.ts', import.meta.url), 'utf8');
    const body = src.slice(src.indexOf('export const enum Op {'), src.indexOf('}', src.indexOf('export const enum Op {')));
    const names = body.slice(body.indexOf('{') + 1).replace(/\/\/.*$/gm, '').split(',').map((x) => x.replace(/=.*/, '').trim()).filter(Boolean);
    expect(names[0]).toBe('PUSH');
    for (const [, n, name] of cases) expect(names.indexOf(name) + 1, name).toBe(Number(n));
    expect(OP_NAMES[Op.PUSH]).toBe('push');
  });
});
