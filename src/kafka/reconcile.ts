/**
 * Declared topics against the cluster, as plain data (plan, then apply): what to create, which
 * partition counts and settings to change, and what cannot be done in place.
 */
import type { ResolvedTopic } from '../model/types.js';
import type { TopicDescription } from './admin.js';
import { settingText } from '../model/topic-settings.js';
import { topicShape } from '../model/topic-shape.js';

export type ActualTopic = Pick<TopicDescription, 'name' | 'partitions' | 'replicationFactor' | 'config'>;

/** `null` stands for "not set on the topic": the broker's default applies. */
export interface ConfigChange {
  readonly key: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** A difference Kafka cannot apply to an existing topic; reported, never forced. */
export interface NotApplicable {
  readonly what: 'partitions' | 'replicationFactor';
  readonly actual: number;
  readonly declared: number;
}

export interface TopicPlan {
  readonly name: string;
  /** Set when the cluster does not have the topic yet. */
  readonly create?: ResolvedTopic;
  readonly partitions?: { readonly from: number; readonly to: number };
  readonly config: readonly ConfigChange[];
  readonly notApplicable: readonly NotApplicable[];
}

export interface TopicsPlan {
  readonly topics: readonly TopicPlan[];
  /** In the cluster but not declared: left alone unless pruning. */
  readonly undeclared: readonly string[];
}

export function planTopics(declared: readonly ResolvedTopic[], actual: readonly ActualTopic[]): TopicsPlan {
  const byName = new Map(actual.map((topic) => [topic.name, topic]));
  const declaredNames = new Set(declared.map((topic) => topic.name));
  return {
    topics: declared.map((topic) => planTopic(topic, byName.get(topic.name))),
    undeclared: actual.map((topic) => topic.name).filter((name) => !declaredNames.has(name)),
  };
}

export function planTopic(declared: ResolvedTopic, actual: ActualTopic | undefined): TopicPlan {
  if (!actual) return { name: declared.name, create: declared, config: [], notApplicable: [] };
  const notApplicable: NotApplicable[] = [];
  if (declared.partitions < actual.partitions) {
    notApplicable.push({ what: 'partitions', actual: actual.partitions, declared: declared.partitions });
  }
  if (declared.replicationFactor !== actual.replicationFactor) {
    notApplicable.push({ what: 'replicationFactor', actual: actual.replicationFactor, declared: declared.replicationFactor });
  }
  return {
    name: declared.name,
    partitions: declared.partitions > actual.partitions ? { from: actual.partitions, to: declared.partitions } : undefined,
    config: configChanges(declared.config, actual.config),
    notApplicable,
  };
}

/** The declared settings are the whole truth: a setting left on the topic but no longer declared goes back to the default. */
function configChanges(declared: ResolvedTopic['config'], actual: ActualTopic['config']): ConfigChange[] {
  const wanted = Object.fromEntries(Object.entries(declared).map(([key, value]) => [key, settingText(key, value)]));
  const keys = [...new Set([...Object.keys(wanted), ...Object.keys(actual)])].sort();
  return keys
    .map((key) => ({ key, from: actual[key] ?? null, to: wanted[key] ?? null }))
    .filter((change) => change.from !== change.to);
}

export function isUnchanged(plan: TopicPlan): boolean {
  return !plan.create && !plan.partitions && plan.config.length === 0 && plan.notApplicable.length === 0;
}

/** How to recreate a topic Kafka cannot change in place, on a stack kafka-dev runs. */
export const recreateOnStack = (name: string): string => `kafka-dev topic delete ${name} --yes && kafka-dev up`;

/**
 * One line per topic: what was (or will be) done, e.g. `orders: partitions 1 -> 3; retention.ms: 604800000 -> 3600000`.
 * `recreate` says how to recreate a topic where the cluster is run.
 */
export function describeTopicPlan(plan: TopicPlan, recreate: (name: string) => string = recreateOnStack): string {
  if (plan.create) {
    return `${plan.name}: created (${topicShape(plan.create)})`;
  }
  if (isUnchanged(plan)) return `${plan.name}: unchanged`;
  const changes = [
    ...(plan.partitions ? [`partitions ${plan.partitions.from} -> ${plan.partitions.to}`] : []),
    ...plan.config.map((change) => `${change.key}: ${change.from ?? '(default)'} -> ${change.to ?? '(default)'}`),
    ...plan.notApplicable.map((difference) => describeNotApplicable(plan.name, difference, recreate)),
  ];
  return `${plan.name}: ${changes.join('; ')}`;
}

function describeNotApplicable(name: string, { what, actual, declared }: NotApplicable, recreateTopic: (name: string) => string): string {
  const recreate = `to recreate it, losing its messages: ${recreateTopic(name)}`;
  if (what === 'partitions') {
    return `NOT APPLIED: it has ${actual} partitions, the config says ${declared}; Kafka cannot remove partitions (${recreate})`;
  }
  return `NOT APPLIED: its replication factor is ${actual}, the config says ${declared}; kafka-dev does not move replicas (${recreate})`;
}

/** Counts for a one-line summary, e.g. `1 created, 2 unchanged, 1 not declared (left alone)`. */
export function summarizeTopicsPlan(plan: TopicsPlan, undeclaredFate: string): string {
  const count = (label: string, predicate: (topic: TopicPlan) => boolean) => {
    const n = plan.topics.filter(predicate).length;
    return n > 0 ? [`${n} ${label}`] : [];
  };
  const parts = [
    ...count('created', (topic) => Boolean(topic.create)),
    ...count('changed', (topic) => Boolean(topic.partitions) || topic.config.length > 0),
    ...count('unchanged', isUnchanged),
    ...count('not applicable in place', (topic) => topic.notApplicable.length > 0),
  ];
  if (plan.undeclared.length > 0) parts.push(`${plan.undeclared.length} not declared (${undeclaredFate})`);
  return parts.join(', ') || 'no topics declared';
}
