import { nodeVolumeOwner, zookeeperService } from '../model/stack.js';
import { KafkaDevError } from '../base/errors.js';
import type { ContainerRuntime, NamedResource } from './runtime.js';
import { composeLabel, volumeName } from './labels.js';

/**
 * Kafka data volumes as Docker holds them: which node a volume belongs to (its `meta.properties`)
 * and which partitions it has, read in a throwaway container; and the move of volumes named by
 * earlier versions for their service (`kafka-data`, `kafka-2-data`) to the node-id names
 * (`broker-1-data`), by copying: the old volume is kept until the user deletes it.
 */
export interface VolumeContents {
  /** `broker.id` / `node.id` of `meta.properties`; undefined when the volume holds no Kafka data. */
  readonly nodeId?: number;
  /** Partition directories (`topic-N`), internal topics (`__...`) left out. */
  readonly partitions: readonly { readonly topic: string; readonly partition: number }[];
}

const mountRoot = '/kafka-dev/volumes';
const sectionMark = '== ';
const listingMark = '--';
// Per volume: a header, meta.properties, a separator, then the top-level entries.
const listingScript = `for v in ${mountRoot}/*; do echo "${sectionMark}\${v##*/}"; cat "$v/meta.properties" 2>/dev/null; echo "${listingMark}"; ls -1 "$v"; done`;

