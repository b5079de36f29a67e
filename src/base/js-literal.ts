/**
 * Values written as JavaScript/TypeScript source, for config files kafka-dev writes or edits:
 * quotes in the file's style, keys unquoted where they can be, one line when it fits.
 */

export interface LiteralStyle {
  /** `'` unless the file uses double quotes. */
  readonly quote?: "'" | '"';
  /** Indentation of the line the value starts on; lines after the first are indented relative to it. */
  readonly indent?: string;
  /** Longest literal kept on one line (default 80, room for the key before it and a comment after it). */
  readonly maxInlineLength?: number;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `{ host: 'kafka', port: 9093 }`, `{ 'log.retention.hours': 1 }`, `[{ name: 'orders' }]`; one entry a line when too long. */
export function jsLiteral(value: unknown, style: LiteralStyle = {}): string {
  const { quote = "'", indent = '', maxInlineLength = 80 } = style;
  if (typeof value === 'string') return quoted(value, quote);
  if (typeof value !== 'object' || value === null) return String(value);
  const nested = (item: unknown, itemIndent: string) => jsLiteral(item, { quote, indent: itemIndent, maxInlineLength });
  const entries = Array.isArray(value)
    ? value.map((item) => ['', item] as const)
    : Object.entries(value).map(([key, item]) => [`${identifier.test(key) ? key : quoted(key, quote)}: `, item] as const);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return open.trim() + close.trim();
  const inline = `${open}${entries.map(([key, item]) => key + nested(item, '')).join(', ')}${close}`;
  if (indent.length + inline.length <= maxInlineLength) return inline;
  const inner = `${indent}  `;
  return `${open.trim()}\n${entries.map(([key, item]) => `${inner}${key}${nested(item, inner)},`).join('\n')}\n${indent}${close.trim()}`;
}

/** A string literal in the given quotes; JSON's escapes cover backslashes, newlines and control characters. */
function quoted(text: string, quote: "'" | '"'): string {
  const json = JSON.stringify(text);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
