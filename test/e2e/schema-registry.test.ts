import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { getFromNetwork, kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

const subject = 'greetings-value';
const schema = JSON.stringify({ type: 'record', name: 'Greeting', fields: [{ name: 'text', type: 'string' }] });

/**
 * Kafka (cp stand-in, ZooKeeper mode) with an Apicurio Registry keeping its schemas in memory (the
 * stand-in image is Apicurio's in-memory variant; the image comes from KAFKA_DEV_SCHEMA_REGISTRY_IMAGE).
 */
const config: UserConfig = {
  listeners: { outside: { port: 29592 } },
  zookeeper: { port: 22581 },
  schemaRegistry: { port: 28181, flavor: 'apicurio', storage: 'memory' },
};

interface Endpoint {
  name: string;
  host: string;
  containers: string;
}

describe('a Schema Registry next to Kafka', () => {
  const project = uniqueProject('schema-registry');
  let cwd: string;
  let endpoint: Endpoint;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
  });
  afterAll(() => removeProject(project));

  test('up starts it once the brokers answer and waits until GET /subjects answers', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stderr).toContain('create schema-registry');
    expect(result.stderr).toMatch(/schema-registry started and ready/);
    const registry = (await resourcesOf(project)).containers.find((container) => container.Labels['com.docker.compose.service'] === 'schema-registry');
    expect(registry?.State).toBe('running');
  });

  test('status shows its URL for the host and for containers', async () => {
    const result = await run('status', '--json');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const status = JSON.parse(result.stdout) as { services: { service: string; role: string; health: string; endpoints: Endpoint[] }[] };
    const registry = status.services.find((service) => service.service === 'schema-registry');
    expect(registry).toMatchObject({ role: 'companion', health: 'healthy' });
    endpoint = registry!.endpoints[0]!;
    expect(endpoint).toEqual({
      name: 'Schema Registry',
      host: 'http://localhost:28181/apis/ccompat/v7',
      containers: 'http://schema-registry:8080/apis/ccompat/v7',
    });
  });

  test('a schema registered from the host reads back from the host and from a container on the network', async () => {
    const registered = await fetch(`${endpoint.host}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema }),
    });
    expect(registered.status, await registered.clone().text()).toBe(200);
    const { id } = (await registered.json()) as { id: number };

    const fromHost = (await fetch(`${endpoint.host}/subjects/${subject}/versions/1`).then((response) => response.json())) as Record<string, unknown>;
    expect(fromHost).toMatchObject({ subject, version: 1, id, schema });

    const [network] = (await resourcesOf(project)).networks;
    const fromContainer = JSON.parse(await getFromNetwork(network!, `${endpoint.containers}/subjects/${subject}/versions/1`)) as Record<string, unknown>;
    expect(fromContainer).toMatchObject({ subject, version: 1, id, schema });
  });

  test('down removes it with the rest', async () => {
    const down = await run('down', '--volumes');
    expect(down.exitCode, down.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
