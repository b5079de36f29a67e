import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, docker, kafkaDev, produce, projectDir, removeProject, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * Three brokers in each mode, a topic with replication factor 3 and min.insync.replicas=2:
 * one broker is killed, acks=all traffic goes on over the other two, and `up` repairs the cluster.
 */
describe.each([
  { mode: 'zookeeper' as const, image: testImages.confluentKafka },
  { mode: 'kraft' as const, image: testImages.apacheKafka },
])('a 3-broker $mode cluster', ({ mode, image }) => {
  const project = uniqueProject(`fail-${mode.slice(0, 2)}`);
  const allBrokers = ['localhost:9092', 'localhost:9093', 'localhost:9094'];
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: image } });
  const statusOf = async () => JSON.parse((await run('status', '--json')).stdout);

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({
      mode,
      brokers: 3,
      topics: [{ name: 'replicated', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
    });
  });
  afterAll(() => removeProject(project));

  test('up starts three brokers that each answer, with an active controller', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('from the host:      localhost:9092,localhost:9093,localhost:9094');
    const status = await statusOf();
    expect(status.healthy).toBe(true);
    expect(status.services.filter((s: { role: string }) => s.role === 'broker')).toHaveLength(3);
    expect([1, 2, 3]).toContain(status.activeController);
    await produce(allBrokers, 'replicated', ['before-1', 'before-2', 'before-3']);
  });

  test('with one broker killed, acks=all produce and consume still work, and status shows it', async () => {
    await docker.getContainer(`${project}-kafka-2-1`).kill();
    const survivors = ['localhost:9092', 'localhost:9094'];
    await produce(survivors, 'replicated', ['during-1', 'during-2', 'during-3']);
    expect((await consume(survivors, 'replicated', 6)).sort()).toEqual(
      ['before-1', 'before-2', 'before-3', 'during-1', 'during-2', 'during-3'].sort(),
    );
    const smoke = await run('smoke');
    expect(smoke.exitCode, smoke.stderr + smoke.stdout).toBe(0);
    const status = await statusOf();
    expect(status.healthy).toBe(false);
    expect(status.services.find((s: { service: string }) => s.service === 'kafka-2')).toMatchObject({ state: 'exited', health: 'stopped', inSync: null });
    // The survivors are in sync among themselves once the dead broker has left the ISRs.
    await expect.poll(async () => (await statusOf()).services.filter((s: { inSync: boolean | null }) => s.inSync === false).length, { timeout: 60_000, interval: 2000 }).toBe(0);
  });

  test('up brings the broker back; status shows it healthy and, once it caught up, in sync again', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('start kafka-2');
    expect((await statusOf()).healthy).toBe(true);
    const kafka2 = async () => (await statusOf()).services.find((s: { service: string }) => s.service === 'kafka-2');
    await expect.poll(async () => (await kafka2()).inSync, { timeout: 90_000, interval: 2000 }).toBe(true);
  });

  test('down stops all three brokers cleanly: none is killed at the stop timeout', async () => {
    const exits = new Map<string, string>();
    const events = await docker.getEvents({ filters: { event: ['die'], label: [`com.docker.compose.project=${project}`] } });
    createInterface({ input: events }).on('line', (line) => {
      const { Actor } = JSON.parse(line) as { Actor: { Attributes: Record<string, string> } };
      exits.set(Actor.Attributes.name!, Actor.Attributes.exitCode!);
    });
    try {
      expect((await run('down', '--volumes')).exitCode).toBe(0);
      const brokers = [1, 2, 3].map((id) => `${project}-kafka-${id}-1`);
      // 143: the JVM ended on SIGTERM; 137 would be Docker's SIGKILL at the stop timeout.
      await expect.poll(() => brokers.map((name) => exits.get(name)), { timeout: 5000 }).toEqual(['143', '143', '143']);
    } finally {
      (events as Readable).destroy();
    }
  });
});
