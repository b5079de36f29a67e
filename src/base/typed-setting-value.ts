/**
 * A Kafka setting's value as typed (a `--config key=value` flag, a compose environment variable)
 * turned into what a person writes in the config: `retention.ms: 3600000`, `preallocate: true`.
 */
import { integer } from './integer.js';

/**
 * `true`/`false` as booleans, whole numbers (negative too) as numbers; anything else stays text.
 * Numbers written with leading zeros (`007`, `0644`) stay text too: more likely an id or a mode
 * than a count, and 7 would lose what was written.
 */
export function typedSettingValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = /^-?0\d/.test(text) ? undefined : integer(text);
  return number ?? text;
}
