import { describe, expect, test } from 'vitest';
import { LogLineDecoder } from '../../../src/engine/log-lines.js';

/** One frame of Docker's multiplexed log stream: 1 = stdout, 2 = stderr. */
const frame = (stream: 1 | 2, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

const decodeAll = (chunks: Buffer[]) => {
  const decoder = new LogLineDecoder();
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.end()];
};

describe('LogLineDecoder', () => {
  test('splits frames into timestamped lines of stdout and stderr', () => {
    const bytes = Buffer.concat([frame(1, '2026-01-31T12:00:00.1Z started\n'), frame(2, '2026-01-31T12:00:01Z warning: low disk\r\n')]);
    expect(decodeAll([bytes])).toEqual([
      { stream: 'stdout', timestamp: '2026-01-31T12:00:00.1Z', text: 'started' },
      { stream: 'stderr', timestamp: '2026-01-31T12:00:01Z', text: 'warning: low disk' },
    ]);
  });

  test('copes with chunks that end inside a header, inside a line or inside a character', () => {
    const bytes = Buffer.concat([frame(1, '2026-01-31T12:00:00Z caf'), frame(1, 'é ready\n2026-01-31T12:00:02Z no newline')]);
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    expect(decodeAll(chunks).map((line) => line.text)).toEqual(['café ready', 'no newline']);
  });

  test("reads a TTY container's log, which has no frames, as stdout", () => {
    expect(decodeAll([Buffer.from('2026-01-31T12:00:00Z plain\n2026-01-31T12:00:01Z text\n')])).toEqual([
      { stream: 'stdout', timestamp: '2026-01-31T12:00:00Z', text: 'plain' },
      { stream: 'stdout', timestamp: '2026-01-31T12:00:01Z', text: 'text' },
    ]);
  });
});
