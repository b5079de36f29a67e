/**
 * Text that a user typed as an amount that may have a fraction (`2.5` seconds, `1.5h`), read as
 * strictly as `wholeNumber`: digits, optionally a point and more digits, nothing else.
 */

/** The number `text` spells as `digits` or `digits.digits`, or undefined for anything else (signs, spaces, exponents, hex, `.5`, `5.`). */
export function decimalNumber(text: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
