import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configIssues } from '../config-issues.js';
import { parseConfig } from '../../../src/config/parse.js';
import { propertyToEnv } from '../../../src/model/companions/connect-flavor.js';
import { defaults } from '../../../src/model/defaults.js';
import { buildStackModel } from '../../../src/model/stack.js';
import type { UserConfig } from '../../../src/model/types.js';

// A project folder with a plugin folder in it, so relative plugin paths resolve against the config file.
const projectDir = mkdtempSync(join(tmpdir(), 'kafka-dev-connect-'));
mkdirSync(join(projectDir, 'connectors'));
const parse = (raw: UserConfig, env: Record<string, string> = {}) => parseConfig(raw, { source: join(projectDir, 'kafka-dev.config.ts'), defaultName: 'app', env });
const workers = (raw: UserConfig, env: Record<string, string> = {}) =>
  buildStackModel(parse(raw, env)).services.filter((service) => service.companion?.kind === 'connect');

const issuesOf = (raw: UserConfig) => configIssues(() => parse(raw));

const fileSource = { name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/data/in.txt', topic: 'lines', 'tasks.max': 1 } };

describe('connect config', () => {
  test('defaults: one worker on 8083, cp-kafka-connect next to cp-kafka, connector values as strings', () => {
    const { connect } = parse({ connect: { connectors: [fileSource] } });
    expect(connect).toEqual({
      workers: 1,
      port: 8083,
      image: defaults.images.zookeeperMode.kafka.replace('/cp-kafka:', '/cp-kafka-connect:'),
      flavor: 'confluent',
      plugins: [],
      connectors: [{ name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/data/in.txt', topic: 'lines', 'tasks.max': '1' } }],
      heap: '512m',
    });
  });

  test.each([
    ['kafka-dev-local/cp-kafka:7.9', 'zookeeper', 'kafka-dev-local/cp-kafka-connect:7.9', 'confluent'],
    ['registry:5000/cp-server:7.9.1@sha256:' + 'a'.repeat(64), 'zookeeper', 'registry:5000/cp-server-connect:7.9.1', 'confluent'],
    ['kafka-dev-local/apache-kafka:4.4', 'kraft', 'kafka-dev-local/apache-kafka:4.4', 'apache'],
  ] as const)('next to %s the workers run %s', (kafka, mode, image, flavor) => {
    expect(parse({ mode, images: { kafka }, connect: {} }).connect).toMatchObject({ image, flavor });
  });

  test('KAFKA_DEV_CONNECT_IMAGE overrides the image', () => {
    expect(parse({ connect: { image: 'x/cp-kafka-connect:1' } }, { KAFKA_DEV_CONNECT_IMAGE: 'kafka-dev-local/cp-kafka-connect:7.9' }).connect?.image).toBe(
      'kafka-dev-local/cp-kafka-connect:7.9',
    );
  });

  test('every problem is named at once: a missing plugin folder, a repeated name, a connector without its class, an image of unknown contract', () => {
    const issues = issuesOf({
      connect: {
        image: 'my/worker:1',
        plugins: ['./connectors', './missing'],
        connectors: [fileSource, { name: 'files-in', config: { file: '/x' } }],
      },
    });
    expect(issues.map((issue) => issue.path)).toEqual(['connect.image', 'connect.plugins[1]', 'connect.connectors[1].name', 'connect.connectors[1].config']);
    expect(issues[0]?.message).toContain("connect.flavor set to 'confluent'");
    expect(issues[1]?.message).toBe(`got '${join(projectDir, 'missing')}', which is not a folder; expected a folder of connector plugins (jars or one folder per plugin), relative to the config file`);
    expect(issues[2]?.message).toBe("got 'files-in', which connect.connectors[0] names too; expected each connector name once");
    expect(issues[3]?.message).toContain("has no 'connector.class'");
  });

  test('field shapes are checked by the schema', () => {
    const issues = issuesOf({ connect: { workers: 0, port: 70000, connectors: [{ name: 'a/b', config: {} }] } } as UserConfig);
    expect(issues.map((issue) => issue.path)).toEqual(['connect.workers', 'connect.port', 'connect.connectors[0].name']);
  });
});

describe('connect workers in the stack model', () => {
  test('cp-kafka-connect gets its CONNECT_* contract: INSIDE bootstrap, internal topics sized to the cluster, REST on 127.0.0.1, plugins read-only', () => {
    const [first, second, third] = workers({ brokers: 2, connect: { workers: 3, port: 18083, plugins: ['./connectors'] } });
    expect([first, second, third].map((worker) => [worker?.name, worker?.ports])).toEqual([
      ['connect-1', [{ bind: '127.0.0.1', host: 18083, container: 8083 }]],
      ['connect-2', [{ bind: '127.0.0.1', host: 18084, container: 8083 }]],
      ['connect-3', [{ bind: '127.0.0.1', host: 18085, container: 8083 }]],
    ]);
    expect(first?.environment).toMatchObject({
      CONNECT_BOOTSTRAP_SERVERS: 'kafka-1:9093,kafka-2:9093',
      CONNECT_GROUP_ID: 'app-connect',
      CONNECT_CONFIG_STORAGE_TOPIC: '_connect-configs',
      CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR: '2',
      CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR: '2',
      CONNECT_STATUS_STORAGE_REPLICATION_FACTOR: '2',
      CONNECT_REST_ADVERTISED_HOST_NAME: 'connect-1',
      CONNECT_PLUGIN_PATH: '/usr/share/java,/usr/share/confluent-hub-components,/usr/share/filestream-connectors,/kafka-dev/plugins/1',
      KAFKA_HEAP_OPTS: '-Xms512m -Xmx512m',
    });
    expect(first?.binds).toEqual([{ source: join(projectDir, 'connectors'), target: '/kafka-dev/plugins/1', readOnly: true }]);
    expect(first?.command).toBeUndefined();
    expect(first?.dependsOn).toEqual(['kafka-1', 'kafka-2']);
  });

  test('replication of the internal topics stops at 3', () => {
    const [worker] = workers({ brokers: 5, connect: {} });
    expect(worker?.environment['CONNECT_STATUS_STORAGE_REPLICATION_FACTOR']).toBe('3');
  });

  test('apache/kafka runs connect-distributed.sh with the worker properties as arguments', () => {
    const [worker] = workers({ mode: 'kraft', images: { kafka: 'apache/kafka:4.4.0' }, connect: {} });
    expect(worker?.image).toBe('apache/kafka:4.4.0');
    expect(worker?.command?.slice(0, 2)).toEqual(['bash', '-c']);
    expect(worker?.command?.[2]).toContain('exec /opt/kafka/bin/connect-distributed.sh');
    expect(worker?.command).toContain('rest.advertised.host.name=connect-1');
    expect(worker?.command).toContain('plugin.path=/tmp/filestream-connectors');
    expect(Object.keys(worker?.environment ?? {})).toEqual(['KAFKA_HEAP_OPTS']);
  });

  test("property names map to cp's variables and back by its env_to_props rules", () => {
    const envToProps = (name: string) => name.slice('CONNECT_'.length).toLowerCase().replace(/_/g, '.').replace(/\.\.\./g, '-').replace(/\.\./g, '_');
    for (const key of ['bootstrap.servers', 'config.storage.replication.factor', 'consumer.max_poll-records', 'a-b_c.d']) {
      expect(envToProps(propertyToEnv('CONNECT_', key))).toBe(key);
    }
  });
});
