import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** Bad situations get a clear error, a distinct exit code, and leave nothing behind in Docker. */
describe('up refuses to start, and creates nothing, when', () => {
  const project = uniqueProject('refuse');
  const nothingCreated = async () => expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });

  beforeAll(requireDocker);
  afterAll(() => removeProject(project));

  test('the OUTSIDE port is taken by another process', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(19192, '127.0.0.1', resolve));
    try {
      const cwd = await projectDir({ listeners: { outside: { port: 19192 } }, zookeeper: { port: 12191 } });
      const result = await kafkaDev(['up', '-p', project], { cwd });
      expect(result.exitCode).toBe(4);
      expect(result.stderr).toMatch(/port 19192 on 127\.0\.0\.1 \(for kafka, set by 'listeners\.outside\.port'\) is taken by process node \(pid \d+\)/);
      await nothingCreated();
    } finally {
      server.close();
    }
  });

  test('the image is missing and cannot be pulled', async () => {
    const cwd = await projectDir({ images: { kafka: 'kafka-dev-e2e/does-not-exist:1' } });
    const result = await kafkaDev(['up', '-p', project], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: '' } });
    expect(result.exitCode).toBe(5);
    expect(result.stderr).toContain('Image kafka-dev-e2e/does-not-exist:1 is not on this machine and pulling it failed');
    expect(result.stderr).toContain("docker pull kafka-dev-e2e/does-not-exist:1");
    await nothingCreated();
  });

  test('the config is invalid', async () => {
    const cwd = await projectDir({ brokers: 2, topics: [{ name: 'orders', replicationFactor: 3 }] } as never);
    const result = await kafkaDev(['up', '-p', project], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('topics[0].replicationFactor: got 3, but the cluster has 2 brokers; expected at most 2');
    await nothingCreated();
  });

  test('no Docker engine answers', async () => {
    const cwd = await projectDir({});
    const result = await kafkaDev(['up', '-p', project], { cwd, env: { DOCKER_HOST: 'unix:///tmp/kafka-dev-no-such.sock' } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('Cannot reach the Docker engine at unix:///tmp/kafka-dev-no-such.sock');
    expect(result.stderr).toContain('Start Docker');
    await nothingCreated();
  });
});
