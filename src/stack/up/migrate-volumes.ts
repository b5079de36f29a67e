import { nodeVolumeOwner, type StackModel } from '../../model/stack.js';
import { containerName, projectLabels } from '../../engine/labels.js';
import type { UpPlan } from '../../engine/plan.js';
import { copyVolume, describeMigration, legacyVolumes, planVolumeMigration, readVolumes } from '../../engine/volume-migration.js';
import { defaultStopTimeoutSeconds } from '../down.js';
import type { Handoff } from '../pipeline.js';
import type { CreatedResources } from './cleanup.js';
import type { UpContext } from './context.js';

/**
 * Volumes of earlier versions (named for the service) are copied to the node-id names before any
 * container starts, so every broker comes up on its own data; the old volumes are kept.
 */
export async function migrateVolumes({ config, model, runtime }: UpContext, plan: UpPlan, created: CreatedResources): Promise<Handoff<UpPlan>> {
  const { project } = model;
  const volumes = await runtime.listVolumes(projectLabels(project));
  const legacy = legacyVolumes(project, volumes);
  // Once every volume of the config exists there is nothing left to copy: no container needed.
  if (legacy.length === 0 || plan.volumes.every((volume) => volume.exists)) return { value: plan, summary: describeMigration([]) };
  const contents = await readVolumes(runtime, config.images.kafka, legacy.map((volume) => volume.name));
  const copies = planVolumeMigration(project, volumes, contents, kafkaDataVolumes(model));
  const containers = [...plan.services.flatMap((service) => service.existing ?? []), ...plan.orphans];
  for (const copy of copies) {
    // A container of the earlier version still writes there: stop it first (it is replaced anyway, its volume changed).
    const writer = containers.find((container) => container.name === containerName(project, copy.oldService) && container.state === 'running');
    if (writer) await runtime.stopContainer(writer.id, defaultStopTimeoutSeconds);
    await copyVolume(runtime, config.images.kafka, copy);
    created.volume(copy.to);
  }
  const copied = new Set(copies.map((copy) => copy.to));
  return {
    value: { ...plan, volumes: plan.volumes.map((volume) => (copied.has(volume.name) ? { ...volume, exists: true } : volume)) },
    summary: describeMigration(copies),
  };
}

/** A Kafka node's volumes as suffix -> path in the container (`data` -> `/var/lib/kafka/data`): the same on every node. */
function kafkaDataVolumes(model: StackModel): Record<string, string> {
  const node = model.services.find((service) => service.node)!;
  const owner = nodeVolumeOwner(node.node!.id);
  return Object.fromEntries(node.volumes.map((mount) => [mount.volume.slice(owner.length + 1), mount.target]));
}
