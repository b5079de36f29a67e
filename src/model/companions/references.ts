/**
 * `${name}` references in environment values: the one syntax config values use to name the
 * cluster's addresses. `$$` stands for a literal `$`; a lone `$` stays as it is.
 */
import type { References } from './companion.js';

const reference = /\$\$|\$\{([^}]*)\}/g;

export interface Expansion {
  readonly value: string;
  /** Names that have no value, in order of appearance. */
  readonly unknown: readonly string[];
}

export function expandReferences(text: string, references: References): Expansion {
  const unknown: string[] = [];
  const value = text.replace(reference, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    const found = references.get(name.trim());
    if (found === undefined) unknown.push(name);
    return found ?? match;
  });
  return { value, unknown };
}

/** The value with every reference replaced; for configs whose references were checked. */
export function expandChecked(text: string, references: References): string {
  const { value, unknown } = expandReferences(text, references);
  if (unknown.length > 0) throw new Error(`internal: unchecked reference \${${unknown[0]}}`);
  return value;
}
