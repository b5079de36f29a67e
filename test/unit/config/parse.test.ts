import { describe, expect, test } from 'vitest';
import { configIssues } from '../config-issues.js';
import { parseConfig } from '../../../src/config/parse.js';

const parse = (raw: unknown, env: Record<string, string> = {}) =>
  parseConfig(raw, { source: 'kafka-dev.config.ts', defaultName: 'My App!', env });

const issuesOf = (raw: unknown) => configIssues(() => parse(raw));

describe('parseConfig', () => {
  test('an empty config resolves to the quick-start stack with secure defaults', () => {
    const config = parse({});
    expect(config).toMatchObject({
      name: 'myapp',
      mode: 'zookeeper',
      brokers: 1,
      listeners: {
        inside: { host: 'kafka', port: 9093 },
        outside: { host: 'localhost', port: 9092, bind: '127.0.0.1' },
      },
      zookeeper: { port: 2181, bind: '127.0.0.1' },
      images: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'confluent' },
      topics: [{ name: 'test', partitions: 1, replicationFactor: 1, config: {} }],
    });
  });

  test('fields given win over defaults, one level deep', () => {
    const config = parse({ listeners: { outside: { port: 19092 } }, topics: [{ name: 'orders', partitions: 3 }] });
    expect(config.listeners.outside).toEqual({ host: 'localhost', port: 19092, bind: '127.0.0.1' });
    expect(config.topics).toEqual([{ name: 'orders', partitions: 3, replicationFactor: 1, config: {} }]);
  });

  test('image environment variables override the config, so tests can select local images', () => {
    const config = parse(
      { images: { kafka: 'mine/kafka:1' } },
      { KAFKA_DEV_KAFKA_IMAGE: 'local/kafka:test', KAFKA_DEV_ZOOKEEPER_IMAGE: 'local/zk:test' },
    );
    expect(config.images).toMatchObject({ kafka: 'local/kafka:test', zookeeper: 'local/zk:test' });
  });

  test('KRaft mode defaults to the official apache/kafka 4 image and a cluster id stable per project', () => {
    const config = parse({ mode: 'kraft' });
    expect(config.images).toMatchObject({ kafka: 'apache/kafka:4.4.0', flavor: 'apache' });
    expect(config.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(parse({ mode: 'kraft' }).clusterId).toBe(config.clusterId);
    expect(parse({ mode: 'kraft', name: 'other' }).clusterId).not.toBe(config.clusterId);
  });

  test('the image flavor is guessed from the image name', () => {
    expect(parse({ mode: 'kraft', images: { kafka: 'confluentinc/cp-kafka:7.9.1' } }).images.flavor).toBe('confluent');
    expect(parse({ mode: 'kraft', images: { kafka: 'kafka-dev-local/apache-kafka:4.4' } }).images.flavor).toBe('apache');
  });

  test('all problems are reported together', () => {
    const issues = issuesOf({ brokers: 0, listeners: { outside: { port: 70000 } } });
    expect(issues.map((issue) => issue.path)).toEqual(['brokers', 'listeners.outside.port']);
  });

  test('an unknown key is named with a did-you-mean suggestion', () => {
    const [issue] = issuesOf({ brokres: 3 });
    expect(issue).toEqual({
      path: '',
      message: expect.stringContaining("unknown key 'brokres'; did you mean 'brokers'?"),
    });
  });

  test('an unknown nested key names its parent path and the valid keys', () => {
    const [issue] = issuesOf({ listeners: { outside: { prot: 9092 } } });
    expect(issue!.path).toBe('listeners.outside');
    expect(issue!.message).toContain("did you mean 'port'?");
    expect(issue!.message).toContain('Expected one of: host, port, bind');
  });

  test('the error message lists the source file and each path', () => {
    expect(() => parse({ brokers: 'three' })).toThrow(/Invalid config \(kafka-dev\.config\.ts\):\n {2}- brokers: got 'three', expected a number of brokers/);
  });

  const badInputs: { name: string; config: unknown; path: string; message: RegExp }[] = [
    { name: 'port above 65535', config: { listeners: { outside: { port: 70000 } } }, path: 'listeners.outside.port', message: /got 70000, expected a port from 1 to 65535/ },
    { name: 'port of zero', config: { zookeeper: { port: 0 } }, path: 'zookeeper.port', message: /got 0, expected a port from 1 to 65535/ },
    { name: 'fractional port', config: { listeners: { inside: { port: 9093.5 } } }, path: 'listeners.inside.port', message: /got 9093.5, expected a whole number/ },
    { name: 'port as a string', config: { listeners: { outside: { port: '9092' } } }, path: 'listeners.outside.port', message: /got '9092', expected a port number/ },
    { name: 'unknown mode', config: { mode: 'raft' }, path: 'mode', message: /got 'raft', expected 'zookeeper' or 'kraft'/ },
    { name: 'too many brokers', config: { brokers: 12 }, path: 'brokers', message: /got 12, expected at most 9 brokers/ },
    { name: 'no brokers', config: { brokers: 0 }, path: 'brokers', message: /got 0, expected at least 1 broker/ },
    { name: 'bind address that is a name', config: { listeners: { outside: { bind: 'localhost' } } }, path: 'listeners.outside.bind', message: /got 'localhost', expected an IP address/ },
    { name: 'INSIDE host with a dot', config: { listeners: { inside: { host: 'kafka.local' } } }, path: 'listeners.inside.host', message: /expected the broker's service name on the compose network/ },
    { name: 'INSIDE host localhost', config: { listeners: { inside: { host: 'localhost' } } }, path: 'listeners.inside.host', message: /inside a container is that container itself/ },
    { name: 'INSIDE host taken by ZooKeeper', config: { listeners: { inside: { host: 'zookeeper' } } }, path: 'listeners.inside.host', message: /ZooKeeper service's name/ },
    { name: 'OUTSIDE and INSIDE on one port', config: { listeners: { inside: { port: 9092 } } }, path: 'listeners.outside.port', message: /also the INSIDE port/ },
    { name: 'a later broker landing on the ZooKeeper port', config: { brokers: 3, zookeeper: { port: 9094 } }, path: 'zookeeper.port', message: /got 9094, which broker 3 publishes as its OUTSIDE port/ },
    { name: 'ZooKeeper on a broker port', config: { zookeeper: { port: 9092 } }, path: 'zookeeper.port', message: /broker 1 publishes as its OUTSIDE port/ },
    { name: 'broker ports running past 65535', config: { brokers: 3, listeners: { outside: { port: 65534 } } }, path: 'listeners.outside.port', message: /last one would need port 65536/ },
    { name: 'replication factor above broker count', config: { topics: [{ name: 'orders', replicationFactor: 3 }] }, path: 'topics[0].replicationFactor', message: /got 3, but the cluster has 1 broker; expected at most 1/ },
    { name: 'zero partitions', config: { topics: [{ name: 'orders', partitions: 0 }] }, path: 'topics[0].partitions', message: /expected at least 1 partition/ },
    { name: 'topic name with a space', config: { topics: [{ name: 'my orders' }] }, path: 'topics[0].name', message: /got 'my orders', expected a topic name of 1 to 249 characters/ },
    { name: 'topic name too long', config: { topics: [{ name: 'x'.repeat(250) }] }, path: 'topics[0].name', message: /expected a topic name of 1 to 249 characters/ },
    { name: "topic named '..'", config: { topics: [{ name: '..' }] }, path: 'topics[0].name', message: /'\.' and '\.\.' are not valid topic names/ },
    { name: 'unknown topic setting', config: { topics: [{ name: 'a', config: { 'rentention.ms': 1 } }] }, path: 'topics[0].config.rentention.ms', message: /unknown topic setting; did you mean 'retention.ms'\?/ },
    { name: 'duplicate topic', config: { topics: [{ name: 'a' }, { name: 'a' }] }, path: 'topics[1].name', message: /got 'a' a second time/ },
    { name: 'topics not a list', config: { topics: { name: 'a' } }, path: 'topics', message: /got an object, expected a list of topics/ },
    { name: 'managed broker setting', config: { brokerConfig: { 'advertised.listeners': 'PLAINTEXT://x:1' } }, path: 'brokerConfig.advertised.listeners', message: /is set by kafka-dev from 'listeners'/ },
    { name: 'broker setting with an upper-case name', config: { brokerConfig: { LogRetention: 1 } }, path: 'brokerConfig.LogRetention', message: /expected a Kafka setting name such as log.retention.hours/ },
    { name: 'broker setting of a list', config: { brokerConfig: { 'log.retention.hours': [1] } }, path: 'brokerConfig.log.retention.hours', message: /expected a string, number or boolean/ },
    { name: 'heap without a unit', config: { heap: { kafka: '512' } }, path: 'heap.kafka', message: /got '512', expected a JVM heap size such as '512m'/ },
    { name: 'project name with upper case', config: { name: 'MyApp' }, path: 'name', message: /expected a compose project name/ },
    { name: 'unknown image flavor', config: { images: { flavor: 'bitnami' } }, path: 'images.flavor', message: /got 'bitnami', expected 'confluent' or 'apache'/ },
    { name: 'ZooKeeper mode with a Kafka 4 image', config: { images: { kafka: 'confluentinc/cp-kafka:8.0.0' } }, path: 'images.kafka', message: /Kafka 4 has no ZooKeeper mode: use mode 'kraft' or a 3.x image/ },
    { name: 'ZooKeeper mode with the apache/kafka image', config: { images: { kafka: 'apache/kafka:3.9.1' } }, path: 'mode', message: /only runs kraft mode/ },
    { name: 'dedicated controllers in ZooKeeper mode', config: { controllers: 3 }, path: 'controllers', message: /dedicated controllers exist only in mode 'kraft'/ },
    { name: 'too many controllers', config: { mode: 'kraft', controllers: 10 }, path: 'controllers', message: /got 10, expected at most 9 controllers/ },
    { name: 'controller port shared with INSIDE', config: { mode: 'kraft', listeners: { controller: { port: 9093 } } }, path: 'listeners.controller.port', message: /a broker listener already uses/ },
    { name: 'cluster id of the wrong length', config: { mode: 'kraft', clusterId: 'abc' }, path: 'clusterId', message: /expected 22 characters of base64url/ },
  ];

  test.each(badInputs)('rejects $name, naming $path', ({ config, path, message }) => {
    const issues = issuesOf(config);
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});
