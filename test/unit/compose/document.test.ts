import { describe, expect, test } from 'vitest';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { ComposeFileError } from '../../../src/base/errors.js';

const serviceOf = (yaml: string) => parseComposeDocument(`services:\n  kafka:\n${yaml}`, 'compose.yml').services[0]!;

describe('parseComposeDocument', () => {
  test.each([
    { name: 'a container port only', spec: '"9092"', expected: { target: 9092 } },
    { name: 'host and container port', spec: '"29092:9092"', expected: { published: 29092, target: 9092 } },
    { name: 'a host address', spec: '"127.0.0.1:9092:9092"', expected: { hostIp: '127.0.0.1', published: 9092, target: 9092 } },
    { name: 'an IPv6 address and a Docker-picked port', spec: '"[::1]::9092/tcp"', expected: { hostIp: '::1', target: 9092 } },
    { name: 'a YAML number', spec: '9092', expected: { target: 9092 } },
    { name: 'a variable with a default', spec: '"${PORT:-19092}:9092"', expected: { published: 19092, target: 9092 } },
    { name: 'a variable without a default', spec: '"${PORT}:9092"', expected: { target: 9092 } },
    { name: 'the long syntax', spec: '{ target: 9092, published: "19092", host_ip: 127.0.0.1 }', expected: { hostIp: '127.0.0.1', published: 19092, target: 9092 } },
  ])('reads ports given as $name', ({ spec, expected }) => {
    const [port] = serviceOf(`    ports:\n      - ${spec}\n`).ports;
    expect(port).toEqual({ text: expect.any(String), line: 4, ...expected });
  });

  test.each([
    { name: 'a long-syntax target with trailing text', spec: '{ target: 9092abc }' },
    { name: 'a short-syntax port with trailing text', spec: '"9092abc"' },
    { name: 'a range with trailing text', spec: '"9092-9093abc"' },
  ])('leaves out $name, as Compose refuses it', ({ spec }) => {
    expect(serviceOf(`    ports:\n      - ${spec}\n`).ports).toEqual([]);
  });

  test('keeps a published port with trailing text unread', () => {
    expect(serviceOf('    ports:\n      - "19092abc:9092"\n').ports).toEqual([{ text: '19092abc:9092', line: 4, target: 9092 }]);
  });

  test('expands a port range into one mapping per port', () => {
    const { ports } = serviceOf('    ports:\n      - "127.0.0.1:9092-9093:19092-19093"\n');
    expect(ports.map(({ published, target }) => [published, target])).toEqual([
      [9092, 19092],
      [9093, 19093],
    ]);
  });

  test('reads environment lists and maps alike, each variable with its line', () => {
    const list = serviceOf('    environment:\n      - KAFKA_BROKER_ID=1\n      - KAFKA_OPTS=-Da=b=c\n      - FROM_SHELL\n').environment;
    const map = serviceOf('    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_OPTS: "-Da=b=c"\n      FROM_SHELL:\n').environment;
    for (const environment of [list, map]) {
      expect(Object.fromEntries([...environment].map(([name, { value, line }]) => [name, [value, line]]))).toEqual({
        KAFKA_BROKER_ID: ['1', 4],
        KAFKA_OPTS: ['-Da=b=c', 5],
        FROM_SHELL: ['', 6],
      });
    }
  });

  test('reads named, bind, anonymous and long-syntax volumes', () => {
    const { volumes } = serviceOf(
      '    volumes:\n      - data:/var/lib/kafka/data\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - /tmp/anonymous\n      - { type: volume, source: logs, target: /logs }\n',
    );
    expect(volumes.map(({ source, target }) => [source, target])).toEqual([
      ['data', '/var/lib/kafka/data'],
      ['/var/run/docker.sock', '/var/run/docker.sock'],
      [undefined, '/tmp/anonymous'],
      ['logs', '/logs'],
    ]);
  });

  test('follows YAML anchors and << merges; keys written in the service win', () => {
    const document = parseComposeDocument(
      [
        'x-kafka: &kafka',
        '  image: confluentinc/cp-kafka:7.9.1',
        '  environment: &env',
        '    KAFKA_BROKER_ID: 0',
        '    KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181',
        'services:',
        '  kafka-1:',
        '    <<: *kafka',
        '    environment:',
        '      <<: *env',
        '      KAFKA_BROKER_ID: 1',
      ].join('\n'),
      'compose.yml',
    );
    const [kafka] = document.services;
    expect(kafka!.image).toEqual({ value: 'confluentinc/cp-kafka:7.9.1', line: 2 });
    expect(kafka!.environment.get('KAFKA_BROKER_ID')).toEqual({ value: '1', line: 11 });
    expect(kafka!.environment.get('KAFKA_ZOOKEEPER_CONNECT')).toEqual({ value: 'zookeeper:2181', line: 5 });
  });

  test('finds the version key, and the project name from name: or from a kafka-dev header', () => {
    expect(parseComposeDocument("version: '3.8'\nname: shop\nservices: {}\n", 'compose.yml')).toMatchObject({ version: { value: '3.8', line: 1 }, projectName: 'shop' });
    const rendered = parseComposeDocument('# Start it without kafka-dev: docker compose -p kafka-dev -f <this file> up -d\n\nservices: {}\n', 'compose.yml');
    expect(rendered.projectName).toBe('kafka-dev');
  });

  test.each([
    { name: 'a YAML syntax error', text: 'services:\n  kafka:\n    image: [unclosed\n', message: /^compose\.yml:\d: not valid YAML/ },
    { name: 'a file without services', text: 'volumes: {}\n', message: /^compose\.yml: has no services: mapping/ },
    { name: 'a list at the top', text: '- a\n- b\n', message: /^compose\.yml: expected a mapping/ },
  ])('refuses $name with file:line', ({ text, message }) => {
    expect(() => parseComposeDocument(text, 'compose.yml')).toThrow(ComposeFileError);
    expect(() => parseComposeDocument(text, 'compose.yml')).toThrow(message);
  });
});
