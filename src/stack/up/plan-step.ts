import type { ResolvedConfig } from '../../model/types.js';
import { ConfigError, KafkaDevError } from '../../base/errors.js';
import type { NamedResource } from '../../engine/runtime.js';
import { clusterIdentity, clusterLabel, composeLabel, projectLabels } from '../../engine/labels.js';
import { describePlan, planUp, type UpPlan } from '../../engine/plan.js';
import { assertPortsFree } from '../../engine/ports.js';
import { foreignVolumes } from '../../engine/volumes.js';
import type { Handoff } from '../pipeline.js';
import type { UpContext } from './context.js';
import { pluralForm } from '../../base/plural.js';

/** Reads what exists, plans against the model, and refuses before anything changes: name clashes, another cluster's volumes, taken ports. */
export async function planStep({ config, model, runtime, options, dependencies }: UpContext): Promise<Handoff<UpPlan>> {
  const labels = projectLabels(model.project);
  const [containers, networks, volumes, allContainers] = await Promise.all([
    runtime.listContainers(labels),
    runtime.listNetworks(labels),
    runtime.listVolumes(labels),
    runtime.listContainers(),
  ]);
  const plan = planUp(
    model,
    { containers, allContainers, networks: networks.map((network) => network.name), volumes: volumes.map((volume) => volume.name) },
    { forceRecreate: options.forceRecreate },
  );
  assertNoBlockers(plan);
  assertVolumesMatchCluster(config, volumes);
  await assertPortsFree(plan, allContainers, dependencies.hostPorts);
  return { value: plan, summary: describePlan(plan) };
}

/**
 * Kafka refuses data written by another cluster (InconsistentClusterIdException) or another mode,
 * so volumes carry the cluster they were made for, and a mismatch stops `up` before it starts.
 */
function assertVolumesMatchCluster(config: ResolvedConfig, volumes: readonly NamedResource[]): void {
  const foreign = foreignVolumes(config, volumes);
  if (foreign.length === 0) return;
  const expected = clusterIdentity(config);
  const found = foreign[0]!.labels[clusterLabel]!;
  const keep = found.startsWith('kraft:') ? ` or keep the data with clusterId: '${found.slice('kraft:'.length)}' in the config` : '';
  throw new ConfigError(config.source, [
    {
      path: config.mode === 'kraft' && found.startsWith('kraft:') ? 'clusterId' : 'mode',
      message: `${pluralForm(foreign.length, 'volume')} ${foreign.map((v) => v.name).join(', ')} ${pluralForm(foreign.length, 'holds', 'hold')} data of cluster '${found}', but this config runs '${expected}'; start fresh with 'kafka-dev down --volumes' (deletes that data)${keep}`,
    },
  ]);
}

function assertNoBlockers(plan: UpPlan): void {
  if (plan.blockers.length === 0) return;
  const names = plan.blockers.map((container) => {
    const owner = container.labels[composeLabel.project];
    return `'${container.name}' (${owner ? `compose project '${owner}'` : 'not made by Compose or kafka-dev'}, image ${container.image})`;
  });
  throw new KafkaDevError(`Cannot start: container ${names.join(', ')} already uses a name this stack needs. Nothing was changed.`, {
    hint: `Remove it (docker rm -f ${plan.blockers.map((c) => c.name).join(' ')}), choose another project name (-p), or run 'kafka-dev up --force-recreate' to replace it.`,
  });
}
