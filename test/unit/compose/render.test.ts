import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import { renderCompose } from '../../../src/compose/render.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resolved = (user: UserConfig) => parseConfig(user, { source: '/somewhere/kafka-dev.config.ts', defaultName: 'demo', env: {} });

const variants: { name: string; config: UserConfig }[] = [
  { name: 'default', config: {} },
  { name: 'three-brokers', config: { brokers: 3, topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }] } },
  {
    name: 'custom-listeners',
    config: {
      name: 'shop',
      listeners: { inside: { host: 'broker', port: 29092 }, outside: { host: '127.0.0.1', port: 19092, bind: '0.0.0.0' } },
      zookeeper: { port: 12181 },
      brokerConfig: { 'log.retention.hours': 1, 'auto.create.topics.enable': false, 'log.cleaner.enable': false },
      heap: { kafka: '1g' },
    },
  },
  { name: 'kraft-single', config: { mode: 'kraft' } },
  { name: 'kraft-three-combined', config: { mode: 'kraft', brokers: 3 } },
  { name: 'kraft-dedicated-controllers', config: { mode: 'kraft', brokers: 2, controllers: 3 } },
  { name: 'kraft-confluent', config: { mode: 'kraft', images: { kafka: 'confluentinc/cp-kafka:7.9.1' } } },
  {
    name: 'companions',
    config: {
      brokers: 2,
      schemaRegistry: {},
      services: {
        myapp: {
          image: 'my/app:dev',
          environment: { BOOTSTRAP: '${kafka.inside.bootstrap}', REGISTRY: '${schemaRegistry.inside.url}', PRICE: '$$5' },
          ports: ['8080:8080'],
          volumes: ['app-data:/data'],
          dependsOn: ['kafka', 'schema-registry'],
          command: ['run', '--port', '8080'],
        },
      },
    },
  },
  { name: 'apicurio-registry', config: { mode: 'kraft', schemaRegistry: { flavor: 'apicurio', port: 18081 } } },
];

describe('renderCompose', () => {
  test.each(variants)('renders the $name variant as in its golden file', async ({ name, config }) => {
    await expect(renderCompose(resolved(config))).toMatchFileSnapshot(`golden/${name}.yml`);
  });

  test("a companion's values are written as Compose reads them literally: '$' as '$$'", () => {
    const compose = parseYaml(renderCompose(resolved({ services: { app: { image: 'a', environment: { PRICE: '$$5 ${kafka.inside.bootstrap}' }, command: ['echo', '$$HOME', '${kafka.outside.bootstrap}'] } } })));
    expect(compose.services.app.environment).toEqual({ PRICE: '$$5 kafka:9093' });
    expect(compose.services.app.command).toEqual(['echo', '$$HOME', 'localhost:9092']);
  });

  test('a companion mounts named volumes and host folders, read-only where asked', () => {
    const compose = parseYaml(renderCompose(resolved({ services: { app: { image: 'a', volumes: ['data:/data:ro', './files:/files', '/abs:/abs:ro'] } } })));
    expect(compose.services.app.volumes).toEqual(['data:/data:ro', '/somewhere/files:/files', '/abs:/abs:ro']);
    expect(compose.volumes).toHaveProperty('data');
  });

  test('the same config renders byte-identical output', () => {
    expect(renderCompose(resolved(variants[1]!.config))).toBe(renderCompose(resolved(variants[1]!.config)));
  });

  test('published ports bind to 127.0.0.1 by default and no service mounts the Docker socket', () => {
    const compose = parseYaml(renderCompose(resolved({ brokers: 2 })));
    for (const service of Object.values<{ ports?: string[]; volumes: string[] }>(compose.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
      for (const volume of service.volumes) expect(volume).not.toContain('docker.sock');
    }
  });

  test('each broker advertises its own service name inside and its own host port outside', () => {
    const compose = parseYaml(renderCompose(resolved({ brokers: 2 })));
    expect(compose.services['kafka-2'].environment).toMatchObject({
      KAFKA_BROKER_ID: '2',
      KAFKA_ADVERTISED_LISTENERS: 'INSIDE://kafka-2:9093,OUTSIDE://localhost:9093',
    });
    expect(compose.services['kafka-2'].ports).toEqual(['127.0.0.1:9093:9092']);
  });

  test('a dedicated controller neither advertises nor publishes, and brokers depend on it', () => {
    const compose = parseYaml(renderCompose(resolved({ mode: 'kraft', brokers: 1, controllers: 1 })));
    expect(compose.services.controller.environment).toMatchObject({
      KAFKA_NODE_ID: '101',
      KAFKA_PROCESS_ROLES: 'controller',
      KAFKA_LISTENERS: 'CONTROLLER://0.0.0.0:9094',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '101@controller:9094',
    });
    expect(compose.services.controller.environment).not.toHaveProperty('KAFKA_ADVERTISED_LISTENERS');
    expect(compose.services.controller).not.toHaveProperty('ports');
    expect(compose.services.kafka.depends_on).toEqual(['controller']);
    expect(compose.services.kafka.environment.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP).toBe('INSIDE:PLAINTEXT,OUTSIDE:PLAINTEXT,CONTROLLER:PLAINTEXT');
  });

  test('the committed compose/docker-compose.yml is the render of the repository config', async () => {
    const config = await loadConfig({ cwd: repoRoot, env: {} });
    const committed = await readFile(`${repoRoot}compose/docker-compose.yml`, 'utf8');
    expect(committed, "compose/docker-compose.yml is stale: run 'npx kafka-dev render'").toBe(renderCompose(config));
  });
});
