/**
 * Text that a user typed as a count, port or number of seconds, read strictly: decimal digits and
 * nothing else. `Number()` would also take `' 3'`, `'0x3'`, `'1e0'`, `'3.0'` and `''` (as 0).
 */

/** The number `text` spells in decimal digits, or undefined for anything else (signs, spaces, fractions, exponents, hex, too big to be exact). */
export function wholeNumber(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : undefined;
}
