import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/config/types.js';
import { renderCompose } from '../../../src/render/compose.js';

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
      brokerConfig: { 'log.retention.hours': 1, 'auto.create.topics.enable': false, 'some_odd-name.key': 'x' },
      heap: { kafka: '1g' },
    },
  },
];

describe('renderCompose', () => {
  test.each(variants)('renders the $name variant as in its golden file', async ({ name, config }) => {
    await expect(renderCompose(resolved(config))).toMatchFileSnapshot(`golden/${name}.yml`);
  });

  test('the same config renders byte-identical output', () => {
    expect(renderCompose(resolved(variants[1]!.config))).toBe(renderCompose(resolved(variants[1]!.config)));
  });

  test('published ports bind to 127.0.0.1 by default and no service mounts the Docker socket', () => {
    const compose = parseYaml(renderCompose(resolved({ brokers: 2 })));
    for (const service of Object.values<{ ports: string[]; volumes: string[] }>(compose.services)) {
      for (const port of service.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
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

  test('the committed compose/docker-compose.yml is the render of the repository config', async () => {
    const config = await loadConfig({ cwd: repoRoot, env: {} });
    const committed = await readFile(`${repoRoot}compose/docker-compose.yml`, 'utf8');
    expect(committed, "compose/docker-compose.yml is stale: run 'npx kafka-dev render'").toBe(renderCompose(config));
  });
});
