import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, docker, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

/**
 * No message hidden or lost by a change of broker count: every broker keeps its node-id volume
 * across 1 -> 3 -> 1, a change that would take a partition offline is refused before anything
 * changes, and volumes named by earlier versions are copied to the node-id names.
 */
const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
const first = numbered('on-1-broker', 500);
const second = numbered('on-3-brokers', 300);
const allBrokers = ['localhost:9092', 'localhost:9093', 'localhost:9094'];

describe.each([
  { mode: 'zookeeper' as const, image: testImages.confluentKafka },
  { mode: 'kraft' as const, image: testImages.apacheKafka },
])('$mode: 1 -> 3 -> 1 brokers', ({ mode, image }) => {
  const project = uniqueProject(`topo-${mode.slice(0, 2)}`);
  const env = { KAFKA_DEV_KAFKA_IMAGE: image };
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env });
  const kafkaContainers = async () =>
    (await resourcesOf(project)).containers
      .filter((container) => container.Labels['dev.kafka-dev.role'] === 'broker')
      .map((container) => `${container.Labels['com.docker.compose.service']} ${container.Id} ${container.State}`)
      .sort();

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ mode });
  });
  afterAll(() => removeProject(project));

  test('500 messages on one broker are all readable on three', async () => {
    const one = await run('up', '--no-smoke');
    expect(one.exitCode, one.stderr + one.stdout).toBe(0);
    await produce('localhost:9092', 'test', first);

    const three = await run('up', '--brokers', '3', '--no-smoke');
    expect(three.exitCode, three.stderr + three.stdout).toBe(0);
    expect(three.stdout).toContain('test: unchanged');
    expect(await consume(allBrokers, 'test', first.length)).toEqual(first);
    await produce(allBrokers, 'test', second);
  });

  const addSpread = async () => {
    // One replica per partition, on brokers 1, 2 and 3: going back to one broker would take two partitions offline.
    const added = await run('topic', 'add', 'spread', '--partitions', '3', '--replication-factor', '1', '--brokers', '3');
    expect(added.exitCode, added.stderr + added.stdout).toBe(0);
  };
  const expectSpreadNamed = (output: string, outcome = '') => {
    const named = new Set(output.match(new RegExp(`spread-\\d \\(replicas on broker [23]\\)${outcome}`, 'g')));
    expect(named.size, output).toBe(2);
  };
  const expectAllBackOnOne = async () => {
    expect((await kafkaContainers()).map((line) => line.split(' ')[0])).toEqual(['kafka']);
    expect(await consume('localhost:9092', 'test', first.length + second.length)).toEqual([...first, ...second]);
    const { volumes } = await resourcesOf(project);
    // The removed brokers' volumes are kept: only `down --volumes` deletes them.
    expect(volumes.filter((volume) => /_broker-\d-data$/.test(volume))).toEqual([1, 2, 3].map((id) => `${project}_broker-${id}-data`));
  };

  if (mode === 'zookeeper') {
    test('going back to one broker while a topic has partitions only on brokers 2 and 3 is refused, and nothing changes', async () => {
      await addSpread();
      const before = await kafkaContainers();
      const refused = await run('up', '--brokers', '1', '--no-smoke');
      expect(refused.exitCode, refused.stderr + refused.stdout).toBe(2);
      expectSpreadNamed(refused.stderr, ': no replica would remain');
      expect(refused.stderr).toMatch(/brokers: got 1: spread-/);
      expect(refused.stderr).toContain("keep 'brokers: 3'");
      expect(refused.stderr).toContain('--force');
      expect(await kafkaContainers()).toEqual(before);
    });

    test('with --force it goes back to one broker, says which partitions are offline, and all 800 messages are there', async () => {
      const forced = await run('up', '--brokers', '1', '--force');
      expect(forced.exitCode, forced.stderr + forced.stdout).toBe(0);
      expectSpreadNamed(forced.stderr);
      expect(forced.stderr).toMatch(/forced: .* offline until brokers? [23]/);
      expect(forced.stdout).toContain('test: unchanged');
      await expectAllBackOnOne();
    });
  } else {
    test('with the stack down, starting one broker while the volumes of brokers 2 and 3 hold partitions is refused, and nothing is started', async () => {
      await addSpread();
      expect((await run('down')).exitCode).toBe(0);
      const refused = await run('up', '--brokers', '1', '--no-smoke');
      expect(refused.exitCode, refused.stderr + refused.stdout).toBe(2);
      expectSpreadNamed(refused.stderr, ': no replica would remain');
      expect(refused.stderr).toContain("keep 'brokers: 3'");
      expect((await resourcesOf(project)).containers).toEqual([]);
    });

    test('the fix the refusal names (back to three, delete the topic) lets it go back to one broker, and all 800 messages are there', async () => {
      const three = await run('up', '--brokers', '3', '--no-smoke');
      expect(three.exitCode, three.stderr + three.stdout).toBe(0);
      expect((await run('topic', 'delete', 'spread', '--yes', '--brokers', '3')).exitCode).toBe(0);
      // The full up, smoke check included: the removed brokers must not count as members any more.
      const one = await run('up', '--brokers', '1');
      expect(one.exitCode, one.stderr + one.stdout).toBe(0);
      await expectAllBackOnOne();
    });

    test('growing back to three onto the old volumes keeps what the node alone wrote: its topics and their messages', async () => {
      const alone = numbered('while-alone', 200);
      expect((await run('topic', 'add', 'alone')).exitCode).toBe(0);
      await produce('localhost:9092', 'alone', alone);
      const three = await run('up', '--brokers', '3', '--no-smoke');
      expect(three.exitCode, three.stderr + three.stdout).toBe(0);
      expect(three.stderr).toMatch(/then, once controllers? .*caught up/);
      expect(await consume(allBrokers, 'alone', alone.length)).toEqual(alone);
      expect(await consume(allBrokers, 'test', first.length + second.length)).toEqual([...first, ...second]);
    });
  }
});

