import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectClientAdmin } from '../../dist/kafka/client-admin.js';
import { describeClusterPlainly, describeTopicsPlainly } from '../../dist/kafka/plain-reads.js';
import { kafkaDev, projectDir, removeProject, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * kafka-dev reads a PLAINTEXT cluster with two requests of its own (Metadata v4, DescribeConfigs
 * v1) instead of the client library: on real brokers of both Kafka lines, what they read must be
 * what the client reads, topic settings changed after creation included.
 */
describe.each([
  { kafka: 'Kafka 3.9 (cp-kafka, ZooKeeper)', mode: 'zookeeper', brokers: 1, image: testImages.confluentKafka },
  { kafka: 'Kafka 4.x (apache/kafka, KRaft, 3 brokers)', mode: 'kraft', brokers: 3, image: testImages.apacheKafka },
] as const)('plain reads on $kafka', ({ mode, brokers, image }) => {
  const project = uniqueProject('plain-reads');
  const bootstrap = Array.from({ length: brokers }, (_, index) => `localhost:${9092 + index}`);
  const options = { timeoutMs: 5000, retries: 0 };
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: image } });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({
      mode,
      brokers,
      topics: [
        { name: 'orders', partitions: 3, config: { 'retention.ms': 3_600_000, 'cleanup.policy': 'compact' } },
        { name: 'plain', partitions: 1 },
      ],
    });
    const up = await run('up', '--no-smoke');
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
  });
  afterAll(() => removeProject(project));

  test('the cluster and every topic with its own settings read the same as through the client', async () => {
    const client = connectClientAdmin(bootstrap);
    try {
      // A setting changed after creation and one removed again: the broker's view, not the config's.
      await client.alterTopicConfig('orders', { 'max.message.bytes': '2000000', 'cleanup.policy': null });
      const [plainCluster, clientCluster, plainTopics, clientTopics, named] = await Promise.all([
        describeClusterPlainly(bootstrap, options),
        client.describeCluster(),
        describeTopicsPlainly(bootstrap, undefined, options),
        client.describeTopics(),
        describeTopicsPlainly(bootstrap, ['plain', 'missing'], options),
      ]);
      // A KRaft broker names some live broker as the controller, not necessarily the same one twice (the
      // quorum's leader comes from DescribeQuorum); with ZooKeeper it is the one controller.
      const { controllerId: plainController, ...plainRest } = plainCluster;
      const { controllerId: clientController, ...clientRest } = clientCluster;
      expect(plainRest).toEqual(clientRest);
      if (mode === 'zookeeper') expect(plainController).toBe(clientController);
      expect(plainCluster.brokers.map((broker) => broker.id)).toContain(plainController);
      expect(plainTopics).toEqual(clientTopics);
      expect(plainTopics.find((topic) => topic.name === 'orders')?.config).toEqual({ 'max.message.bytes': '2000000', 'retention.ms': '3600000' });
      expect(named.map((topic) => topic.name)).toEqual(['plain']);
    } finally {
      await client.close();
    }
  });

  test('up on the unchanged stack reads the changed setting back and restores the declared one', async () => {
    const again = await run('up', '--no-smoke');
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toMatch(/orders: cleanup\.policy: \(default\) -> compact; max\.message\.bytes: 2000000 -> \(default\)/);
    const [orders] = await describeTopicsPlainly(bootstrap, ['orders'], options);
    expect(orders?.config).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '3600000' });
  });
});
