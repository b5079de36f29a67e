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
