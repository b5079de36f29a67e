import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

/**
 * --kafka-version on the two Kafka lines kafka-dev runs: 3.9 in ZooKeeper mode (the cp-kafka
 * stand-in) and 4.4 in KRaft mode (the apache/kafka stand-in). One config with a topic setting
 * that Kafka 4 removed: the 3.9 broker takes it, and on 4.4 it is refused before anything starts.
 */
const legacyTopic = { name: 'legacy', partitions: 1, config: { 'message.downconversion.enable': true } };

describe('Kafka versions chosen with --kafka-version', () => {
  const project = uniqueProject('versions');
  let cwd: string;
  const run = (env: Record<string, string>, ...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env });
  const kafka39 = { KAFKA_DEV_KAFKA_IMAGE: testImages.confluentKafka };
  const kafka44 = { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka };

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ topics: [legacyTopic] });
    await writeFile(`${cwd}/kraft.json`, JSON.stringify({ topics: [{ name: 'events' }] }));
  });
  afterAll(() => removeProject(project));

  test('3.9 in ZooKeeper mode: up takes the topic setting 4.x removed, smoke and down pass', async () => {
    const up = await run(kafka39, 'up', '--kafka-version', '3.9');
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
    const { containers } = await resourcesOf(project);
    expect(containers.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual(['kafka', 'zookeeper']);
    expect(containers.find((c) => c.Labels['com.docker.compose.service'] === 'kafka')!.Image).toBe(testImages.confluentKafka);
    await produce('localhost:9092', 'legacy', ['on-3.9']);
    expect(await consume('localhost:9092', 'legacy', 1)).toEqual(['on-3.9']);
    const smoke = await run(kafka39, 'smoke', '--kafka-version', '3.9');
    expect(smoke.exitCode, smoke.stderr + smoke.stdout).toBe(0);
    const down = await run(kafka39, 'down', '--volumes', '--kafka-version', '3.9');
    expect(down.exitCode, down.stderr + down.stdout).toBe(0);
    expect((await resourcesOf(project)).containers).toEqual([]);
  });

  test('4.4 in KRaft mode: the same config is refused before anything starts, naming the setting and both versions', async () => {
    const refused = await run(kafka44, 'up', '--mode', 'kraft', '--kafka-version', '4.4');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/message\.downconversion\.enable: exists in Kafka 3\.9 but not in 4\.4, which this config runs/);
    expect((await resourcesOf(project)).containers).toEqual([]);
  });

  test('a version the environment image does not run is refused, naming the variable and both versions', async () => {
    const refused = await run(kafka44, 'render', '--mode', 'kraft', '--kafka-version', '3.9', '--config', 'kraft.json');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/KAFKA_DEV_KAFKA_IMAGE: got '.+' \(from the environment\), which runs Kafka 4\.4, but kafkaVersion asks for '3\.9'/);
  });

  test('4.4 in KRaft mode: up, smoke and down pass on the apache/kafka 4.4 image', async () => {
    const config = ['--config', 'kraft.json', '--mode', 'kraft', '--kafka-version', '4.4'];
    const up = await run(kafka44, 'up', ...config);
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
    const { containers } = await resourcesOf(project);
    expect(containers.map((c) => c.Image)).toEqual([testImages.apacheKafka]);
    const status = JSON.parse((await run(kafka44, 'status', '--json', ...config)).stdout);
    expect(status).toMatchObject({ mode: 'kraft', healthy: true });
    const smoke = await run(kafka44, 'smoke', ...config);
    expect(smoke.exitCode, smoke.stderr + smoke.stdout).toBe(0);
    const down = await run(kafka44, 'down', '--volumes', ...config);
    expect(down.exitCode, down.stderr + down.stdout).toBe(0);
    expect((await resourcesOf(project)).containers).toEqual([]);
  });
});
