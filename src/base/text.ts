/**
 * Values as error messages show them: short, on one line, and safe to print on a terminal. A
 * config can hold anything (a 200 KB string, escape sequences, bytes of a binary file, a class
 * instance); a message quotes at most `maxShown` characters of it, escaped, and says how long it was.
 */

const maxShown = 72;

/** Control characters, lone surrogates and line/paragraph separators, which a terminal would act on or mangle. */
const unprintable = /[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;

const escapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCode(char: string): string {
  const code = char.codePointAt(0)!;
  return escapes[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

function escapeUnprintable(text: string): string {
  return text.replace(unprintable, escapeCode);
}

/** The first `maxShown` characters (whole code points), and the full length when that cut something off. */
function cut(text: string): { shown: string; length?: number } {
  const characters = [...text];
  return characters.length <= maxShown ? { shown: text } : { shown: characters.slice(0, maxShown).join(''), length: characters.length };
}

/** Text with every unprintable character written as an escape (`\x1b`, `\n`, `\u2028`), cut after `maxShown` characters. */
export function shortText(text: string): string {
  const { shown, length } = cut(text);
  return escapeUnprintable(shown) + (length ? `… (${length} characters)` : '');
}

/** A string in quotes, escaped and shortened as `shortText` does: `'abc'`, `'it\'s'`, `'aaa…' (200000 characters)`. */
export function quoteText(text: string): string {
  const { shown, length } = cut(text);
  return `'${escapeUnprintable(shown.replace(/[\\']/g, '\\$&'))}${length ? `…' (${length} characters)` : "'"}`;
}

/**
 * Any value as a message shows it: strings quoted (see `quoteText`), numbers and booleans as
 * written, everything else by kind (`a list`, `an object`, `a Map`, `an instance of Foo`, `code`),
 * never its `toString()`, which may be source code, `[object Object]`, or throw.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return quoteText(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'code';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return describeObject(value as object);
}

function describeObject(value: object): string {
  try {
    return describeByPrototype(value);
  } catch {
    return 'an object'; // a Proxy whose traps throw
  }
}

function describeByPrototype(value: object): string {
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || prototype === Object.prototype) return 'an object';
  if (value instanceof Date) return 'a date';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (value instanceof RegExp) return 'a regular expression';
  if (value instanceof Promise) return 'a promise (was an await missing?)';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'binary data';
  const name = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,40}$/.test(name) ? `an instance of ${name}` : 'an object';
}

const maxErrorText = 400;

/**
 * What was thrown, for a message: an Error's message (escaped, its lines kept, at most
 * `maxErrorText` characters), else the thrown value described; never `[object Object]`.
 */
export function describeThrown(thrown: unknown): string {
  const message = readProperty(thrown, 'message');
  if (typeof message === 'string' && message.trim() !== '') return errorText(message);
  const code = readProperty(thrown, 'code');
  if (typeof code === 'string' || typeof code === 'number') return `${describeValue(thrown)} with code ${describeValue(code)}`;
  return describeValue(thrown);
}

function readProperty(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function errorText(message: string): string {
  const lines = message.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const text = lines.map(escapeUnprintable).join('\n    ');
  return text.length <= maxErrorText ? text : `${text.slice(0, maxErrorText)}… (${text.length} characters)`;
}
