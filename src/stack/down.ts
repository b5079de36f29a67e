import { Pipeline, type Handoff } from './pipeline.js';
import type { Operation } from './steps.js';
import type { ContainerRuntime, ContainerSummary } from '../engine/runtime.js';
import { projectLabels, roleLabel } from '../engine/labels.js';
import { plural } from '../base/plural.js';
import type { ServiceRole } from '../model/service-spec.js';
import { runDefaults } from '../model/defaults.js';
import { forgetSecurityMaterial } from '../secrets/material.js';

export interface DownOptions {
  /** Also delete the project's volumes, and with them all Kafka and ZooKeeper data. */
  volumes?: boolean;
  /** Seconds each container gets to shut down cleanly before it is killed. Default 30. */
  stopTimeoutSeconds?: number;
  /** The stack's security folder: deleted with the volumes, since its passwords and certificates belonged to that data. */
  securityDirectory?: string;
}

/**
 * Longer than Docker's 10 s: KRaft nodes stopping together take 7-10 s (the broker waits for the
 * controller to approve its controlled shutdown, then the quorum leader waits 5 s for a successor),
 * and a broker killed mid-shutdown recovers its logs at the next start. Stops end as soon as they can.
 * The rendered file's `stop_grace_period` is the same, so a plain `docker compose down` waits as long.
 */
export const defaultStopTimeoutSeconds = runDefaults.stopTimeoutSeconds;

export interface DownResult {
  readonly project: string;
  readonly containersRemoved: readonly string[];
  readonly networksRemoved: readonly string[];
  readonly volumesRemoved: readonly string[];
  readonly volumesKept: readonly string[];
  /** The security folder deleted with the volumes, if there was one. */
  readonly securityRemoved?: string;
}

/**
 * `down`: the containers stop in stages (see `stopStages`); then the containers and network go.
 * Volumes stay unless asked, so data survives `down` + `up`.
 */
export function downOperation(project: string, runtime: ContainerRuntime, options: DownOptions = {}): Operation<DownResult> {
  const labels = projectLabels(project);
  const done = Pipeline.from(undefined)
    .step('Connect to the Docker engine', async () => {
      const info = await runtime.info();
      const containers = await runtime.listContainers(labels);
      return { value: containers, summary: `${info.kind ?? 'Docker'} ${info.version}; ${plural(containers.length, 'container')} in project ${project}` };
    })
    .check('Stop containers', (containers) => stopContainers(runtime, containers, options.stopTimeoutSeconds ?? defaultStopTimeoutSeconds))
    .step('Remove containers and network', async (containers) => {
      const removed = { project, containersRemoved: [] as string[], networksRemoved: [] as string[] };
      for (const container of containers) {
        await runtime.removeContainer(container.id);
        removed.containersRemoved.push(container.name);
      }
      for (const network of await runtime.listNetworks(labels)) {
        await runtime.removeNetwork(network.name);
        removed.networksRemoved.push(network.name);
      }
      return { value: removed, summary: `${plural(removed.containersRemoved.length, 'container')}, ${plural(removed.networksRemoved.length, 'network')}` };
    })
    .step(options.volumes ? 'Delete volumes (all data)' : 'Keep volumes', async (removed): Promise<Handoff<DownResult>> => {
      const volumes = (await runtime.listVolumes(labels)).map((volume) => volume.name);
      if (!options.volumes) {
        const summary = volumes.length > 0 ? `kept ${volumes.join(', ')} (use --volumes to delete the data)` : 'no volumes';
        return { value: { ...removed, volumesRemoved: [], volumesKept: volumes }, summary };
      }
      for (const volume of volumes) await runtime.removeVolume(volume);
      const securityRemoved = options.securityDirectory === undefined ? undefined : await forgetSecurityMaterial(options.securityDirectory);
      const deleted = [...volumes, ...(securityRemoved ? ['its passwords and certificates'] : [])];
      const summary = deleted.length > 0 ? `deleted ${deleted.join(', ')}` : 'no volumes';
      return { value: { ...removed, volumesRemoved: volumes, volumesKept: [], ...(securityRemoved ? { securityRemoved } : {}) }, summary };
    });
  return { lock: project, steps: done.steps, async onFailure() {}, result: () => done.result() };
}

/**
 * Each service stops while what it needs is still running: companions (their workers leave the
 * group and write their offsets through the brokers), then brokers (a controlled shutdown asks the
 * controller, or ZooKeeper, to move their leaders), then dedicated KRaft controllers, then
 * ZooKeeper. A stage's containers stop side by side. With a dedicated controller stopping beside the
 * brokers, a broker waited for it until killed: 3 brokers + 1 controller took 31 s once, 2.7 s in
 * stages. For a combined KRaft quorum, side by side was the fastest order measured (3 nodes: 7.9 s;
 * the quorum leader first 16.7 s; the leader last 35 s, killed: without a quorum its broker cannot
 * finish the controlled shutdown); the last voter standing always waits Kafka's 5 s for a successor.
 */
const stopStages: readonly ServiceRole[] = ['companion', 'broker', 'controller', 'zookeeper'];

async function stopContainers(runtime: ContainerRuntime, containers: readonly ContainerSummary[], timeoutSeconds: number): Promise<string> {
  const running = containers.filter((container) => container.state === 'running');
  // Any other container of the project (a smoke check's, or one an older kafka-dev labelled otherwise) stops with the brokers.
  const stageOf = (container: ContainerSummary): ServiceRole => {
    const role = container.labels[roleLabel] as ServiceRole | undefined;
    return role !== undefined && stopStages.includes(role) ? role : 'broker';
  };
  const stopped: string[] = [];
  for (const stage of stopStages) {
    const batch = running.filter((container) => stageOf(container) === stage);
    await Promise.all(batch.map((container) => runtime.stopContainer(container.id, timeoutSeconds)));
    if (batch.length > 0) stopped.push(batch.map((container) => container.name).join(', '));
  }
  return stopped.length > 0 ? `stopped ${stopped.join(', then ')}` : 'none running';
}
