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
