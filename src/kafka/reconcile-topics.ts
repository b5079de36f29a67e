import pRetry from 'p-retry';
import type { ResolvedTopic } from '../model/types.js';
import { KafkaDevError } from '../base/errors.js';
import { attempt, type KafkaAdmin } from './admin.js';
import { describeTopicPlan, planTopic, planTopics, summarizeTopicsPlan, type TopicPlan, type TopicsPlan } from './reconcile.js';

export interface ReconcileOptions {
  /** Delete the topics the config does not declare. */
  prune?: boolean;
  /** Topics the stack's own services keep (Connect's internal topics): never counted as undeclared, never pruned. */
  owned?: readonly string[];
}

export interface TopicsReconciled extends TopicsPlan {
  /** Whether the undeclared topics were deleted. */
  readonly pruned: boolean;
}

/** Reads the cluster, plans against the declared topics, and applies what can be applied in place. */
export async function reconcileTopics(
  admin: KafkaAdmin,
  declared: readonly ResolvedTopic[],
  options: ReconcileOptions = {},
): Promise<TopicsReconciled> {
  return applyTopicsPlan(admin, await readTopicsPlan(admin, declared, options), options);
}

/** The plan against what the cluster has now; nothing is changed. */
export async function readTopicsPlan(admin: KafkaAdmin, declared: readonly ResolvedTopic[], options: Pick<ReconcileOptions, 'owned'> = {}): Promise<TopicsPlan> {
  const owned = new Set(options.owned);
  const actual = (await admin.describeTopics()).filter((topic) => !owned.has(topic.name));
  return planTopics(declared, actual);
}

/** Carries out a plan read before: each topic in turn, then (with `prune`) deletes the undeclared ones. */
export async function applyTopicsPlan(admin: KafkaAdmin, plan: TopicsPlan, options: Pick<ReconcileOptions, 'prune'> = {}): Promise<TopicsReconciled> {
  const topics: TopicPlan[] = [];
  for (const topic of plan.topics) topics.push(await applyTopicPlan(admin, topic));
  if (options.prune) {
    await attempt(`delete the undeclared topics ${plan.undeclared.join(', ')}`, () => admin.deleteTopics(plan.undeclared));
  }
  return { topics, undeclared: plan.undeclared, pruned: Boolean(options.prune) };
}

/** Returns the plan as carried out, which differs from the one given only when the topic turned out to exist. */
export async function applyTopicPlan(admin: KafkaAdmin, plan: TopicPlan): Promise<TopicPlan> {
  if (plan.create) {
    const declared = plan.create;
    if ((await attempt(`create topic '${plan.name}'`, () => admin.createTopic(declared))) === 'created') return plan;
    // A restarted broker can list itself before its metadata shows the topics it has: plan again from what it reports now.
    const actual = await pRetry(
      async () => {
        const [described] = await admin.describeTopics([plan.name]);
        if (!described) throw new Error('not in the metadata yet');
        return described;
      },
      { retries: 30, factor: 1, minTimeout: 500, maxTimeout: 500 },
    ).catch((error: unknown) => {
      throw new KafkaDevError(`Topic '${plan.name}' is reported as existing, but its metadata did not show it within 15 s`, { cause: error });
    });
    return applyTopicPlan(admin, planTopic(declared, actual));
  }
  const { partitions, config } = plan;
  if (partitions) {
    await attempt(`raise the partitions of '${plan.name}' to ${partitions.to}`, () => admin.createPartitions(plan.name, partitions.to));
  }
  if (config.length > 0) {
    const update = Object.fromEntries(config.map((change) => [change.key, change.to]));
    await attempt(`change the settings of '${plan.name}'`, () => admin.alterTopicConfig(plan.name, update));
  }
  return plan;
}

/** A line per declared topic, then the undeclared ones when verbose or when they were deleted. */
export function describeReconciled(result: TopicsReconciled, verbose: boolean): string[] {
  const fate = result.pruned ? 'deleted' : 'left alone';
  const undeclared = verbose || result.pruned ? result.undeclared.map((name) => `${name}: not declared, ${fate}`) : [];
  return [...result.topics.map((topic) => describeTopicPlan(topic)), ...undeclared];
}

/** One line of counts, e.g. `1 created, 2 unchanged, 1 not declared (left alone; --verbose lists it, --prune deletes it)`. */
export function summarizeReconciled(result: TopicsReconciled, verbose: boolean): string {
  const hint = !verbose && !result.pruned && result.undeclared.length > 0 ? '; --verbose lists, --prune deletes' : '';
  return summarizeTopicsPlan(result, result.pruned ? 'deleted' : `left alone${hint}`);
}
