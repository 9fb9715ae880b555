import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { randomBytes } from 'node:crypto';
import { decodeShare, encodeShare, isShareFragment, maxCodeChars, maxPayloadChars, ShareTooLong } from './share';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('encodeShare / decodeShare', () => {
  it('round-trips code, model and parameters through the fragment', () => {
    const cell = { id: 'abba', code: 'void task_a(void)\n{\n\tlock_page(page0);\n}\n', model: 'weak' as const, params: { tasks: 3, reclaim: true } };
    const hash = `#${encodeShare(cell)}`;
    expect(isShareFragment(hash)).toBe(true);
    expect(decodeShare(hash)).toEqual(cell);
  });

  it('keeps ids that need escaping', () => {
    expect(decodeShare(encodeShare({ id: 'a b/c', code: 'x' })).id).toBe('a b/c');
  });

  it('compresses: a typical cell fits easily', () => {
    const code = 'void task(void)\n{\n\tlock_page(page0);\n\tunlock_page(page0);\n}\n'.repeat(20);
    expect(encodeShare({ id: 'x', code }).length).toBeLessThan(code.length / 4);
  });
});

describe('decodeShare rejects', () => {
  it('fragments that are not permalinks or are incomplete', () => {
    expect(() => decodeShare('#section-2')).toThrow('not a cell permalink');
    expect(() => decodeShare('#share=abba')).toThrow('incomplete');
  });

  it('characters outside base64url', () => {
    expect(() => decodeShare('#share=abba.%%%')).toThrow('characters');
  });

  it('payloads that do not inflate or are not our data', () => {
    expect(() => decodeShare('#share=abba.AAAA')).toThrow('damaged');
    expect(() => decodeShare(`#share=abba.${b64url(deflateSync(strToU8('not json')))}`)).toThrow('damaged');
    expect(() => decodeShare(`#share=abba.${b64url(deflateSync(strToU8('{"v":2,"code":"x"}')))}`)).toThrow('another version');
    expect(() => decodeShare(`#share=abba.${b64url(deflateSync(strToU8('{"v":1,"code":"x","params":{"n":"1"}}')))}`)).toThrow('parameter "n"');
  });

  it('oversized links and oversized code', () => {
    expect(() => decodeShare(`#share=abba.${'A'.repeat(maxPayloadChars + 1)}`)).toThrow('too long');
    const big = b64url(deflateSync(strToU8(JSON.stringify({ v: 1, code: 'x'.repeat(maxCodeChars + 1) }))));
    expect(() => decodeShare(`#share=abba.${big}`)).toThrow('code is too long');
  });
});

describe('encodeShare applies the limits decodeShare applies', () => {
  it('refuses code over the limit before any link exists', () => {
    const code = 'void task_a(void)\n{\n\tlock_page(page0);\n}\n'.repeat(Math.ceil((maxCodeChars + 1) / 40));
    expect(() => encodeShare({ id: 'abba', code })).toThrow(ShareTooLong);
    expect(() => encodeShare({ id: 'abba', code })).toThrow(/too long for a link/);
  });

  it('refuses code that compresses badly past the payload limit', () => {
    const noise = randomBytes(maxCodeChars).toString('base64').slice(0, maxCodeChars - 100);
    expect(() => encodeShare({ id: 'abba', code: noise })).toThrow(/link would be too long/);
  });

  it('every link it makes opens', () => {
    const code = 'void task_a(void)\n{\n\tlock_page(page0);\n}\n'.repeat(400);
    expect(code.length).toBeLessThanOrEqual(maxCodeChars);
    expect(decodeShare(encodeShare({ id: 'abba', code })).code).toBe(code);
  });
});
