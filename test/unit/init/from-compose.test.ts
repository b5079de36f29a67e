import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import { ComposeFileError } from '../../../src/base/errors.js';
import { configFileText, spelledOut } from '../../../src/init/config-file.js';
import { configFromCompose } from '../../../src/init/from-compose.js';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { renderCompose } from '../../../src/compose/render.js';
import { projectFolder, repoRoot } from './project-folder.js';

const convert = (text: string, file = 'docker-compose.yml') => configFromCompose(parseComposeDocument(text, file));
const goldens = `${repoRoot}test/unit/compose/golden/`;
const fixture = async (name: string) => convert(await readFile(`${repoRoot}test/fixtures/compose/${name}`, 'utf8'), name);

/** Writes the converted config as kafka-dev.config.ts in a fresh project and loads it the way every command does. */
async function writtenAndLoaded(config: UserConfig) {
  const folder = await projectFolder();
  const file = join(folder, 'kafka-dev.config.ts');
  const resolved = parseConfig(config, { source: file, defaultName: 'converted', env: {} });
  await writeFile(file, configFileText(spelledOut(resolved, { clusterId: config.clusterId !== undefined }), 'ts', ['Converted by a test.']));
  return loadConfig({ cwd: folder, env: {} });
}

describe('configFromCompose on real-world compose files', () => {
  test.each<{ fixture: string; config: UserConfig; notes: RegExp[] }>([
    {
      fixture: 'wurstmeister-quick-start.yml',
      config: {
        mode: 'zookeeper',
        brokers: 1,
        listeners: { inside: { host: 'kafka', port: 9093 }, outside: { host: '192.168.99.100', port: 9092 } },
        zookeeper: { port: 2181 },
        images: { kafka: 'confluentinc/cp-kafka:7.9.11' },
        topics: [{ name: 'test', partitions: 1, replicationFactor: 1 }],
        brokerConfig: {},
      },
      notes: [/image wurstmeister\/kafka: kafka-dev renders the environment of cp-kafka and apache\/kafka images only/, /mount \/var\/run\/docker.sock:\/var\/run\/docker.sock is left out/, /kafka has no listener for other containers/],
    },
    {
      fixture: 'confluent-cp-all-in-one.yml',
      config: {
        mode: 'zookeeper',
        brokers: 1,
        listeners: { inside: { host: 'broker', port: 29092 }, outside: { host: 'localhost', port: 9092 } },
        zookeeper: { port: 2181 },
        images: { kafka: 'confluentinc/cp-kafka:7.3.14', zookeeper: 'confluentinc/cp-zookeeper:7.3.14' },
        topics: [],
        brokerConfig: {},
        // The Schema Registry and the REST proxy come along, wired to the broker and the registry by reference.
        schemaRegistry: { image: 'confluentinc/cp-schema-registry:7.3.14' },
        services: {
          'rest-proxy': {
            image: 'confluentinc/cp-kafka-rest:7.3.14',
            environment: {
              KAFKA_REST_HOST_NAME: 'rest-proxy',
              KAFKA_REST_BOOTSTRAP_SERVERS: '${kafka.inside.bootstrap}',
              KAFKA_REST_LISTENERS: 'http://0.0.0.0:8082',
              KAFKA_REST_SCHEMA_REGISTRY_URL: '${schemaRegistry.inside.url}',
            },
            ports: ['8082:8082'],
            dependsOn: ['kafka', 'schema-registry'],
          },
        },
      },
      notes: [/rest-proxy: port 8082:8082 was published on every interface; kafka-dev publishes it on 127.0.0.1/, /broker: port 9101:9101 is not published by kafka-dev/, /KAFKA_JMX_PORT=9101 has no kafka-dev field/],
    },
    {
      fixture: 'bitnami-kraft-cluster.yml',
      config: {
        mode: 'kraft',
        brokers: 3,
        clusterId: 'abcdefghijklmnopqrstuv',
        listeners: { inside: { host: 'kafka', port: 9093 }, outside: { port: 9092 }, controller: { port: 9094 } },
        images: { kafka: 'apache/kafka:4.4.0' },
        topics: [],
        // Its replication settings are what kafka-dev renders for three brokers anyway.
        brokerConfig: {},
      },
      notes: [/broker services kafka-0, kafka-1, kafka-2 become kafka-1, kafka-2, kafka-3/, /CONTROLLER moves from port 9093 to 9094/],
    },
    {
      fixture: 'apache-kafka-kraft.yml',
      config: {
        mode: 'kraft',
        brokers: 1,
        clusterId: '4L6g3nShT-eMCtK--X86sw',
        listeners: { inside: { host: 'broker', port: 19092 }, outside: { host: 'localhost', port: 9092 }, controller: { port: 29093 } },
        images: { kafka: 'apache/kafka:3.9.0' },
        topics: [],
        brokerConfig: {},
      },
      notes: [/published on every interface \(9092:9092\); kafka-dev binds it to 127.0.0.1/],
    },
    {
      fixture: 'three-brokers-anchors.yml',
      config: {
        mode: 'zookeeper',
        brokers: 3,
        listeners: { inside: { host: 'kafka', port: 29092 }, outside: { host: 'localhost', port: 19092, bind: '127.0.0.1' } },
        zookeeper: { port: 2181, bind: '127.0.0.1' },
        images: { kafka: 'confluentinc/cp-kafka:7.9.1', zookeeper: 'confluentinc/cp-zookeeper:7.9.1' },
        topics: [
          { name: 'orders', partitions: 6, replicationFactor: 3 },
          { name: 'payments', partitions: 3, replicationFactor: 2, config: { 'cleanup.policy': 'compact' } },
        ],
        brokerConfig: { 'log.retention.hours': 12, 'auto.create.topics.enable': false },
      },
      notes: [/broker services kafka1, kafka2, kafka3 become kafka-1, kafka-2, kafka-3/],
    },
    {
      fixture: 'blog-post-mistakes.yml',
      config: {
        mode: 'zookeeper',
        brokers: 1,
        listeners: { inside: { host: 'kafka', port: 9092 }, outside: { host: 'localhost', port: 29092 } },
        zookeeper: { port: 2181 },
        images: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.4.0' },
        topics: [],
        brokerConfig: {},
      },
      notes: [/image confluentinc\/cp-kafka:8.0.0 is Kafka 4, which has no ZooKeeper mode/, /zookeeper is not published to the host/],
    },
  ])('converts $fixture, says what it left behind, and the written file loads', async ({ fixture: name, config, notes }) => {
    const conversion = await fixture(name);
    expect(conversion.config).toEqual(config);
    for (const note of notes) expect(conversion.notCarried).toContainEqual(expect.stringMatching(note));
    await expect(writtenAndLoaded(conversion.config)).resolves.toMatchObject({ mode: config.mode, brokers: config.brokers });
  });

  test('every fixture converts to a config that loads', async () => {
    for (const name of ['bitnami-zookeeper-latest.yml', 'localhost-only.yml']) {
      await expect(writtenAndLoaded((await fixture(name)).config)).resolves.toMatchObject({ mode: 'zookeeper' });
    }
  });

  test('topics of KAFKA_CREATE_TOPICS get at most as many replicas as there are brokers', () => {
    const { config, notCarried } = convert(
      'services:\n  kafka:\n    image: wurstmeister/kafka:2.13-2.8.1\n    environment:\n      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n      KAFKA_CREATE_TOPICS: "a:2:3,b"\n',
    );
    expect(config.topics).toEqual([{ name: 'a', partitions: 2, replicationFactor: 1 }, { name: 'b' }]);
    expect(notCarried).toContain('topic a: replication factor 3 lowered to 1, the number of brokers');
  });

  test('a ZooKeeper client port that is no number is named and replaced by the default', () => {
    const { config, notCarried } = convert(
      'services:\n  zk:\n    image: confluentinc/cp-zookeeper:7.9.0\n    environment:\n      ZOOKEEPER_CLIENT_PORT: 2181abc\n  kafka:\n    image: confluentinc/cp-kafka:7.9.0\n    environment:\n      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n',
    );
    expect(config.zookeeper).toBeUndefined();
    expect(notCarried).toContain("zk: client port '2181abc' is not a port number; kafka-dev uses 2181");
  });

  test('Kafka settings from the environment become numbers and booleans where a person would write them so', () => {
    const { config } = convert(
      'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.9.0\n    environment:\n      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n      KAFKA_LOG_RETENTION_MS: "-1"\n      KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS: "060000"\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n',
    );
    expect(config.brokerConfig).toMatchObject({ 'log.retention.ms': -1, 'log.retention.check.interval.ms': '060000', 'auto.create.topics.enable': false });
  });

  test('a file without a broker is refused', () => {
    expect(() => convert('services:\n  web:\n    image: nginx\n')).toThrow(ComposeFileError);
  });
});

