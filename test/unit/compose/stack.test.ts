import { describe, expect, test } from 'vitest';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { composeStack, listenerExposure, parseListeners, settingOfVariable } from '../../../src/compose/stack.js';
import type { ImageFlavor } from '../../../src/model/types.js';

describe('settingOfVariable', () => {
  test.each<{ variable: string; flavor: ImageFlavor; setting: string | undefined }>([
    { variable: 'KAFKA_ADVERTISED_LISTENERS', flavor: 'confluent', setting: 'advertised.listeners' },
    { variable: 'KAFKA_SOME__ODD___NAME_KEY', flavor: 'confluent', setting: 'some_odd-name.key' },
    { variable: 'KAFKA_LOG_RETENTION_HOURS', flavor: 'wurstmeister', setting: 'log.retention.hours' },
    { variable: 'KAFKA_CFG_ADVERTISED_LISTENERS', flavor: 'bitnami', setting: 'advertised.listeners' },
    { variable: 'KAFKA_ZOOKEEPER_CONNECT', flavor: 'bitnami', setting: undefined },
    { variable: 'KAFKA_HEAP_OPTS', flavor: 'confluent', setting: undefined },
    { variable: 'KAFKA_JMX_PORT', flavor: 'confluent', setting: undefined },
    { variable: 'ZOOKEEPER_CLIENT_PORT', flavor: 'confluent', setting: undefined },
  ])('$variable on a $flavor image is $setting', ({ variable, flavor, setting }) => {
    expect(settingOfVariable(variable, flavor)).toBe(setting);
  });
});

test('parseListeners reads names, empty and IPv6 hosts, and skips what does not parse', () => {
  expect(parseListeners('INSIDE://kafka:9093, outside://:9092,SSL://[::1]:9094,garbage', 7)).toEqual([
    { name: 'INSIDE', host: 'kafka', port: 9093, line: 7 },
    { name: 'OUTSIDE', host: '', port: 9092, line: 7 },
    { name: 'SSL', host: '::1', port: 9094, line: 7 },
  ]);
});

describe('composeStack', () => {
  const stack = (yaml: string) => composeStack(parseComposeDocument(yaml, 'compose.yml'));

  test('recognises Kafka and ZooKeeper by image or by their variables, and not the clients of Kafka', () => {
    const { kafka, zookeeper, networkNames } = stack(
      [
        'services:',
        '  zk: { image: "zookeeper:3.9" }',
        '  broker: { image: "confluentinc/cp-kafka:7.9.1", hostname: kafka-host }',
        '  built: { build: ., environment: { KAFKA_ADVERTISED_HOST_NAME: localhost } }',
        '  rest-proxy: { image: "confluentinc/cp-kafka-rest:7.9.1", container_name: rest, environment: { KAFKA_REST_BOOTSTRAP_SERVERS: "broker:29092" } }',
        '  ui: { image: "provectuslabs/kafka-ui" }',
      ].join('\n'),
    );
    expect(kafka.map((node) => node.service.name)).toEqual(['broker', 'built']);
    expect(zookeeper.map((node) => [node.service.name, node.flavor])).toEqual([['zk', 'zookeeper']]);
    expect([...networkNames].sort()).toEqual(['broker', 'built', 'kafka-host', 'rest', 'rest-proxy', 'ui', 'zk']);
  });

  test('cp-kafka binds what it advertises when KAFKA_LISTENERS is unset; each listener knows its published port', () => {
    const [node] = stack(
      [
        'services:',
        '  broker:',
        '    image: confluentinc/cp-kafka:7.3.14',
        '    ports: ["29092:29092", "127.0.0.1:9092:9092"]',
        '    environment:',
        '      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://broker:29092,PLAINTEXT_HOST://localhost:9092',
      ].join('\n'),
    ).kafka;
    expect(node!.bound.map((listener) => listener.port)).toEqual([29092, 9092]);
    expect(listenerExposure(node!).map(({ listener, published }) => [listener.name, published?.text])).toEqual([
      ['PLAINTEXT', '29092:29092'],
      ['PLAINTEXT_HOST', '127.0.0.1:9092:9092'],
    ]);
  });

  test("wurstmeister's KAFKA_ADVERTISED_HOST_NAME and KAFKA_ADVERTISED_PORT make one PLAINTEXT listener", () => {
    const [node] = stack('services:\n  kafka:\n    image: wurstmeister/kafka\n    environment:\n      KAFKA_ADVERTISED_HOST_NAME: kafka\n      KAFKA_ADVERTISED_PORT: 9094\n').kafka;
    expect(node!.advertised).toEqual([{ name: 'PLAINTEXT', host: 'kafka', port: 9094, line: 5 }]);
  });

  test('a wurstmeister KAFKA_ADVERTISED_PORT that is no number makes no listener, like a listener entry that does not parse', () => {
    const [node] = stack('services:\n  kafka:\n    image: wurstmeister/kafka\n    environment:\n      KAFKA_ADVERTISED_HOST_NAME: kafka\n      KAFKA_ADVERTISED_PORT: " 9094"\n').kafka;
    expect(node!.advertised).toEqual([]);
  });
});
