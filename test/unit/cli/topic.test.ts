import { describe, expect, test } from 'vitest';
import { splitConfigFlag } from '../../../src/cli/commands/topic.js';

describe('splitConfigFlag', () => {
  test('key=value values are topic settings, numbers and booleans as such; a value without = is the config file', () => {
    expect(splitConfigFlag(['cleanup.policy=compact', 'kafka-dev.config.ts', 'retention.ms=3600000', 'preallocate=true'])).toEqual({
      configFile: 'kafka-dev.config.ts',
      settings: { 'cleanup.policy': 'compact', 'retention.ms': 3600000, preallocate: true },
      issues: [],
    });
  });

  test('a number too large to be exact stays text', () => {
    expect(splitConfigFlag('flush.ms=9223372036854775807').settings).toEqual({ 'flush.ms': '9223372036854775807' });
  });

  test('negative whole numbers are numbers; ones with leading zeros stay as written', () => {
    expect(splitConfigFlag(['retention.ms=-1', 'segment.ms=0604800000']).settings).toEqual({ 'retention.ms': -1, 'segment.ms': '0604800000' });
  });

  test('two config files are refused', () => {
    expect(splitConfigFlag(['a.yaml', 'b.yaml']).issues).toEqual([
      { path: '--config', message: 'got several config files (a.yaml, b.yaml); expected at most one' },
    ]);
  });
});
