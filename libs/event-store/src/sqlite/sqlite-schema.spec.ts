import fc from 'fast-check';
import type { JsonObject } from '../event-store.port';
import { newEvent } from '../testing/event-fixtures';
import { asciiJson, insertParams } from './sqlite-schema';

const jsonObject = fc
  .dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ stringUnit: 'binary' }))
  .map((o) => JSON.parse(JSON.stringify(o)) as JsonObject);

describe('asciiJson', () => {
  it('writes only ASCII and reads back the same value as JSON.stringify would', () => {
    fc.assert(
      fc.property(jsonObject, (value) => {
        const text = asciiJson(value);
        expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes CJK, astral and line-separator characters, and leaves ASCII text as JSON.stringify writes it', () => {
    expect(asciiJson({ name: '贵州😀\u2028é' })).toBe(
      '{"name":"\\u8d35\\u5dde\\ud83d\\ude00\\u2028\\u00e9"}',
    );
    expect(asciiJson({ a: 'plain "quoted" \\ text', n: [1, null] })).toBe(
      JSON.stringify({ a: 'plain "quoted" \\ text', n: [1, null] }),
    );
  });

  it('is what an append stores for data and metadata', () => {
    const event = newEvent('Stored', { occupation: '电子装配工' });
    const [, , , , , , data, metadata] = insertParams('stream', 0, event);
    expect(data).toBe('{"occupation":"\\u7535\\u5b50\\u88c5\\u914d\\u5de5"}');
    expect(JSON.parse(metadata)).toEqual(event.metadata);
  });
});
