import type { ResolvedConfig } from '../model/types.js';
import type { NamedResource } from './runtime.js';
import { clusterIdentity, clusterLabel } from './labels.js';

/**
 * Volumes that hold another cluster's data (another mode or cluster id): Kafka refuses such data
 * (InconsistentClusterIdException), so `up` stops and `doctor` fails on them. Unlabelled volumes pass.
 */
export function foreignVolumes<Volume extends NamedResource>(
  config: Pick<ResolvedConfig, 'mode' | 'clusterId'>,
  volumes: readonly Volume[],
): Volume[] {
  const expected = clusterIdentity(config);
  return volumes.filter((volume) => volume.labels[clusterLabel] && volume.labels[clusterLabel] !== expected);
}
