// The reader's first real error is the headline: at its line and column, before knock-on
// errors; empty code and runaway nesting get clear, positioned messages.
import { describe, expect, it } from 'vitest';
import { check, compileStrategy } from '../index.js';
import { LIMITS } from './parser.js';

const flagRace = (strategy: string) => check({ scenario: 'primer/flag-race', strategy });
const where = (strategy: string) => {
  const r = flagRace(strategy);
  return { outcome: r.outcome, headline: r.headline, all: r.diagnostics.map((d) => `${d.source} ${d.line}:${d.column}: ${d.message}`) };
};

describe('the headline is the reader\'s first real error', () => {
  it('a syntax error in the strategy heads the list; the scenario\'s knock-on calls are hidden', () => {
    const r = where('void writer(void) { int x = 1 }\nvoid reader(void) {}');
    expect(r.headline).toBe("Error: 1:31: expected ';' after the declaration but found '}'");
    expect(r.all).toEqual(["strategy 1:31: expected ';' after the declaration but found '}'"]);
  });
  it('a call to a function whose definition did not parse is not reported before the syntax error', () => {
    const r = where('void reader(void) { helper(); }\nvoid writer(void) { }\nvoid helper(void) { if x }');
    expect(r.headline).toBe("Error: 3:24: expected '(' after 'if' but found 'x'");
    expect(r.all).toHaveLength(1);
  });
  it('a syntax error in the scenario\'s code hides the strategy\'s calls to what it defines', () => {
    const scn = 'id test/scn\ntask t cpu 0 : main()\ncode:\nvoid helper(void) { if x }\n';
    const r = check({ scenario: scn, strategy: 'void main(void) { helper(); }' });
    expect(r.diagnostics.map((d) => `${d.source} ${d.message}`)).toEqual(["scenario expected '(' after 'if' but found 'x'"]);
  });
  it('without a syntax error, every error shows: the strategy\'s first, then the scenario\'s', () => {
    const r = where('void writer(void) { frobnicate(); }');
    expect(r.headline).toBe("Error: 1:21: unknown function 'frobnicate'");
    expect(r.all).toEqual(["strategy 1:21: unknown function 'frobnicate'", "scenario 16:27: unknown function 'reader'"]);
  });
  it('empty code gets a clear message naming what the scenario calls', () => {
    for (const empty of ['', '  \n\t\n', '/* nothing yet */\n// still nothing']) {
      const r = where(empty);
      expect(r.headline).toBe('Error: 1:1: the code is empty: the scenario calls writer() and reader(), so define them here');
      expect(r.all).toHaveLength(1);
    }
    // a scenario that runs the prelude alone needs no code: empty code runs it
    expect(check({ scenario: '2007/append', strategy: '' }).outcome).not.toBe('error');
  });
  it("a missing ';' is placed on the last character of its line, not on the next line", () => {
    const r = where('void writer(void)\n{\n\tint x = 1\n\tx = 2;\n}\nvoid reader(void) {}');
    expect(r.headline).toBe("Error: 3:10: missing ';' at the end of the line"); // at the '1' that ends it
  });
  it("code after one '}' too many names the brace that closed the function", () => {
    const r = where('void writer(void)\n{\n\tif (1)\n\t\tschedule();\n\t}\n\tschedule();\n}\nvoid reader(void) {}');
    expect(r.headline).toBe("Error: 6:2: code after the end of the function: the '}' at 5:2 closed it (there is one '}' too many before here)");
  });
});

describe('deep nesting and huge expressions: a positioned error, never a stack overflow', () => {
  const body = (s: string) => `void writer(void) { int x = 1; ${s} }\nvoid reader(void) {}`;
  const cases: [string, string, RegExp][] = [
    ['2,000 nested parentheses', body(`x = ${'('.repeat(2000)}1${')'.repeat(2000)};`), /expression nested too deeply: more than 256 levels/],
    ['5,000 nested ifs', body(`${'if (x) '.repeat(5000)}x = 2;`), /statements nested too deeply: more than 128/],
    ['5,000 nested blocks', body(`${'{ '.repeat(5000)}${'} '.repeat(5000)}`), /statements nested too deeply/],
    ['an else-if chain of 3,000', body(`if (x) x = 0;${' else if (x) x = 0;'.repeat(3000)}`), /statements nested too deeply/],
    ['a 20,000-term sum', body(`x = 1${' + 1'.repeat(20000)};`), /expression too long: more than 1000 operations/],
    ['5,000 unary minuses', body(`x = ${'- '.repeat(5000)}1;`), /expression nested too deeply/],
    ['a ?: chain of 3,000', body(`x = ${'x ? 1 : '.repeat(3000)}0;`), /expression nested too deeply/],
    ['an assignment chain of 3,000', `int y;\n${body(`${'y = '.repeat(3000)}1;`)}`, /expression nested too deeply/],
    ['a call nested 3,000 deep', `int g(int a) { return a; }\n${body(`x = ${'g('.repeat(3000)}1${')'.repeat(3000)};`)}`, /expression nested too deeply/],
    ['a global initialised with a 20,000-term sum', `int g = 1${' + 1'.repeat(20000)};\n${body('')}`, /expression too long/],
    ['a #define of 2,000 parentheses', `#define D ${'('.repeat(2000)}1${')'.repeat(2000)}\n${body('')}`, /expression nested too deeply/],
  ];
  for (const [name, src, message] of cases) {
    it(name, () => {
      const r = flagRace(src);
      expect(r.outcome).toBe('error');
      expect(r.headline).not.toMatch(/internal engine error/);
      const d = r.diagnostics[0];
      expect(d.source).toBe('strategy');
      expect(d.message).toMatch(message);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThan(1);
      expect(compileStrategy(src, 'primer/flag-race')[0].message).toMatch(message);
    });
  }
  it('the error sits where the limit is crossed', () => {
    const d = flagRace(body(`x = 1${' + 1'.repeat(20000)};`)).diagnostics[0];
    // "void writer(void) { int x = 1; x = 1" is 36 characters; each " + 1" adds 4: the (limit+1)th '+'
    expect(d.column).toBe(36 + 4 * LIMITS.operations + 2);
    const p = flagRace(body(`x = ${'('.repeat(2000)}1${')'.repeat(2000)};`)).diagnostics[0];
    expect(p.column).toBeLessThan(36 + LIMITS.expressions + 2);
  });
  it('nesting within the limits compiles and runs', () => {
    const r = flagRace(`void writer(void) { int x = ${'('.repeat(200)}1${')'.repeat(200)} ${' + 1'.repeat(900)}; ${'if (x) '.repeat(100)}x = 2; }\nvoid reader(void) {}`);
    expect(r.outcome).not.toBe('error');
  });
  it('a chain of 20,000 calls overflows the kernel stack (verdict bug), not the engine\'s', () => {
    let src = 'void f0(void) { }\n';
    for (let i = 1; i < 20000; i++) src += `void f${i}(void) { f${i - 1}(); }\n`;
    const r = flagRace(`${src}void writer(void) { f19999(); }\nvoid reader(void) {}`);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/kernel stack overflow/);
  });
  it('a scenario task entry nested too deeply is an error in the scenario file', () => {
    const r = check({ scenario: `id test/deep\ntask t cpu 0 : schedule(${'('.repeat(2000)}1${')'.repeat(2000)})\n`, strategy: '' });
    expect(r.outcome).toBe('error');
    expect(r.headline).not.toMatch(/internal engine error/);
  });
});