describe("the round trip of kafka-dev's own render: config -> render -> init --from-compose -> render", () => {
  const roundTrip = async (rendered: string) => {
    const conversion = convert(rendered, 'compose/docker-compose.yml');
    expect(conversion.notCarried).toEqual([]);
    return renderCompose(await writtenAndLoaded(conversion.config));
  };

  // The golden files are the renders of the configs in test/unit/compose/render.test.ts (which checks that).
  test.each(readdirSync(goldens))('gives back the same file for the golden render %s, with nothing left behind', async (golden) => {
    const rendered = await readFile(`${goldens}${golden}`, 'utf8');
    expect(await roundTrip(rendered)).toBe(rendered);
  });

  test('keeps a cluster id of its own', async () => {
    const config = { name: 'demo', mode: 'kraft', brokers: 2, controllers: 3, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA' } as const;
    const rendered = renderCompose(parseConfig(config, { source: '/app/kafka-dev.config.ts', defaultName: 'app', env: {} }));
    expect(await roundTrip(rendered)).toBe(rendered);
  });

  test('holds for the committed compose/docker-compose.yml of this repository', async () => {
    const committed = await readFile(`${repoRoot}compose/docker-compose.yml`, 'utf8');
    expect(await roundTrip(committed)).toBe(committed);
  });
});
