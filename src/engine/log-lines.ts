/**
 * Turns the bytes of a container's log (requested with timestamps) into lines. Without a TTY,
 * Docker sends frames: an 8-byte header (byte 0: 1 = stdout, 2 = stderr; bytes 4-7: length),
 * then the payload. A chunk can end mid-frame and a frame mid-line (or mid-character), so both
 * are buffered. A TTY container's log is one raw stream, told apart by a header that is not one.
 */
import { StringDecoder } from 'node:string_decoder';
import type { LogLine } from './runtime.js';

type Stream = LogLine['stream'];

export class LogLineDecoder {
  private buffered = Buffer.alloc(0);
  private raw = false;
  private readonly pending = {
    stdout: { decoder: new StringDecoder('utf8'), text: '' },
    stderr: { decoder: new StringDecoder('utf8'), text: '' },
  };

  push(chunk: Buffer): LogLine[] {
    if (this.raw) return this.decode('stdout', chunk);
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const lines: LogLine[] = [];
    while (this.buffered.length >= 8) {
      const stream = this.buffered[0]!;
      if (stream > 2 || this.buffered.readUIntBE(1, 3) !== 0) {
        this.raw = true;
        return [...lines, ...this.decode('stdout', this.take(this.buffered.length))];
      }
      const size = this.buffered.readUInt32BE(4);
      if (this.buffered.length < 8 + size) break;
      const payload = this.take(8 + size).subarray(8);
      lines.push(...this.decode(stream === 2 ? 'stderr' : 'stdout', payload));
    }
    return lines;
  }

  /** The last lines, also those without a final newline. */
  end(): LogLine[] {
    return (['stdout', 'stderr'] as const).flatMap((stream) => {
      const pending = this.pending[stream];
      const text = pending.text + pending.decoder.end();
      pending.text = '';
      return text ? [lineOf(stream, text)] : [];
    });
  }

  private take(length: number): Buffer {
    const taken = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return taken;
  }

  private decode(stream: Stream, bytes: Buffer): LogLine[] {
    const pending = this.pending[stream];
    const pieces = (pending.text + pending.decoder.write(bytes)).split('\n');
    pending.text = pieces.pop()!;
    return pieces.map((piece) => lineOf(stream, piece));
  }
}

/** Docker puts the line's RFC 3339 time and a space before it. */
function lineOf(stream: Stream, text: string): LogLine {
  const match = /^(\d{4}-\d\d-\d\dT\S+) /.exec(text);
  const body = match ? text.slice(match[0].length) : text;
  return { stream, timestamp: match?.[1] ?? '', text: body.replace(/\r$/, '') };
}
