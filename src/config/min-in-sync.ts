import type { ConfigIssue } from '../base/errors.js';
import { plural } from '../base/plural.js';
import { describeValue } from '../base/text.js';
import type { KafkaSettings } from '../model/types.js';

/** min.insync.replicas above the broker count: every write with acks=all would fail. */
export function minInSyncIssues(settings: Readonly<KafkaSettings>, brokers: number): ConfigIssue[] {
  const value = settings['min.insync.replicas'];
  if (value === undefined || !(Number(value) > brokers)) return [];
  return [{ path: 'min.insync.replicas', message: `got ${describeValue(value)}, but the cluster has ${plural(brokers, 'broker')}; expected at most ${brokers}, or every write with acks=all fails` }];
}
