/**
 * The config's topics and ACLs applied to a cluster kafka-dev did not start (`kafka-dev apply`),
 * with the same planners and appliers as `up`: first a plan read from the cluster, refused as a
 * whole when the cluster cannot hold it, nothing sent; then that plan and only that plan carried
 * out, item by item, so a failure says what was applied and what was not.
 */
import { KafkaDevError } from '../base/errors.js';
import { plural } from '../base/plural.js';
import { quoteText } from '../base/text.js';
import { attempt, withAdmin, type KafkaAdmin } from '../kafka/admin.js';
import { securityFailure, type SecurityAdvice } from '../kafka/client-options.js';
import { readClusterRelease, refuseSettingsTheReleaseLacks } from '../kafka/cluster-release.js';
import { describeRelease, type KafkaRelease } from '../kafka/kafka-release.js';
import { describeAclEntry, type AclPlan } from '../kafka/acl-plan.js';
import { describeTopicPlan, isUnchanged, type TopicPlan, type TopicsPlan } from '../kafka/reconcile.js';
import { applyAclPlan, readAclPlan } from '../kafka/reconcile-acls.js';
import { applyTopicPlan, readTopicsPlan } from '../kafka/reconcile-topics.js';
import { describeScramPlan, scramChanges, type ScramMechanismName } from '../kafka/scram-plan.js';
import { applyScramPlan, readScramPlan, type ScramUsersPlan, type ScramUsersSpec } from '../kafka/scram-reconcile.js';
import { hasScramUsers } from './up/users.js';
import type { ClientSettings } from '../model/client-settings.js';
import { authorizerOn } from '../model/security.js';
import type { ResolvedConfig } from '../model/types.js';

export interface ApplyPlan {
  readonly bootstrap: readonly string[];
  readonly brokers: number;
  /** The oldest Kafka release among the brokers: what the whole cluster can be relied on to have. */
  readonly kafka: KafkaRelease;
  readonly topics: TopicsPlan;
  /** Undefined when the config declares no ACLs: then the cluster's ACLs are not touched. */
  readonly acls?: AclPlan;
  /** Undefined unless the config's users log in with SCRAM: then their credentials are declared state too. */
  readonly users?: ScramUsersPlan;
  readonly prune: boolean;
}

export type WithAdmin = typeof withAdmin;

/** Reads the cluster and plans against the config; throws, sending nothing, when the cluster cannot hold what is declared. */
export async function planApply(config: ResolvedConfig, target: ClientSettings, prune: boolean, admin: WithAdmin = withAdmin): Promise<ApplyPlan> {
  return onCluster(admin, target, async (client) => {
    const cluster = await attempt('read the cluster', () => client.describeCluster());
    const kafka = await readClusterRelease(cluster.brokers, target, admin);
    refuseSettingsTheReleaseLacks(config.topics, kafka, target.bootstrap);
    const topics = await readTopicsPlan(client, config.topics);
    refuseWhatDoesNotFit(topics, cluster.brokers.length, target.bootstrap);
    // The principals of the ACLs are those this cluster's listener gives the users: SASL names or certificate subjects.
    const security = { ...config.security, outside: target.protocol, inside: target.protocol };
    const acls = authorizerOn(config.security) ? await readAclPlan(client, security, { prune }) : undefined;
    const users = hasScramUsers(config.security) ? await readScramPlan(client, remoteScramUsers(config, target, admin), { prune }) : undefined;
    return { bootstrap: target.bootstrap, brokers: cluster.brokers.length, kafka, topics, ...(acls && { acls }), ...(users && { users }), prune };
  });
}

function refuseWhatDoesNotFit(plan: TopicsPlan, brokers: number, bootstrap: readonly string[]): void {
  const tooWide = plan.topics.filter((topic) => topic.create && topic.create.replicationFactor > brokers);
  if (tooWide.length === 0) return;
  const names = tooWide.map((topic) => `${quoteText(topic.name)} (replication factor ${topic.create!.replicationFactor})`).join(', ');
  throw new KafkaDevError(`The cluster at ${bootstrap.join(',')} has ${plural(brokers, 'broker')}; it cannot hold ${names}. Nothing was changed`, {
    hint: `Lower the topics' replicationFactor to at most ${brokers}, or apply to a cluster with more brokers.`,
  });
}

/**
 * The admin runner, with a secured cluster's refusal said for a cluster kafka-dev does not run:
 * what to change there with Kafka's tools, never `kafka-dev up`.
 */
function onCluster<T>(admin: WithAdmin, target: ClientSettings, work: (client: KafkaAdmin) => Promise<T>): Promise<T> {
  return admin(target, work).catch((error: unknown) => {
    throw securityFailure(error, target, clusterAdvice(target)) ?? error;
  });
}

function clusterAdvice(target: ClientSettings): SecurityAdvice {
  const user = target.sasl ? `User:${target.sasl.username}` : 'the principal of your certificate';
  return {
    authentication: 'Check sasl.mechanism and the username and password in sasl.jaas.config of the --command-config file: the cluster must know that user with that mechanism.',
    authorization:
      `Grant ${user} what apply needs on that cluster (or apply as a super user): on the cluster Describe and Alter (ACLs, SCRAM users) and Create; on the declared topics ` +
      `Describe, DescribeConfigs, Alter and AlterConfigs (Delete with --prune); e.g. kafka-acls.sh --add --allow-principal ${user} --operation Describe --operation Alter --operation Create --cluster.`,
    certificate: "The brokers' certificates must be signed by a CA in ssl.truststore.location of the --command-config file and name the host of --bootstrap-server.",
  };
}

