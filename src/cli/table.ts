import { stripVTControlCharacters as stripAnsi } from 'node:util';

/** Left-aligned columns two spaces apart, sized by their widest cell; colours do not count towards width. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => stripAnsi(row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell + ' '.repeat(widths[column]! - stripAnsi(cell).length)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