describe('volumes of earlier versions', () => {
  const project = uniqueProject('topo-legacy');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd });
  const values = numbered('before-the-upgrade', 200);

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({});
  });
  afterAll(() => removeProject(project));

  test('a volume named for the service (kafka-data) is copied to broker-1-data and kept; every message is still there', async () => {
    expect((await run('up', '--no-smoke')).exitCode).toBe(0);
    await produce('localhost:9092', 'test', values);
    expect((await run('down')).exitCode).toBe(0);
    // The layout an earlier version left: the broker's data in `<project>_kafka-data`, labelled as it labelled it.
    const legacy = `${project}_kafka-data`;
    const labels = { 'com.docker.compose.project': project, 'com.docker.compose.volume': 'kafka-data', 'dev.kafka-dev.cluster': 'zookeeper' };
    await docker.createVolume({ Name: legacy, Labels: labels });
    await execa('docker', ['run', '--rm', '-v', `${project}_broker-1-data:/from`, '-v', `${legacy}:/var/lib/kafka/data`, '--entrypoint', 'sh', testImages.confluentKafka, '-c', 'cp -a /from/. /var/lib/kafka/data/']);
    await docker.getVolume(`${project}_broker-1-data`).remove();

    const upgraded = await run('up');
    expect(upgraded.exitCode, upgraded.stderr + upgraded.stdout).toBe(0);
    const output = upgraded.stderr + upgraded.stdout;
    expect(output).toContain(`copied ${legacy} -> ${project}_broker-1-data (node 1)`);
    expect(output).toContain(`docker volume rm ${legacy}`);
    expect(upgraded.stdout).toContain('test: unchanged');
    expect(await consume('localhost:9092', 'test', values.length)).toEqual(values);
    expect((await resourcesOf(project)).volumes).toContain(legacy);
  });
});
