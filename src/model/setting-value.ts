import type { SettingSpec } from './kafka-settings/catalog.js';
import type { KafkaSettingValue } from './types.js';

/** Bounds of Kafka's whole-number types (Java's short, int, long). */
const typeBounds: Partial<Record<SettingSpec['type'], readonly [bigint, bigint]>> = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * What is wrong with a setting's value for Kafka, as "expected ..." words; undefined when Kafka
 * would accept it. Follows ConfigDef: the type's parse (booleans in any case, whole numbers in
 * the type's bounds), then the setting's validator (range, allowed words, non-empty).
 */
export function settingValueProblem(spec: SettingSpec, value: KafkaSettingValue): string | undefined {
  const text = String(value).trim();
  const bounds = typeBounds[spec.type];
  if (bounds) return wholeNumberProblem(spec, text, bounds);
  if (spec.type === 'double') return decimalProblem(spec, text);
  if (spec.type === 'boolean') return /^(true|false)$/i.test(text) ? undefined : 'expected true or false';
  const items = spec.type === 'list' ? text.split(',').map((item) => item.trim()).filter((item) => item !== '') : [text];
  if (spec.nonEmpty && (items.length === 0 || items[0] === '')) return `expected ${spec.type === 'list' ? 'a non-empty list' : 'a non-empty value'}`;
  if (!spec.oneOf) return undefined;
  const allowed = spec.caseInsensitive ? spec.oneOf.map((word) => word.toLowerCase()) : spec.oneOf;
  const wrong = items.find((item) => !allowed.includes(spec.caseInsensitive ? item.toLowerCase() : item));
  if (wrong === undefined) return undefined;
  return `expected ${spec.type === 'list' ? 'a comma-separated list of' : 'one of'}: ${spec.oneOf.join(', ')}`;
}

function wholeNumberProblem(spec: SettingSpec, text: string, [typeMin, typeMax]: readonly [bigint, bigint]): string | undefined {
  const min = spec.min !== undefined ? BigInt(spec.min) : typeMin;
  const max = spec.max !== undefined ? BigInt(spec.max) : typeMax;
  const expected = `expected ${alsoWords(spec)}a whole number from ${min} to ${max}`;
  if (!/^-?\d+$/.test(text)) return 'expected a whole number';
  const number = BigInt(text);
  if (spec.also?.includes(text)) return undefined;
  return number < min || number > max ? expected : undefined;
}

function decimalProblem(spec: SettingSpec, text: string): string | undefined {
  const number = text === '' ? Number.NaN : Number(text);
  const range = spec.min !== undefined ? ` from ${spec.min}${spec.max !== undefined ? ` to ${spec.max}` : ''}` : '';
  const expected = `expected ${alsoWords(spec)}a number${range}`;
  if (!Number.isFinite(number)) return 'expected a number';
  if (spec.also?.includes(text)) return undefined;
  return (spec.min !== undefined && number < Number(spec.min)) || (spec.max !== undefined && number > Number(spec.max)) ? expected : undefined;
}

/** `-1 or ` for a setting whose validator also allows -1 beside its range. */
function alsoWords(spec: SettingSpec): string {
  return spec.also ? `${spec.also.join(', ')} or ` : '';
}
