import { describe, expect, it } from 'vitest';
import { abbaTrace } from '../views/fixtures';
import { decodeTrace, encodeTrace } from './trace-codec';

describe('encodeTrace / decodeTrace', () => {
  it('round-trips a trace and null', () => {
    expect(decodeTrace(encodeTrace(abbaTrace))).toEqual(abbaTrace);
    expect(decodeTrace(encodeTrace(null))).toBeNull();
  });

  it('shrinks a repetitive trace', () => {
    const long = { ...abbaTrace, steps: Array.from({ length: 50 }, () => abbaTrace.steps).flat() };
    expect(encodeTrace(long).length).toBeLessThan(JSON.stringify(long).length / 5);
  });
});

describe('the packed form', () => {
  it('round-trips real engine traces, whose worlds change a part at a time', async () => {
    const { check } = await import('../../engine/index');
    for (const scenario of ['2007/two-writers', '2007/mlock', '2019/barrier-race']) {
      const trace = check({ scenario, model: scenario === '2019/barrier-race' ? 'weak' : undefined }).trace!;
      expect(trace.steps.length).toBeGreaterThan(3);
      expect(decodeTrace(encodeTrace(trace))).toEqual(trace);
    }
  });
});
