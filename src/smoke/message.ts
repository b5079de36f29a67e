/**
 * The smoke check's message format, shared by the Node client (OUTSIDE) and the console tools
 * (INSIDE): key = sequence number, value = `<run id>:<sequence number>`.
 */
import { wholeNumber } from '../base/whole-number.js';

export const smokeTopicPrefix = 'kafka-dev-smoke-';

export function smokeValue(runId: string, seq: number): string {
  return `${runId}:${seq}`;
}

/** The sequence number of a message of this run; undefined for anything else. */
export function smokeSeq(value: string, runId: string): number | undefined {
  const prefix = `${runId}:`;
  if (!value.startsWith(prefix)) return undefined;
  return wholeNumber(value.slice(prefix.length));
}

export interface ConsoleRecord {
  /** The record's CreateTime: when the producer sent it, in epoch milliseconds. */
  readonly createTime: number;
  readonly partition: number;
  readonly value: string;
}

/**
 * One line of `kafka-console-consumer --property print.timestamp=true --property print.partition=true`:
 * `CreateTime:1700000000000<TAB>Partition:2<TAB><value>`.
 */
export function parseConsoleRecord(line: string): ConsoleRecord | undefined {
  const match = /^CreateTime:(\d+)\tPartition:(\d+)\t(.*)$/.exec(line);
  if (!match) return undefined;
  return { createTime: Number(match[1]), partition: Number(match[2]), value: match[3]! };
}

/** Turns text arriving in arbitrary pieces into whole lines. */
export function lineSplitter(onLine: (line: string) => void): (text: string) => void {
  let partial = '';
  return (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  };
}
