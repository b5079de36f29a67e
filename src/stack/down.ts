import type { Operation } from './steps.js';
import type { ContainerRuntime, ContainerSummary } from '../engine/runtime.js';
import { projectLabels, roleLabel } from '../engine/labels.js';

export interface DownOptions {
  /** Also delete the project's volumes, and with them all Kafka and ZooKeeper data. */
  volumes?: boolean;
  /** Seconds each container gets to shut down cleanly before it is killed. Default 30. */
  stopTimeoutSeconds?: number;
}

/**
 * Longer than Docker's 10 s: KRaft nodes stopping together take 7-10 s (the broker waits for the
 * controller to approve its controlled shutdown, then the quorum leader waits 5 s for a successor),
 * and a broker killed mid-shutdown recovers its logs at the next start. Stops end as soon as they can.
 */
export const defaultStopTimeoutSeconds = 30;

export interface DownResult {
  readonly project: string;
  readonly containersRemoved: readonly string[];
  readonly networksRemoved: readonly string[];
  readonly volumesRemoved: readonly string[];
  readonly volumesKept: readonly string[];
}

/**
 * `down`: brokers stop first (a controlled shutdown needs ZooKeeper), then ZooKeeper; then the
 * containers and network go. Volumes stay unless asked, so data survives `down` + `up`.
 */
export function downOperation(project: string, runtime: ContainerRuntime, options: DownOptions = {}): Operation<DownResult> {
  const stopTimeout = options.stopTimeoutSeconds ?? defaultStopTimeoutSeconds;
  const labels = projectLabels(project);
  let containers: ContainerSummary[] = [];
  const result = {
    project,
    containersRemoved: [] as string[],
    networksRemoved: [] as string[],
    volumesRemoved: [] as string[],
    volumesKept: [] as string[],
  };
  const stop = async (batch: ContainerSummary[]) => {
    await Promise.all(batch.map((container) => runtime.stopContainer(container.id, stopTimeout)));
  };

  return {
    lock: project,
    steps: [
      {
        title: 'Connect to the Docker engine',
        async run() {
          const info = await runtime.info();
          containers = await runtime.listContainers(labels);
          return `Docker ${info.version}; ${containers.length} container(s) in project ${project}`;
        },
      },
      {
        title: 'Stop containers',
        async run() {
          const running = containers.filter((container) => container.state === 'running');
          const zookeepers = running.filter((container) => container.labels[roleLabel] === 'zookeeper');
          await stop(running.filter((container) => !zookeepers.includes(container)));
          await stop(zookeepers);
          return running.length > 0 ? `stopped ${running.map((c) => c.name).join(', ')}` : 'none running';
        },
      },
      {
        title: 'Remove containers and network',
        async run() {
          for (const container of containers) {
            await runtime.removeContainer(container.id);
            result.containersRemoved.push(container.name);
          }
          for (const network of await runtime.listNetworks(labels)) {
            await runtime.removeNetwork(network.name);
            result.networksRemoved.push(network.name);
          }
          return `${result.containersRemoved.length} container(s), ${result.networksRemoved.length} network(s)`;
        },
      },
      {
        title: options.volumes ? 'Delete volumes (all data)' : 'Keep volumes',
        async run() {
          const volumes = (await runtime.listVolumes(labels)).map((volume) => volume.name);
          if (!options.volumes) {
            result.volumesKept.push(...volumes);
            return volumes.length > 0 ? `kept ${volumes.join(', ')} (use --volumes to delete the data)` : 'no volumes';
          }
          for (const volume of volumes) {
            await runtime.removeVolume(volume);
            result.volumesRemoved.push(volume);
          }
          return volumes.length > 0 ? `deleted ${volumes.join(', ')}` : 'no volumes';
        },
      },
    ],
    async onFailure() {},
    result: async () => result,
  };
}
