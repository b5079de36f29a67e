import { describe, expect, test } from 'vitest';
import type { ContainerRuntime, RunRequest, RunResult } from '../../../src/engine/runtime.js';
import {
  copyVolume,
  describeMigration,
  parseVolumeListing,
  partitionsOnDisk,
  planVolumeMigration,
  readVolumes,
  type VolumeContents,
} from '../../../src/engine/volume-migration.js';

/** Only what these functions call: volumes and throwaway containers, recorded. */
function fakeRuntime(answer: (request: RunRequest) => Partial<RunResult>) {
  const calls: string[] = [];
  const runs: RunRequest[] = [];
  const runtime = {
    async createVolume(name: string, labels: Record<string, string>) {
      calls.push(`create ${name} ${JSON.stringify(labels)}`);
    },
    async removeVolume(name: string) {
      calls.push(`remove ${name}`);
    },
    async runContainer(request: RunRequest): Promise<RunResult> {
      runs.push(request);
      calls.push(`run ${request.command.join(' ')}`);
      return { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...answer(request) };
    },
  } as unknown as ContainerRuntime;
  return { runtime, calls, runs };
}

const listing = [
  '== demo_kafka-data',
  '#Tue Dec 01 10:00:00 UTC 2026',
  'cluster.id=abc',
  'version=0',
  'broker.id=1',
  '--',
  'cleaner-offset-checkpoint',
  'meta.properties',
  'test-0',
  'orders-11',
  '__consumer_offsets-0',
  'kafka-dev-smoke-x-outside-0.5f2d-delete',
  '== demo_controller-1-data',
  'node.id=101',
  'directory.id=xyz',
  '--',
  '__cluster_metadata-0',
  '== demo_empty',
  '--',
  '',
].join('\n');

const labelsOf = (volume: string) => ({ 'com.docker.compose.project': 'demo', 'com.docker.compose.volume': volume, 'dev.kafka-dev.cluster': 'zookeeper' });
const volume = (short: string) => ({ name: `demo_${short}`, labels: labelsOf(short) });
const dataVolumes = { data: '/var/lib/kafka/data' };

describe('volume contents', () => {
  test('meta.properties names the node (broker.id or node.id); partition directories, internal and deleted ones left out', () => {
    expect(parseVolumeListing(listing)).toEqual(
      new Map<string, VolumeContents>([
        ['demo_kafka-data', { nodeId: 1, partitions: [{ topic: 'test', partition: 0 }, { topic: 'orders', partition: 11 }] }],
        ['demo_controller-1-data', { nodeId: 101, partitions: [] }],
        ['demo_empty', { partitions: [] }],
      ]),
    );
  });

  test('all volumes are read in one throwaway container of the Kafka image, without a network', async () => {
    const { runtime, runs } = fakeRuntime(() => ({ stdout: listing }));
    const contents = await readVolumes(runtime, 'cp-kafka:7.9', ['demo_kafka-data', 'demo_controller-1-data']);
    expect(contents.get('demo_kafka-data')?.nodeId).toBe(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      image: 'cp-kafka:7.9',
      network: 'none',
      mounts: [
        { source: 'demo_kafka-data', target: '/kafka-dev/volumes/demo_kafka-data' },
        { source: 'demo_controller-1-data', target: '/kafka-dev/volumes/demo_controller-1-data' },
      ],
    });
  });

  test('a failed read names the volumes, the image and what the container said', async () => {
    const { runtime } = fakeRuntime(() => ({ exitCode: 126, stderr: 'sh: not found' }));
    await expect(readVolumes(runtime, 'odd:1', ['demo_kafka-data'])).rejects.toThrow(
      'Could not read the volumes demo_kafka-data with image odd:1 (exit code 126): sh: not found',
    );
  });

  test('replicas on disk: per partition, every node whose volume holds its directory', () => {
    expect(
      partitionsOnDisk([
        { nodeId: 1, partitions: [{ topic: 'orders', partition: 0 }] },
        { nodeId: 2, partitions: [{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }] },
        { partitions: [{ topic: 'stray', partition: 0 }] },
      ]),
    ).toEqual([
      { topic: 'orders', partition: 0, replicas: [1, 2] },
      { topic: 'orders', partition: 1, replicas: [2] },
    ]);
  });
});

describe('planVolumeMigration', () => {
  const contents = new Map<string, VolumeContents>([
    ['demo_kafka-data', { nodeId: 1, partitions: [] }],
    ['demo_kafka-2-data', { nodeId: 2, partitions: [] }],
    ['demo_controller-1-data', { nodeId: 101, partitions: [] }],
    ['demo_notes', { partitions: [] }],
  ]);

  test('volumes named for the service move to the node-id name, labelled like the old one', () => {
    const volumes = ['kafka-data', 'kafka-2-data', 'controller-1-data', 'notes', 'zookeeper-data', 'broker-3-data'].map(volume);
    expect(planVolumeMigration('demo', volumes, contents, dataVolumes)).toEqual([
      { nodeId: 1, from: 'demo_kafka-data', to: 'demo_broker-1-data', oldService: 'kafka', target: '/var/lib/kafka/data', labels: labelsOf('broker-1-data') },
      { nodeId: 2, from: 'demo_kafka-2-data', to: 'demo_broker-2-data', oldService: 'kafka-2', target: '/var/lib/kafka/data', labels: labelsOf('broker-2-data') },
      {
        nodeId: 101,
        from: 'demo_controller-1-data',
        to: 'demo_controller-101-data',
        oldService: 'controller-1',
        target: '/var/lib/kafka/data',
        labels: labelsOf('controller-101-data'),
      },
    ]);
  });

  test('a node whose node-id volume exists already is not copied again', () => {
    expect(planVolumeMigration('demo', [volume('kafka-data'), volume('broker-1-data')], contents, dataVolumes)).toEqual([]);
  });
});

describe('copyVolume', () => {
  const copy = planVolumeMigration('demo', [volume('kafka-data')], new Map([['demo_kafka-data', { nodeId: 1, partitions: [] }]]), dataVolumes)[0]!;

  test('creates the labelled volume, then copies with owners and modes kept, mounted where the image keeps its data', async () => {
    const { runtime, calls, runs } = fakeRuntime(() => ({}));
    await copyVolume(runtime, 'cp-kafka:7.9', copy);
    expect(calls).toEqual([`create demo_broker-1-data ${JSON.stringify(labelsOf('broker-1-data'))}`, 'run sh -c cp -a /kafka-dev/from/. /var/lib/kafka/data/']);
    expect(runs[0]!.mounts).toEqual([
      { source: 'demo_kafka-data', target: '/kafka-dev/from' },
      { source: 'demo_broker-1-data', target: '/var/lib/kafka/data' },
    ]);
  });

  test('a failed copy removes the half-filled new volume and says the old one is unchanged', async () => {
    const { runtime, calls } = fakeRuntime(() => ({ exitCode: 1, stderr: 'cp: No space left on device' }));
    const failure = copyVolume(runtime, 'cp-kafka:7.9', copy);
    await expect(failure).rejects.toThrow('Could not copy volume demo_kafka-data to demo_broker-1-data (exit code 1): cp: No space left on device');
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('demo_kafka-data is unchanged') });
    expect(calls.at(-1)).toBe('remove demo_broker-1-data');
  });

  test('the summary says what was copied and how to delete the old volumes', () => {
    expect(describeMigration([copy])).toBe(
      "copied demo_kafka-data -> demo_broker-1-data (node 1); the old volume is kept: delete with 'docker volume rm demo_kafka-data' once you no longer need it",
    );
  });
});
