import type { KafkaRecord } from '../api.js';

/**
 * A Kafka message as the console's pages get it: bytes that are UTF-8 text stay text (the page
 * pretty-prints JSON), anything else comes as hex, so no byte is lost or misread in the browser.
 */

/** Text, or `{ hex }` for bytes that are not printable UTF-8; null for no key or a tombstone. */
export type ShownBytes = string | { readonly hex: string };

/** A message as the browse and the live tail send it. */
export interface ConsoleMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Milliseconds since the epoch, as text. */
  readonly timestamp: string;
  readonly key: ShownBytes | null;
  readonly value: ShownBytes | null;
  /** In the order they were sent; a name may repeat. */
  readonly headers?: readonly (readonly [ShownBytes, ShownBytes | null])[];
}

// ignoreBOM keeps a leading byte-order mark in the text, where the check below sees it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Control characters other than tab and line breaks mark bytes as binary even when they decode. */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function shownBytes(bytes: Buffer): ShownBytes {
  try {
    const text = utf8.decode(bytes);
    // A byte-order mark would vanish in decoding: such bytes are shown as they are.
    if (!unprintable.test(text) && !text.startsWith('\ufeff')) return text;
  } catch {
    // Not UTF-8.
  }
  return { hex: bytes.toString('hex') };
}

const shownOrNull = (bytes: Buffer | null): ShownBytes | null => (bytes === null ? null : shownBytes(bytes));

export function consoleMessage(record: KafkaRecord): ConsoleMessage {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: String(record.offset),
    timestamp: String(record.timestamp),
    key: shownOrNull(record.key),
    value: shownOrNull(record.value),
    headers: record.headers.map(([name, value]) => [shownBytes(name), shownOrNull(value)]),
  };
}
