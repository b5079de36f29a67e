import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** The default stack, driven through the CLI exactly as a user types it. */
describe('kafka-dev up / status / down on the built-in defaults', () => {
  const project = uniqueProject('life');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({});
  });
  afterAll(() => removeProject(project));

  test('up starts ZooKeeper and a broker that answer, and creates the default topic', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('Kafka is ready');
    expect(result.stdout).toContain('localhost:9092');
    expect(result.stdout).toContain('kafka:9093');

    const { containers, networks, volumes } = await resourcesOf(project);
    expect(containers.map((container) => container.Labels['com.docker.compose.service']).sort()).toEqual(['kafka', 'zookeeper']);
    expect(containers.every((container) => container.State === 'running')).toBe(true);
    expect(networks).toEqual([`${project}_default`]);
    expect(volumes).toEqual([`${project}_broker-1-data`, `${project}_zookeeper-data`, `${project}_zookeeper-log`]);
    for (const container of containers) {
      for (const port of container.Ports.filter((p) => p.PublicPort)) expect(port.IP).toBe('127.0.0.1');
      expect(container.Mounts.map((mount) => mount.Source ?? '')).not.toContain('/var/run/docker.sock');
    }
  });

  test('status --json reports every service healthy with both bootstrap lists', async () => {
    const result = await run('status', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({
      project,
      healthy: true,
      bootstrapServers: { host: ['localhost:9092'], containers: ['kafka:9093'] },
    });
    expect(status.services.map((s: { service: string; health: string }) => [s.service, s.health])).toEqual([
      ['zookeeper', 'healthy'],
      ['kafka', 'healthy'],
    ]);
  });

  test('a second project on the same ports is refused, naming the containers that hold them', async () => {
    const rival = uniqueProject('rival');
    try {
      const result = await kafkaDev(['up', '--project-name', rival], { cwd });
      expect(result.exitCode).toBe(4);
      expect(result.stderr).toContain(`port 2181 on 127.0.0.1 (for zookeeper, set by 'zookeeper.port') is taken by container '${project}-zookeeper-1'`);
      expect(result.stderr).toContain(`port 9092 on 127.0.0.1 (for kafka, set by 'listeners.outside.port') is taken by container '${project}-kafka-1'`);
      expect(await resourcesOf(rival)).toEqual({ containers: [], networks: [], volumes: [] });
    } finally {
      await removeProject(rival);
    }
  });

  test('a Kafka client on the host produces and consumes through localhost:9092', async () => {
    const values = Array.from({ length: 20 }, (_, index) => `lifecycle-${index}`);
    await produce('localhost:9092', 'test', values);
    expect(await consume('localhost:9092', 'test', values.length)).toEqual(values);
  });

  test('a second up with the same config recreates nothing', async () => {
    const before = (await resourcesOf(project)).containers.map((container) => container.Id).sort();
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('nothing to change');
    expect((await resourcesOf(project)).containers.map((container) => container.Id).sort()).toEqual(before);
  });

  test('down removes containers and network, keeps the volumes, and status then says stopped', async () => {
    const result = await run('down');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const { containers, networks, volumes } = await resourcesOf(project);
    expect(containers).toEqual([]);
    expect(networks).toEqual([]);
    expect(volumes).toHaveLength(3);

    const status = await run('status', '--json');
    expect(status.exitCode).toBe(1);
    expect(JSON.parse(status.stdout).services.every((s: { state: string }) => s.state === 'missing')).toBe(true);
  });

  test('down --volumes deletes the data volumes', async () => {
    const result = await run('down', '--volumes');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('deleted');
    expect((await resourcesOf(project)).volumes).toEqual([]);
  });
});
