/** Carrying out the plan: images, then network and volumes, then containers. Whatever is made goes into the undo log. */

import { composeLabel, containerLabels, containerName, nodeLabel, projectLabels, volumeLabels, volumeName } from '../../engine/labels.js';
import type { ServicePlan, UpPlan } from '../../engine/plan.js';
import type { ContainerSummary } from '../../engine/runtime.js';
import { defaultStopTimeoutSeconds } from '../down.js';
import { voterStartOrder, type QuorumVoter } from '../../kafka/topology.js';
import { awaitQuorum } from './await-ready.js';
import type { CreatedResources } from './cleanup.js';
import type { UpContext } from './context.js';
import { stopAndRemove } from './stop-and-remove.js';
import { plural } from '../../base/plural.js';

/** Pulls the images of the containers about to be made or started that are not on this machine. */
export async function checkImages({ runtime }: UpContext, plan: UpPlan): Promise<string> {
  const images = [...new Set(plan.services.filter((s) => s.action !== 'keep').map((s) => s.spec.image))];
  const pulled: string[] = [];
  for (const image of images) {
    if (await runtime.imageExists(image)) continue;
    await runtime.pullImage(image);
    pulled.push(image);
  }
  return pulled.length > 0 ? `pulled ${pulled.join(', ')}` : `present: ${images.join(', ') || 'nothing needed'}`;
}

/** Removes the orphans, then makes the network and the volumes that do not exist yet. */
export async function createNetworkAndVolumes({ config, runtime }: UpContext, plan: UpPlan, created: CreatedResources): Promise<string> {
  const { network, volumes, orphans, project } = plan;
  for (const orphan of stopOrder(plan, orphans)) await stopAndRemove(runtime, orphan.id, defaultStopTimeoutSeconds);
  if (!network.exists) {
    await runtime.createNetwork(network.name, { ...projectLabels(project), [composeLabel.network]: 'default' });
    created.network(network.name);
  }
  const missing = volumes.filter((volume) => !volume.exists);
  for (const volume of missing) {
    await runtime.createVolume(volume.name, {
      ...projectLabels(project),
      [composeLabel.volume]: volume.volume,
      ...volumeLabels(config),
    });
    created.volume(volume.name);
  }
  return `network ${network.name}${network.exists ? ' (kept)' : ''}, ${plural(missing.length, 'new volume')}, ${volumes.length - missing.length} kept`;
}

/**
 * Nodes that leave stop first, nodes that only change their container (a new service name) last:
 * a broker stopped early drops out of every ISR, and with the others gone its partitions would stay
 * offline when it comes back alone (unclean election is off), __consumer_offsets among them.
 */
function stopOrder(plan: UpPlan, orphans: readonly ContainerSummary[]): ContainerSummary[] {
  const staying = new Set(plan.services.flatMap(({ spec }) => (spec.node ? [String(spec.node.id)] : [])));
  const stays = (container: ContainerSummary) => staying.has(container.labels[nodeLabel] ?? '');
  return [...orphans.filter((container) => !stays(container)), ...orphans.filter(stays)];
}

/**
 * All at once: brokers wait for ZooKeeper or the controllers themselves, so their JVMs boot in
 * parallel. Only new KRaft voters that could out-vote the ones holding the metadata start once
 * those have a leader and its log (see voterStartOrder).
 */
export async function startContainers(context: UpContext, plan: UpPlan, created: CreatedResources, signal: AbortSignal): Promise<string> {
  const later = new Set(voterStartOrder(quorumVoters(plan)).later);
  const isLater = (service: ServicePlan) => later.has(service.spec.node?.id ?? Number.NaN);
  const start = (services: readonly ServicePlan[]) => Promise.all(services.map((service) => startService(context, plan, service, created)));
  // Companions start once Kafka answers (see companions.ts).
  const first = plan.services.filter((service) => !isLater(service) && !service.spec.companion);
  const started = await start(first);
  if (later.size > 0) started.push(`then, once ${await awaitQuorum(context, plan, first, signal)}`, ...(await start(plan.services.filter(isLater))));
  const done = started.filter(Boolean);
  if (done.length > 0) context.dependencies.preloadKafkaClient();
  return done.length > 0 ? done.join(', ') : 'already running';
}

/**
 * The KRaft controllers of the plan, and whether each holds the cluster's current metadata log.
 * While the cluster has containers (labelled with their node ids), only its voters do: a voter coming back (3 -> 1 -> 3) finds a
 * log from before it left in its volume, and with the others of its kind it could out-vote the
 * node that kept running and make it truncate what it wrote alone. Without containers, the
 * volumes are all there is to go by.
 */
function quorumVoters(plan: UpPlan): QuorumVoter[] {
  const existing = new Set(plan.volumes.filter((volume) => volume.exists).map((volume) => volume.volume));
  const containers = [...plan.services.flatMap((service) => (service.existing ? [service.existing] : [])), ...plan.orphans];
  const running = new Set(containers.flatMap((container) => (container.labels[nodeLabel] ? [Number(container.labels[nodeLabel])] : [])));
  return plan.services
    .filter(({ spec }) => spec.node?.controller)
    .map(({ spec }) => ({
      id: spec.node!.id,
      hasLog: running.size > 0 ? running.has(spec.node!.id) : spec.volumes.some((mount) => existing.has(mount.volume)),
    }));
}

/** Returns what was done to the service, or undefined when it was kept. */
export async function startService({ runtime }: UpContext, plan: UpPlan, service: ServicePlan, created: CreatedResources): Promise<string | undefined> {
  const { spec, action, existing } = service;
  if (action === 'keep') return undefined;
  if (action === 'start' && existing) {
    await runtime.startContainer(existing.id);
    return `${spec.name} started`;
  }
  if (existing) await stopAndRemove(runtime, existing.id, defaultStopTimeoutSeconds);
  const id = await runtime.createContainer({
    name: containerName(plan.project, spec.name),
    image: spec.image,
    hostname: spec.hostname,
    environment: spec.environment,
    labels: containerLabels(plan.project, spec),
    ports: spec.ports,
    mounts: spec.volumes.map((mount) => ({ source: volumeName(plan.project, mount.volume), target: mount.target, ...(mount.readOnly && { readOnly: true }) })),
    ...(spec.binds && { binds: spec.binds }),
    ...(spec.command && { command: spec.command }),
    network: plan.network.name,
    aliases: [spec.name],
    stopTimeoutSeconds: defaultStopTimeoutSeconds,
  });
  created.container(id, spec.role);
  await runtime.startContainer(id);
  return `${spec.name} ${action === 'recreate' ? 'recreated' : 'created'}`;
}
