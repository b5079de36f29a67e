/** Carrying out the plan: images, then network and volumes, then containers. Whatever is made goes into the undo log. */

import { clusterIdentity, clusterLabel, composeLabel, containerLabels, containerName, projectLabels, volumeName } from '../../engine/labels.js';
import type { ServicePlan, UpPlan } from '../../engine/plan.js';
import { defaultStopTimeoutSeconds } from '../down.js';
import type { CreatedResources } from './cleanup.js';
import type { UpContext } from './context.js';
import { stopAndRemove } from './stop-and-remove.js';

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
  for (const orphan of orphans) await stopAndRemove(runtime, orphan.id, defaultStopTimeoutSeconds);
  if (!network.exists) {
    await runtime.createNetwork(network.name, { ...projectLabels(project), [composeLabel.network]: 'default' });
    created.network(network.name);
  }
  const missing = volumes.filter((volume) => !volume.exists);
  for (const volume of missing) {
    await runtime.createVolume(volume.name, {
      ...projectLabels(project),
      [composeLabel.volume]: volume.volume,
      [clusterLabel]: clusterIdentity(config),
    });
    created.volume(volume.name);
  }
  return `network ${network.name}${network.exists ? ' (kept)' : ''}, ${missing.length} new volume(s), ${volumes.length - missing.length} kept`;
}

/** All at once: brokers wait for ZooKeeper or the controllers themselves, so their JVMs boot in parallel. */
export async function startContainers(context: UpContext, plan: UpPlan, created: CreatedResources): Promise<string> {
  const started = await Promise.all(plan.services.map((service) => startService(context, plan, service, created)));
  const done = started.filter(Boolean);
  return done.length > 0 ? done.join(', ') : 'already running';
}

/** Returns what was done to the service, or undefined when it was kept. */
async function startService({ runtime }: UpContext, plan: UpPlan, service: ServicePlan, created: CreatedResources): Promise<string | undefined> {
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
    mounts: spec.volumes.map((mount) => ({ source: volumeName(plan.project, mount.volume), target: mount.target })),
    network: plan.network.name,
    aliases: [spec.name],
  });
  created.container(id, spec.role);
  await runtime.startContainer(id);
  return `${spec.name} ${action === 'recreate' ? 'recreated' : 'created'}`;
}
