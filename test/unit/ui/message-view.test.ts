import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { consoleMessage, shownBytes } from '../../../src/ui/message-view.js';

/** How the console shows a message's bytes: text when they are printable UTF-8, hex otherwise, never lossy. */
describe('shownBytes', () => {
  test('any bytes come back exactly from what is shown: text as UTF-8, or the hex', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.tuple(fc.constantFrom('', '\ufeff'), fc.string({ unit: 'grapheme', maxLength: 32 })).map(([mark, text]) => Buffer.concat([Buffer.from(mark), Buffer.from(text)]))), (array) => {
        const bytes = Buffer.from(array);
        const shown = shownBytes(bytes);
        expect(typeof shown === 'string' ? Buffer.from(shown, 'utf8') : Buffer.from(shown.hex, 'hex')).toEqual(bytes);
      }),
    );
  });

  test('text with control characters, invalid UTF-8 and a byte-order mark are hex; JSON, tabs, line breaks and emoji stay text', () => {
    expect(shownBytes(Buffer.from('{"id":1}\n\tnext'))).toBe('{"id":1}\n\tnext');
    expect(shownBytes(Buffer.from('grüße 🚀'))).toBe('grüße 🚀');
    expect(shownBytes(Buffer.from([0x00, 0x01, 0xff]))).toEqual({ hex: '0001ff' });
    expect(shownBytes(Buffer.from([0xc3, 0x28]))).toEqual({ hex: 'c328' });
    expect(shownBytes(Buffer.from('a\u001bb'))).toEqual({ hex: '611b62' });
    expect(shownBytes(Buffer.from('\ufeffabc'))).toEqual({ hex: 'efbbbf616263' });
  });

  test('a record becomes the JSON the pages read: offsets and timestamps as text, no key and a tombstone as null, headers in order', () => {
    expect(
      consoleMessage({ topic: 't', partition: 1, offset: 9007199254740993n, timestamp: 1700000000000n, key: null, value: null, headers: [[Buffer.from('trace'), Buffer.from([0xff])], [Buffer.from('trace'), null]] }),
    ).toEqual({ topic: 't', partition: 1, offset: '9007199254740993', timestamp: '1700000000000', key: null, value: null, headers: [['trace', { hex: 'ff' }], ['trace', null]] });
  });
});
