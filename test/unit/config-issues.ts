import { expect } from 'vitest';
import { ConfigError, type ConfigIssue } from '../../src/base/errors.js';

/** The issues a config is refused with: `parse` must throw a ConfigError, or the test fails. */
export function configIssues(parse: () => unknown): ConfigIssue[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error('expected the config to be rejected');
}
