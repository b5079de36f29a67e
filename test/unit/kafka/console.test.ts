import { Writable } from 'node:stream';
import { MessagesStreamFallbackModes, MessagesStreamModes } from '@platformatic/kafka';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineToMessage, printMessages, startingPosition, type ConsoleMessage } from '../../../src/kafka/console.js';

describe('lineToMessage', () => {
  test.each([
    { line: 'hello', separator: undefined, message: { value: 'hello' } },
    { line: 'user-1:signed up', separator: ':', message: { key: 'user-1', value: 'signed up' } },
    { line: 'a:b:c', separator: ':', message: { key: 'a', value: 'b:c' } },
    { line: 'no separator here', separator: ':', message: { value: 'no separator here' } },
    { line: 'k=>v', separator: '=>', message: { key: 'k', value: 'v' } },
  ])('$line with separator $separator', ({ line, separator, message }) => {
    expect(lineToMessage(line, separator)).toEqual(message);
  });
});

describe('startingPosition', () => {
  test.each([
    { options: {}, position: { mode: MessagesStreamModes.LATEST } },
    { options: { fromBeginning: true }, position: { mode: MessagesStreamModes.EARLIEST } },
    { options: { group: 'billing' }, position: { mode: MessagesStreamModes.COMMITTED, fallbackMode: MessagesStreamFallbackModes.LATEST } },
    { options: { group: 'billing', fromBeginning: true }, position: { mode: MessagesStreamModes.COMMITTED, fallbackMode: MessagesStreamFallbackModes.EARLIEST } },
  ])('$options', ({ options, position }) => {
    expect(startingPosition(options, { MessagesStreamModes, MessagesStreamFallbackModes })).toEqual(position);
  });
});

/** A stream as the client hands it over: messages of several partitions, and whether the reader ended it. */
class FakeStream implements AsyncIterable<ConsoleMessage> {
  ended = false;

  constructor(private readonly messages: readonly ConsoleMessage[]) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<ConsoleMessage> {
    try {
      yield* this.messages;
    } finally {
      this.ended = true;
    }
  }
}

class Lines extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
}

/** Messages of partitions 0-2 in any interleaving, each partition's offsets rising from where it starts. */
const messages = fc
  .array(fc.record({ partition: fc.nat(2), gap: fc.nat(3), value: fc.string({ unit: 'grapheme-ascii', maxLength: 5 }).filter((value) => !value.includes('\n')) }), { maxLength: 30 })
  .map((drawn) => {
    const next = new Map<number, bigint>();
    return drawn.map(({ partition, gap, value }, index): ConsoleMessage => {
      const offset = (next.get(partition) ?? 0n) + BigInt(gap);
      next.set(partition, offset + 1n);
      return { partition, offset, value: `${index}:${value}`, key: '', timestamp: 0n, leaderEpoch: partition + 7 };
    });
  });

describe('printMessages', () => {
  test('prints at most --max-messages, ends the stream, and commits per partition the offset after the last one printed', async () => {
    await fc.assert(
      fc.asyncProperty(messages, fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), async (all, maxMessages) => {
        const stream = new FakeStream(all);
        const output = new Lines();
        const { printed, offsets } = await printMessages(stream, 'orders', output, { maxMessages });
        const shown = all.slice(0, maxMessages ?? all.length);
        expect(output.lines).toEqual(shown.map((message) => message.value));
        expect(printed).toBe(shown.length);
        expect(stream.ended).toBe(true);
        const expected = new Map(shown.map((message) => [message.partition, { topic: 'orders', partition: message.partition, offset: message.offset + 1n, leaderEpoch: message.leaderEpoch }]));
        expect(offsets).toEqual([...expected.values()]);
      }),
    );
  });

  test('--json prints one object per message with the offset as text', async () => {
    const output = new Lines();
    await printMessages(new FakeStream([{ partition: 1, offset: 41n, key: 'user-1', value: 'paid', timestamp: 5n, leaderEpoch: 0 }]), 'orders', output, { json: true });
    expect(output.lines.map((line) => JSON.parse(line))).toEqual([{ topic: 'orders', partition: 1, offset: '41', timestamp: '5', key: 'user-1', value: 'paid' }]);
  });
});
