import type { ConfigIssue } from '../base/errors.js';
import { describeThrown, describeValue, shortText } from '../base/text.js';

/**
 * A config as plain data, read once: objects (literal or null-prototype), lists, strings, numbers,
 * booleans. Anything else is reported rather than validated, because a Map, a Date or a class
 * instance passes an object check with no keys and would quietly become the defaults; a getter
 * that throws is reported with its path instead of escaping as a bare exception.
 */
export function plainData(value: unknown): { data: unknown; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const data = copy(value, [], new Set(), issues);
  return { data, issues };
}

const maxDepth = 32;
const plainWords = 'plain data (an object literal, a list, a string, a number or a boolean)';

function copy(value: unknown, path: readonly (string | number)[], ancestors: Set<object>, issues: ConfigIssue[]): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      issues.push({ path: formatPath(path), message: `got ${describeValue(value)}, expected ${plainWords}` });
    }
    return value;
  }
  const where = formatPath(path);
  if (ancestors.has(value)) {
    issues.push({ path: where, message: 'refers to itself (a cycle); expected plain data' });
    return undefined;
  }
  if (path.length >= maxDepth) {
    issues.push({ path: where, message: `is nested deeper than ${maxDepth} levels; expected a config object` });
    return undefined;
  }
  try {
    if (!Array.isArray(value) && !isPlainObject(value)) {
      issues.push({ path: where, message: `got ${describeValue(value)}, expected ${plainWords}` });
      return undefined;
    }
    ancestors.add(value);
    const result = Array.isArray(value) ? copyList(value, path, ancestors, issues) : copyObject(value, path, ancestors, issues);
    ancestors.delete(value);
    return result;
  } catch (error) {
    // A Proxy whose traps throw.
    issues.push({ path: where, message: `cannot be read: ${describeThrown(error)}` });
    return undefined;
  }
}

function copyList(list: readonly unknown[], path: readonly (string | number)[], ancestors: Set<object>, issues: ConfigIssue[]): unknown[] {
  return Array.from({ length: list.length }, (_, index) => read(list, index, [...path, index], ancestors, issues));
}

function copyObject(object: object, path: readonly (string | number)[], ancestors: Set<object>, issues: ConfigIssue[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    // defineProperty, so a key named __proto__ stays a key (and is reported as unknown) instead of replacing the prototype.
    const value = read(object, key, [...path, key], ancestors, issues);
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function read(container: object, key: string | number, path: readonly (string | number)[], ancestors: Set<object>, issues: ConfigIssue[]): unknown {
  let value: unknown;
  try {
    value = (container as Record<string | number, unknown>)[key];
  } catch (error) {
    issues.push({ path: formatPath(path), message: `cannot be read: its getter threw ${describeThrown(error)}` });
    return undefined;
  }
  return copy(value, path, ancestors, issues);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === null || prototype === Object.prototype;
}

/** `listeners.outside.port`, `topics[0].name`; keys shortened and escaped for the message. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${shortText(key)}` : shortText(key);
  }, '');
}