/** Recreating a topic on a cluster kafka-dev does not run: with Kafka's tools, then apply. */
const recreateOnCluster = (name: string) => `kafka-topics.sh --delete --topic ${name} (with your --bootstrap-server and --command-config), then kafka-dev apply`;

/** The declared users, each checked by logging in on the --bootstrap-server listener, which must speak SASL for that. */
function remoteScramUsers(config: ResolvedConfig, target: ClientSettings, connect: WithAdmin): ScramUsersSpec {
  const mechanism = config.security.sasl.mechanism as ScramMechanismName;
  return {
    mechanism,
    users: config.security.users,
    loginOf: ({ name, password }) => (target.sasl ? { ...target, sasl: { mechanism, username: name, password } } : { unchecked: `--bootstrap-server speaks ${target.protocol}, not SASL` }),
    connect,
  };
}

/** Whether carrying out the plan would delete anything (then `apply` asks first). */
export function deletesSomething(plan: ApplyPlan): boolean {
  return (plan.prune && plan.topics.undeclared.length > 0) || (plan.acls?.remove.length ?? 0) > 0 || (plan.users?.remove.length ?? 0) > 0;
}

/** The cluster the plan is for: `broker1:9093 (3 brokers, Kafka 4.4 or later)`. */
export const describeApplyTarget = (plan: ApplyPlan): string => `${plan.bootstrap.join(',')} (${plural(plan.brokers, 'broker')}, ${describeRelease(plan.kafka)})`;

/** One line per change the plan makes, then what it cannot do; empty when there is nothing to do. */
export function describeApplyPlan(plan: ApplyPlan): string[] {
  return [
    ...plan.topics.topics.filter((topic) => !isUnchanged(topic)).map((topic) => describeTopicPlan(topic, recreateOnCluster)),
    ...(plan.prune ? plan.topics.undeclared.map((name) => `${name}: not declared, deleted`) : []),
    ...(plan.acls?.add ?? []).map((entry) => `+ ACL ${describeAclEntry(entry)}`),
    ...(plan.acls?.remove ?? []).map((entry) => `- ACL ${describeAclEntry(entry)}`),
    ...(plan.users ? describeScramPlan(plan.users) : []),
  ];
}

/**
 * Carries out exactly the plan given; on a failure, throws naming what was applied and what was not.
 * The failure leaves the admin runner as a value, so a refusal's wording (what to grant) is added
 * here and the two lists stay in the message.
 */
export async function applyPlan(plan: ApplyPlan, target: ClientSettings, admin: WithAdmin = withAdmin): Promise<string[]> {
  const items = applyItems(plan);
  const outcome = await onCluster(admin, target, async (client) => {
    const applied: string[] = [];
    for (const item of items) {
      try {
        await item.run(client);
      } catch (error) {
        return { applied, error };
      }
      applied.push(item.line);
    }
    return { applied };
  });
  if (!('error' in outcome)) return outcome.applied;
  const { applied, error } = outcome;
  const refusal = securityFailure(error, target, clusterAdvice(target));
  const notApplied = items.slice(applied.length).map((rest) => rest.line);
  throw new KafkaDevError(`${(refusal ?? (error as Error)).message}\nApplied (${applied.length}):${list(applied)}\nNot applied (${notApplied.length}):${list(notApplied)}`, {
    hint: refusal?.hint ?? 'Fix the cause and run apply again: it plans from what the cluster has then.',
    cause: error,
  });
}

const list = (lines: readonly string[]) => (lines.length === 0 ? ' none' : lines.map((line) => `\n  ${line}`).join(''));

/** How many changes carrying out the plan sends; 0: nothing to do (what Kafka cannot change in place is only reported). */
export const pendingChanges = (plan: ApplyPlan): number => applyItems(plan).length;

const changesInPlace = (topic: TopicPlan) => Boolean(topic.create || topic.partitions || topic.config.length > 0);

function applyItems(plan: ApplyPlan): { line: string; run: (client: KafkaAdmin) => Promise<unknown> }[] {
  const { acls, users } = plan;
  return [
    ...plan.topics.topics.filter(changesInPlace).map((topic) => ({ line: describeTopicPlan(topic, recreateOnCluster), run: (client: KafkaAdmin) => applyTopicPlan(client, topic) })),
    ...(plan.prune && plan.topics.undeclared.length > 0
      ? [{ line: `${plan.topics.undeclared.join(', ')}: not declared, deleted`, run: (client: KafkaAdmin) => attempt('delete the undeclared topics', () => client.deleteTopics(plan.topics.undeclared)) }]
      : []),
    ...(acls && (acls.add.length > 0 || acls.remove.length > 0)
      ? [{ line: `ACLs: ${acls.add.length} added, ${acls.remove.length} removed`, run: (client: KafkaAdmin) => applyAclPlan(client, acls) }]
      : []),
    ...(users && scramChanges(users) > 0
      ? [{ line: `SCRAM users: ${users.create.length} created, ${users.updatePassword.length} with a new password, ${users.remove.length} removed`, run: (client: KafkaAdmin) => applyScramPlan(client, users) }]
      : []),
  ];
}
