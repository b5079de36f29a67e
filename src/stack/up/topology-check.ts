import { ConfigError } from '../../base/errors.js';
import { plural } from '../../base/plural.js';
import { brokerNodes, reachableHost } from '../../model/cluster.js';
import { zookeeperService } from '../../model/stack.js';
import { projectLabels, roleLabel } from '../../engine/labels.js';
import type { UpPlan } from '../../engine/plan.js';
import type { ContainerSummary } from '../../engine/runtime.js';
import { partitionsOnDisk, readVolumes } from '../../engine/volume-migration.js';
import { describeForcedChange, describePartitionProblems, planTopologyChange, topologyFixes, type PartitionAssignment } from '../../kafka/topology.js';
import { smokeTopicPrefix } from '../../smoke/message.js';
import type { UpContext } from './context.js';

/**
 * Before anything is stopped: a smaller broker set must not hide partitions. Asked of the running
 * cluster when `up` removes broker containers; read from the volumes of nodes the config no longer
 * runs when the cluster is down. Refused (exit 2, `brokers`) unless `force`; volumes are never deleted.
 */
export async function checkTopology(context: UpContext, plan: UpPlan): Promise<string> {
  const { config, model, runtime, options } = context;
  const volumes = await runtime.listVolumes(projectLabels(model.project));
  const planned = new Set(plan.volumes.map((volume) => volume.name));
  const unplanned = volumes.filter((volume) => !planned.has(volume.name) && !volume.name.startsWith(`${model.project}_${zookeeperService}-`));
  if (unplanned.length === 0) return 'every volume belongs to a node of this config';
  const runningBrokers = [...plan.services.flatMap((service) => service.existing ?? []), ...plan.orphans].filter(
    (container) => container.labels[roleLabel] === 'broker' && container.state === 'running',
  );
  const removesBrokers = plan.orphans.some((container) => container.labels[roleLabel] === 'broker');
  if (runningBrokers.length > 0 && !removesBrokers) return 'no broker is removed';
  const nextBrokers = brokerNodes(config).map((node) => node.id);
  const assignments = (await fromCluster(context, runningBrokers)) ?? (await fromVolumes(context, plan, unplanned.map((volume) => volume.name)));
  const change = planTopologyChange(
    assignments.filter((assignment) => !assignment.topic.startsWith(smokeTopicPrefix)),
    nextBrokers,
  );
  if (!change.refused) return `${plural(nextBrokers.length, 'broker')}: every partition keeps a replica`;
  if (options.force) return describeForcedChange(change);
  throw new ConfigError(
    config.source,
    describePartitionProblems(change, nextBrokers).map((line) => ({ path: 'brokers', message: `got ${config.brokers}: ${line}` })),
    { hint: `Nothing was changed. ${topologyFixes(change)}.` },
  );
}

/** The running cluster's own view, or undefined when no broker runs or none answers. */
async function fromCluster({ dependencies }: UpContext, running: readonly ContainerSummary[]): Promise<PartitionAssignment[] | undefined> {
  const addresses = running.flatMap((container) => container.ports.map((port) => `${reachableHost(port.bind)}:${port.host}`));
  if (addresses.length === 0) return undefined;
  try {
    const topics = await dependencies.withAdmin(addresses, (admin) => admin.describeTopics());
    return topics.flatMap((topic) => topic.partitionDetails.map(({ partition, replicas }) => ({ topic: topic.name, partition, replicas })));
  } catch {
    return undefined;
  }
}

/** Replicas as the volumes of every Kafka node (configured or not) hold them. */
async function fromVolumes({ config, runtime }: UpContext, plan: UpPlan, unplanned: readonly string[]): Promise<PartitionAssignment[]> {
  const kafkaVolumes = plan.volumes.filter((volume) => volume.exists && !volume.volume.startsWith(`${zookeeperService}-`)).map((volume) => volume.name);
  return partitionsOnDisk((await readVolumes(runtime, config.images.kafka, [...kafkaVolumes, ...unplanned])).values());
}
