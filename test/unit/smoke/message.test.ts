import { describe, expect, test } from 'vitest';
import { lineSplitter, parseConsoleRecord, smokeSeq, smokeValue } from '../../../src/smoke/message.js';

describe('smoke messages', () => {
  test('a value carries the run id and the sequence number, and only this run is recognised', () => {
    expect(smokeValue('run1', 42)).toBe('run1:42');
    expect(smokeSeq('run1:42', 'run1')).toBe(42);
    expect(smokeSeq('run2:42', 'run1')).toBeUndefined();
    expect(smokeSeq('run1:x', 'run1')).toBeUndefined();
    expect(smokeSeq('run1:', 'run1')).toBeUndefined();
    expect(smokeSeq('run1: 4', 'run1')).toBeUndefined();
    expect(smokeSeq('warm-up', 'run1')).toBeUndefined();
  });

  test('a console consumer line with timestamp and partition is parsed', () => {
    expect(parseConsoleRecord('CreateTime:1700000000123\tPartition:2\trun1:7')).toEqual({ createTime: 1700000000123, partition: 2, value: 'run1:7' });
    expect(parseConsoleRecord('Processed a total of 5 messages')).toBeUndefined();
  });

  test('text arriving in pieces becomes whole lines', () => {
    const lines: string[] = [];
    const feed = lineSplitter((line) => lines.push(line));
    feed('first\nsec');
    feed('ond\r\nthi');
    expect(lines).toEqual(['first', 'second']);
    feed('rd\n');
    expect(lines).toEqual(['first', 'second', 'third']);
  });
});
