import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, exitCodesDuring, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

/** KRaft single node, on Kafka 4.x (apache/kafka contract) and on Kafka 3.9 (cp-kafka contract). */
describe.each([
  { kafka: 'Kafka 4.x, apache/kafka image', image: testImages.apacheKafka, flavor: 'apache' },
  { kafka: 'Kafka 3.9, cp-kafka image', image: testImages.confluentKafka, flavor: 'confluent' },
])('KRaft single node on $kafka', ({ image }) => {
  const project = uniqueProject('kraft');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: image } });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ mode: 'kraft', topics: [{ name: 'events', partitions: 2 }] });
  });
  afterAll(() => removeProject(project));

  test('up starts one combined broker+controller without ZooKeeper; clients on the host round-trip', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const { containers } = await resourcesOf(project);
    expect(containers.map((c) => c.Labels['com.docker.compose.service'])).toEqual(['kafka']);
    expect(containers[0]!.Image).toBe(image);

    const values = ['k1', 'k2', 'k3'];
    await produce('localhost:9092', 'events', values);
    expect((await consume('localhost:9092', 'events', 3)).sort()).toEqual(values);

    const status = JSON.parse((await run('status', '--json')).stdout);
    expect(status).toMatchObject({ mode: 'kraft', healthy: true, activeController: 1 });
  });

  test('data and cluster id survive down and up', async () => {
    expect((await run('down')).exitCode).toBe(0);
    const again = await run('up');
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect((await consume('localhost:9092', 'events', 3)).sort()).toEqual(['k1', 'k2', 'k3']);
  });

  test('volumes of another cluster id are refused with the fix, and nothing changes', async () => {
    expect((await run('down')).exitCode).toBe(0);
    await writeFile(`${cwd}/other.json`, JSON.stringify({ mode: 'kraft', clusterId: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    const refused = await kafkaDev(['up', '-p', project, '--config', 'other.json'], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: image } });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/clusterId: volume .* holds data of cluster 'kraft:[\w-]{22}', but this config runs 'kraft:AAAAAAAAAAAAAAAAAAAAAA'; start fresh with 'kafka-dev down --volumes'/);
    expect((await resourcesOf(project)).containers).toEqual([]);
    expect((await run('down', '--volumes')).exitCode).toBe(0);
  });
});

/** Two brokers and a dedicated controller: the brokers' controlled shutdown needs the controller, so it stops after them. */
describe('KRaft with a dedicated controller', () => {
  const project = uniqueProject('kraft-controller');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka } });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ mode: 'kraft', brokers: 2, controllers: 1, topics: [{ name: 'events', partitions: 2 }] });
  });
  afterAll(() => removeProject(project));

  test('up starts two brokers and the controller; down stops every node cleanly (none killed), and the data is there after up', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const { containers } = await resourcesOf(project);
    expect(containers.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual(['controller', 'kafka-1', 'kafka-2']);
    await produce('localhost:9092', 'events', ['c1', 'c2']);

    let down: Awaited<ReturnType<typeof run>> | undefined;
    const exitCodes = await exitCodesDuring(project, async () => (down = await run('down')));
    expect(down!.exitCode, down!.stderr).toBe(0);
    expect(Object.keys(exitCodes).sort()).toEqual(['controller', 'kafka-1', 'kafka-2']);
    // 143: the JVM ended on SIGTERM after its shutdown hooks ran; 137 would be the engine's kill after the stop timeout.
    expect(Object.values(exitCodes).filter((code) => code === 137)).toEqual([]);

    const again = await run('up');
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect((await consume('localhost:9092', 'events', 2)).sort()).toEqual(['c1', 'c2']);
  });
});
