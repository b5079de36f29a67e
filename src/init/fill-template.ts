/**
 * Fills `{{key}}` placeholders, one per line at most. A line whose value is undefined is left
 * out, so one template serves every mode; a value of several lines keeps the line's indentation
 * (and its `// ` when the placeholder sits in a comment).
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template
    .split('\n')
    .flatMap((line) => {
      const match = /\{\{([\w.]+)\}\}/.exec(line);
      if (!match) return [line];
      const key = match[1]!;
      if (!(key in values)) throw new Error(`internal: template placeholder {{${key}}} has no value`);
      const value = values[key];
      if (value === undefined) return [];
      const prefix = /^\s*(\/\/ )?/.exec(line)![0];
      return [line.replace(match[0], () => value.split('\n').join(`\n${prefix}`))];
    })
    .join('\n');
}

const identifier = /^[A-Za-z_$][\w$]*$/;
/** Longest literal kept on one line, leaving room for the key before it and the comment after it. */
const maxInlineLength = 80;

/**
 * A value as TypeScript source: single quotes, unquoted keys where possible, one line when it
 * fits. Lines after the first are indented relative to the line the value starts on.
 */
export function tsLiteral(value: unknown, indent = ''): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value !== 'object' || value === null) return String(value);
  const entries = Array.isArray(value)
    ? value.map((item) => ['', item] as const)
    : Object.entries(value).map(([key, item]) => [`${identifier.test(key) ? key : tsLiteral(key)}: `, item] as const);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return open.trim() + close.trim();
  const inline = `${open}${entries.map(([key, item]) => key + tsLiteral(item)).join(', ')}${close}`;
  if (indent.length + inline.length <= maxInlineLength) return inline;
  const inner = `${indent}  `;
  return `${open.trim()}\n${entries.map(([key, item]) => `${inner}${key}${tsLiteral(item, inner)},`).join('\n')}\n${indent}${close.trim()}`;
}
