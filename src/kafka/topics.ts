import type { ResolvedTopic } from '../config/types.js';
import type { TopicView } from './admin.js';

/** Declared topics the cluster does not have yet. */
export function missingTopics(declared: readonly ResolvedTopic[], existing: readonly TopicView[]): ResolvedTopic[] {
  const names = new Set(existing.map((topic) => topic.name));
  return declared.filter((topic) => !names.has(topic.name));
}