/** Reads every given volume (project-prefixed names) in one throwaway container of `image`, without a network. */
export async function readVolumes(runtime: ContainerRuntime, image: string, volumes: readonly string[]): Promise<Map<string, VolumeContents>> {
  if (volumes.length === 0) return new Map();
  const result = await runtime.runContainer({
    name: `kafka-dev-read-volumes-${Date.now().toString(36)}`,
    image,
    command: ['sh', '-c', listingScript],
    network: 'none',
    labels: {},
    mounts: volumes.map((volume) => ({ source: volume, target: `${mountRoot}/${volume}` })),
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) {
    throw new KafkaDevError(`Could not read the volumes ${volumes.join(', ')} with image ${image} (exit code ${result.exitCode}): ${result.stderr.trim().slice(-300)}`, {
      hint: `Check that the image runs 'sh' ('docker run --rm --entrypoint sh ${image} -c true'); 'docker volume inspect' shows the volumes.`,
    });
  }
  return parseVolumeListing(result.stdout);
}

export function parseVolumeListing(text: string): Map<string, VolumeContents> {
  const contents = new Map<string, VolumeContents>();
  for (const section of text.split(new RegExp(`^${sectionMark}`, 'm')).slice(1)) {
    const [header = '', ...lines] = section.split('\n');
    const separator = lines.indexOf(listingMark);
    const properties = lines.slice(0, separator);
    const idLine = properties.map((line) => /^(?:broker|node)\.id=(\d+)\s*$/.exec(line)).find(Boolean);
    const partitions = lines.slice(separator + 1).flatMap((entry) => {
      const match = /^(.+)-(\d+)$/.exec(entry.trim());
      return match && !match[1]!.startsWith('__') ? [{ topic: match[1]!, partition: Number(match[2]) }] : [];
    });
    contents.set(header.trim(), { ...(idLine && { nodeId: Number(idLine[1]) }), partitions });
  }
  return contents;
}

/** Replicas as the volumes hold them: per partition, the nodes whose volume has its directory. */
export function partitionsOnDisk(contents: Iterable<VolumeContents>): { topic: string; partition: number; replicas: number[] }[] {
  const byPartition = new Map<string, { topic: string; partition: number; replicas: number[] }>();
  for (const { nodeId, partitions } of contents) {
    if (nodeId === undefined) continue;
    for (const { topic, partition } of partitions) {
      const key = `${topic}\u0000${partition}`;
      const entry = byPartition.get(key) ?? { topic, partition, replicas: [] };
      entry.replicas.push(nodeId);
      byPartition.set(key, entry);
    }
  }
  return [...byPartition.values()];
}

export interface VolumeCopy {
  readonly nodeId: number;
  /** Project-prefixed names. */
  readonly from: string;
  readonly to: string;
  /** Compose service that mounted the old volume (the earlier versions named volumes for it). */
  readonly oldService: string;
  /** Where the Kafka image keeps this volume's data (its ownership comes from the image there). */
  readonly target: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Project volumes the node-id scheme does not name (neither `broker-N-`, `controller-N-` nor ZooKeeper's): made by earlier versions. */
export function legacyVolumes(project: string, volumes: readonly NamedResource[]): NamedResource[] {
  return volumes.filter((volume) => {
    const short = volume.name.slice(`${project}_`.length);
    const [, owner, id] = /^((?:broker|controller)-(\d+))-/.exec(short) ?? [];
    return owner !== nodeVolumeOwner(Number(id)) && !short.startsWith(`${zookeeperService}-`);
  });
}

/** `dataVolumes`: the flavor's Kafka volumes, suffix -> path in the container. */
export function planVolumeMigration(
  project: string,
  volumes: readonly NamedResource[],
  contents: ReadonlyMap<string, VolumeContents>,
  dataVolumes: Readonly<Record<string, string>>,
): VolumeCopy[] {
  const existing = new Set(volumes.map((volume) => volume.name));
  return legacyVolumes(project, volumes).flatMap((volume): VolumeCopy[] => {
    const nodeId = contents.get(volume.name)?.nodeId;
    const short = volume.name.slice(`${project}_`.length);
    const suffix = Object.keys(dataVolumes).find((candidate) => short.endsWith(`-${candidate}`));
    if (nodeId === undefined || suffix === undefined) return [];
    const newVolume = `${nodeVolumeOwner(nodeId)}-${suffix}`;
    const to = volumeName(project, newVolume);
    if (existing.has(to)) return [];
    existing.add(to);
    return [
      {
        nodeId,
        from: volume.name,
        to,
        oldService: short.slice(0, -(suffix.length + 1)),
        target: dataVolumes[suffix]!,
        labels: { ...volume.labels, [composeLabel.volume]: newVolume },
      },
    ];
  });
}

/** Creates the new volume with the old one's labels (its cluster too) and copies everything over, owners and modes kept. */
export async function copyVolume(runtime: ContainerRuntime, image: string, copy: VolumeCopy): Promise<void> {
  await runtime.createVolume(copy.to, copy.labels);
  const source = '/kafka-dev/from';
  const result = await runtime.runContainer({
    name: `kafka-dev-copy-volume-${Date.now().toString(36)}`,
    image,
    command: ['sh', '-c', `cp -a ${source}/. ${copy.target}/`],
    network: 'none',
    labels: {},
    mounts: [
      { source: copy.from, target: source },
      { source: copy.to, target: copy.target },
    ],
    timeoutMs: 600_000,
  });
  if (result.exitCode !== 0) {
    await runtime.removeVolume(copy.to);
    throw new KafkaDevError(`Could not copy volume ${copy.from} to ${copy.to} (exit code ${result.exitCode}): ${result.stderr.trim().slice(-300)}`, {
      hint: `Nothing was lost: ${copy.from} is unchanged. Check free disk space ('docker system df') and run 'kafka-dev up' again.`,
    });
  }
}

export function describeMigration(copies: readonly VolumeCopy[]): string {
  if (copies.length === 0) return 'no volumes of earlier versions';
  const moved = copies.map((copy) => `${copy.from} -> ${copy.to} (node ${copy.nodeId})`).join(', ');
  return `copied ${moved}; the old volume${copies.length === 1 ? ' is' : 's are'} kept: delete with 'docker volume rm ${copies.map((copy) => copy.from).join(' ')}' once you no longer need ${copies.length === 1 ? 'it' : 'them'}`;
}
