import type { ServiceSpec } from '../model/stack.js';
import { configHash, configHashLabel, serviceLabels } from '../model/service-labels.js';

export { clusterIdentity, clusterLabel, configHash, nodeLabel, roleLabel, volumeLabels } from '../model/service-labels.js';

/** Docker Compose's own labels and names, so `docker compose -p NAME ps|logs|down` see what kafka-dev made. */
export const composeLabel = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  containerNumber: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
} as const;

/** The names Compose v2 gives a project's containers, default network and volumes: either tool finds what the other made. */
export const containerName = (project: string, service: string) => `${project}-${service}-1`;
export const networkName = (project: string) => `${project}_default`;
export const volumeName = (project: string, volume: string) => `${project}_${volume}`;

export const projectLabels = (project: string) => ({ [composeLabel.project]: project });

/** What `up` labels a container with: Compose's labels for the service, and kafka-dev's own. */
export function containerLabels(project: string, spec: ServiceSpec): Record<string, string> {
  return {
    ...projectLabels(project),
    [composeLabel.service]: spec.name,
    [composeLabel.containerNumber]: '1',
    [composeLabel.oneoff]: 'False',
    ...serviceLabels(spec),
  };
}

/**
 * Whether a container was made from this spec, by `up` or by Compose from the rendered file.
 * Containers of kafka-dev before configHashLabel carry the same hash in Compose's label; what
 * Compose itself puts there never matches, and its other labels do not count.
 */
export function madeFrom(labels: Readonly<Record<string, string>>, spec: ServiceSpec): boolean {
  return (labels[configHashLabel] ?? labels[composeLabel.configHash]) === configHash(spec);
}
