import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { WireError } from '../../../src/kafka/metadata-wire.js';
import { splitHostPort } from '../../../src/model/cluster.js';
import { describeClusterPlainly, describeTopicsPlainly, exchange } from '../../../src/kafka/plain-reads.js';
import { encodeDescribeConfigs, encodeMetadata, readHeader, sizePrefixed, type ConfigEntryBody, type MetadataBody, type MetadataTopicBody } from './metadata-response.js';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Starts `server` on 127.0.0.1 (any free port unless given), to be closed after the test; its address. */
async function listening(server: Server, port = 0): Promise<string> {
  servers.push(server);
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const options = { timeoutMs: 2000, retries: 0 };

/** What the fake broker knows: its Metadata (every topic), each topic's settings, and DescribeConfigs errors by topic. */
interface Cluster {
  readonly metadata: MetadataBody;
  readonly configs?: Readonly<Record<string, readonly ConfigEntryBody[]>>;
  readonly configErrors?: Readonly<Record<string, { code: number; message: string | null }>>;
}

/** A request as the fake broker read it: which API, and which topics it named (null: every topic). */
interface Asked {
  readonly apiKey: number;
  readonly topics: readonly string[] | null;
}

const unknownTopic = (name: string): MetadataTopicBody => ({ errorCode: 3, name, internal: false, partitions: [] });

/**
 * A stand-in broker on 127.0.0.1: reads size-prefixed requests and answers Metadata (3) and
 * DescribeConfigs (32) from `cluster` as Kafka would (a named topic it does not have comes back
 * with error 3), each reply in two writes as TCP may split it. Every request is kept in `asked`.
 */
async function broker(cluster: Cluster): Promise<{ address: string; asked: Asked[] }> {
  const asked: Asked[] = [];
  const server = createServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      while (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        const request = received.subarray(0, 4 + received.readInt32BE(0));
        received = received.subarray(request.length);
        const reply = sizePrefixed(answer(cluster, request, asked));
        socket.write(reply.subarray(0, 3));
        setTimeout(() => socket.write(reply.subarray(3)), 2);
      }
    });
  });
  return { address: await listening(server), asked };
}

function answer({ metadata, configs = {}, configErrors = {} }: Cluster, request: Buffer, asked: Asked[]): Buffer {
  const { header, reader } = readHeader(request);
  if (header.apiKey === 3) {
    const names = reader.array(reader.string);
    asked.push({ apiKey: 3, topics: names });
    const topics = names === null ? metadata.topics : names.map((name) => metadata.topics.find((topic) => topic.name === name) ?? unknownTopic(name));
    return encodeMetadata(header.correlationId, { ...metadata, topics });
  }
  if (header.apiKey === 32) {
    const names = reader.array(() => {
      reader.int8(); // resource type
      const name = reader.string();
      reader.array(reader.string); // configuration keys
      return name;
    })!;
    asked.push({ apiKey: 32, topics: names });
    const results = names.map((name) => ({
      errorCode: configErrors[name]?.code ?? 0,
      errorMessage: configErrors[name]?.message ?? null,
      resourceName: name,
      configs: configs[name] ?? [],
    }));
    return encodeDescribeConfigs(header.correlationId, results);
  }
  throw new Error(`the fake broker does not speak api key ${header.apiKey}`);
}

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Three brokers listed out of order, an internal topic, and topics whose partitions come out of order, one without a leader. */
const metadata: MetadataBody = {
  brokers: [
    { nodeId: 3, host: 'kafka-3', port: 9094, rack: 'b' },
    { nodeId: 1, host: 'kafka-1', port: 9092, rack: 'a' },
    { nodeId: 2, host: 'kafka-2', port: 9093, rack: null },
  ],
  clusterId: 'lRxrBNUiRkW7HXR5k2m9Ig',
  controllerId: 2,
  topics: [
    {
      errorCode: 0,
      name: 'payments',
      internal: false,
      partitions: [
        { errorCode: 0, partition: 2, leader: 3, replicas: [3, 1, 2], isr: [3, 1, 2] },
        { errorCode: 0, partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
        // Every replica on a broker that is gone: LEADER_NOT_AVAILABLE, no leader, nothing in sync.
        { errorCode: 5, partition: 1, leader: -1, replicas: [2, 3, 1], isr: [] },
      ],
    },
    { errorCode: 0, name: '__consumer_offsets', internal: true, partitions: [{ errorCode: 0, partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] }] },
    {
      errorCode: 0,
      name: 'orders',
      internal: false,
      partitions: [
        // Mid-reassignment, partition 1 has a third replica: the replication factor is partition 0's.
        { errorCode: 0, partition: 1, leader: 2, replicas: [2, 1, 3], isr: [2, 1] },
        { errorCode: 0, partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
      ],
    },
  ],
};

const configs: Record<string, ConfigEntryBody[]> = {
  orders: [
    { name: 'retention.ms', value: '86400000', source: 1, synonyms: [{ name: 'log.retention.ms', value: null, source: 5 }] },
    { name: 'segment.bytes', value: '1073741824', source: 5, readOnly: false },
    { name: 'cleanup.policy', value: 'compact', source: 1 },
    { name: 'min.insync.replicas', value: '2', source: 4 },
    // A sensitive setting on the topic itself comes back without its value: not a setting to show.
    { name: 'sasl.jaas.config', value: null, source: 1, sensitive: true },
    { name: 'compression.type', value: null, source: 5 },
  ],
  payments: [{ name: 'compression.type', value: 'producer', source: 5 }],
};

const orders = {
  name: 'orders',
  partitions: 2,
  replicationFactor: 2,
  partitionDetails: [
    { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
    { partition: 1, leader: 2, replicas: [2, 1, 3], isr: [2, 1] },
  ],
  config: { 'cleanup.policy': 'compact', 'retention.ms': '86400000' },
};

const payments = {
  name: 'payments',
  partitions: 3,
  replicationFactor: 3,
  partitionDetails: [
    { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
    { partition: 1, leader: -1, replicas: [2, 3, 1], isr: [] },
    { partition: 2, leader: 3, replicas: [3, 1, 2], isr: [3, 1, 2] },
  ],
  config: {},
};

/** The cluster above with one topic changed. */
const withTopic = (name: string, change: Partial<MetadataTopicBody>): MetadataBody => ({
  ...metadata,
  topics: metadata.topics.map((topic) => (topic.name === name ? { ...topic, ...change } : topic)),
});

describe('describeTopicsPlainly', () => {
  test('lists the topics that are not internal, by name, partitions by index, with leaderless partitions at leader -1', async () => {
    const { address } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([address], undefined, options)).toEqual([orders, payments]);
  });

  test('named topics come in the order asked for; all topics by code unit, as the client sorts them', async () => {
    const { address } = await broker({ metadata, configs });
    expect((await describeTopicsPlainly([address], ['payments', 'orders'], options)).map((topic) => topic.name)).toEqual(['payments', 'orders']);
    const renamed = { ...metadata, topics: metadata.topics.map((topic) => (topic.name === 'payments' ? { ...topic, name: 'Payments' } : topic)) };
    const { address: other } = await broker({ metadata: renamed, configs: {} });
    expect((await describeClusterPlainly([other], options)).topics.map((topic) => topic.name)).toEqual(['Payments', 'orders']);
  });

  test("a topic's config is only what was set on the topic itself (source 1) and has a value, sorted by name", async () => {
    const { address } = await broker({ metadata, configs });
    const [described] = await describeTopicsPlainly([address], ['orders'], options);
    expect(described?.config).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '86400000' });
    expect(Object.keys(described?.config ?? {})).toEqual(['cleanup.policy', 'retention.ms']);
  });

  test('the replication factor is the replica count of partition 0, wherever it comes in the reply', async () => {
    const { address } = await broker({ metadata, configs });
    const [described] = await describeTopicsPlainly([address], ['orders'], options);
    expect(described?.replicationFactor).toBe(2);
  });

  test('asks Metadata for every topic, then DescribeConfigs only for the topics it lists', async () => {
    const { address, asked } = await broker({ metadata, configs });
    await describeTopicsPlainly([address], undefined, options);
    expect(asked).toEqual([
      { apiKey: 3, topics: null },
      { apiKey: 32, topics: ['orders', 'payments'] },
    ]);
  });

  test('naming topics asks for and describes only those', async () => {
    const { address, asked } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([address], ['payments'], options)).toEqual([payments]);
    expect(asked).toEqual([
      { apiKey: 3, topics: ['payments'] },
      { apiKey: 32, topics: ['payments'] },
    ]);
  });

  test('a named topic the broker does not have (error 3) is left out', async () => {
    const { address } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([address], ['orders', 'missing'], options)).toEqual([orders]);
  });

  test('when no named topic exists the answer is empty and DescribeConfigs is not asked', async () => {
    const { address, asked } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([address], ['missing'], options)).toEqual([]);
    expect(asked.map((request) => request.apiKey)).toEqual([3]);
  });

  test('an internal topic is left out even when named', async () => {
    const { address } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([address], ['__consumer_offsets'], options)).toEqual([]);
  });

  test('a partition with REPLICA_NOT_AVAILABLE (9) is listed too', async () => {
    const replicaMissing = { errorCode: 9, partition: 0, leader: 1, replicas: [1, 2], isr: [1] };
    const { address } = await broker({ metadata: withTopic('orders', { partitions: [replicaMissing] }), configs });
    const [described] = await describeTopicsPlainly([address], ['orders'], options);
    expect(described?.partitionDetails).toEqual([{ partition: 0, leader: 1, replicas: [1, 2], isr: [1] }]);
  });

  test('a topic error it does not understand (29, TOPIC_AUTHORIZATION_FAILED) is a WireError, so the caller asks the client', async () => {
    const { address } = await broker({ metadata: withTopic('orders', { errorCode: 29, partitions: [] }), configs });
    await expect(describeTopicsPlainly([address], undefined, options)).rejects.toThrow(new WireError("Metadata of 'orders' answered error 29"));
  });

  test('a partition error it does not understand (72, LISTENER_NOT_FOUND) is a WireError', async () => {
    const partition = { errorCode: 72, partition: 0, leader: -1, replicas: [1, 2], isr: [1, 2] };
    const { address } = await broker({ metadata: withTopic('orders', { partitions: [partition] }), configs });
    await expect(describeTopicsPlainly([address], undefined, options)).rejects.toThrow(WireError);
  });

  test("the WireError of a partition error names that partition's error code", async () => {
    const partition = { errorCode: 72, partition: 0, leader: -1, replicas: [1, 2], isr: [1, 2] };
    const { address } = await broker({ metadata: withTopic('orders', { partitions: [partition] }), configs });
    await expect(describeTopicsPlainly([address], undefined, options)).rejects.toThrow(/error 72/);
  });

  test("a DescribeConfigs result with an error is a WireError naming the topic, the code and the broker's message", async () => {
    const { address } = await broker({ metadata, configs, configErrors: { payments: { code: 29, message: 'Authorization failed.' } } });
    await expect(describeTopicsPlainly([address], undefined, options)).rejects.toThrow(new WireError("DescribeConfigs of 'payments' answered error 29 (Authorization failed.)"));
  });

  test('asks DescribeConfigs of the broker that answered Metadata', async () => {
    const refused = await closedPort();
    const { address, asked } = await broker({ metadata, configs });
    expect(await describeTopicsPlainly([`127.0.0.1:${refused}`, address], ['orders'], options)).toEqual([orders]);
    expect(asked.map((request) => request.apiKey)).toEqual([3, 32]);
  });
});

describe('describeClusterPlainly', () => {
  test('is the cluster id, the controller, brokers sorted by id and the topics that are not internal, by name', async () => {
    const { address, asked } = await broker({ metadata, configs });
    expect(await describeClusterPlainly([address], options)).toEqual({
      clusterId: 'lRxrBNUiRkW7HXR5k2m9Ig',
      controllerId: 2,
      brokers: [
        { id: 1, host: 'kafka-1', port: 9092 },
        { id: 2, host: 'kafka-2', port: 9093 },
        { id: 3, host: 'kafka-3', port: 9094 },
      ],
      topics: [
        { name: 'orders', partitions: 2, replicationFactor: 2 },
        { name: 'payments', partitions: 3, replicationFactor: 3 },
      ],
    });
    expect(asked).toEqual([{ apiKey: 3, topics: null }]);
  });

  test('a cluster without an id (null) has the empty string, and one without topics none', async () => {
    const { address } = await broker({ metadata: { ...metadata, clusterId: null, topics: [] } });
    expect(await describeClusterPlainly([address], options)).toMatchObject({ clusterId: '', topics: [] });
  });

  test('a topic error it does not understand is a WireError here too', async () => {
    const { address } = await broker({ metadata: withTopic('payments', { errorCode: 29, partitions: [] }) });
    await expect(describeClusterPlainly([address], options)).rejects.toThrow(WireError);
  });
});

describe('which broker answers', () => {
  test('a bootstrap address that refuses is passed over for the next one, which answers', async () => {
    const refused = await closedPort();
    const { address } = await broker({ metadata, configs });
    const cluster = await describeClusterPlainly([`127.0.0.1:${refused}`, address], options);
    expect(cluster.brokers.map((one) => one.id)).toEqual([1, 2, 3]);
  });

  test("when every address refuses and there are no retries, it rejects with 'No broker answered' naming each address", async () => {
    const [first, second] = [await closedPort(), await closedPort()];
    const failed = describeClusterPlainly([`127.0.0.1:${first}`, `127.0.0.1:${second}`], options);
    await expect(failed).rejects.toThrow(/^No broker answered: /);
    await expect(failed).rejects.toThrow(`127.0.0.1:${first}: no answer:`);
    await expect(failed).rejects.toThrow(`127.0.0.1:${second}: no answer:`);
    await expect(failed).rejects.not.toBeInstanceOf(WireError);
  });

  test('with retries, a broker that starts listening after the first attempt is answered', async () => {
    const port = await closedPort();
    const server = createServer((socket) => {
      socket.once('data', (request) => socket.write(sizePrefixed(encodeMetadata(readHeader(request).header.correlationId, metadata))));
    });
    setTimeout(() => void listening(server, port), 100);
    const cluster = await describeClusterPlainly([`127.0.0.1:${port}`], { timeoutMs: 2000, retries: 2 });
    expect(cluster.controllerId).toBe(2);
  });

  test('a broker that accepts and never answers is given up on after timeoutMs', async () => {
    const address = await listening(createServer(() => undefined));
    await expect(describeClusterPlainly([address], { timeoutMs: 100, retries: 0 })).rejects.toThrow(`No broker answered: ${address}: no answer within 100 ms`);
  });

  test('a reply to another request (another correlation id) is a WireError', async () => {
    const address = await listening(
      createServer((socket) => socket.once('data', (request) => socket.write(sizePrefixed(encodeMetadata(readHeader(request).header.correlationId + 1, metadata))))),
    );
    await expect(describeClusterPlainly([address], options)).rejects.toThrow(WireError);
  });

  test('a reply of the right size that is not Kafka is a WireError, not another broker to try', async () => {
    const refused = await closedPort();
    const address = await listening(createServer((socket) => socket.once('data', () => socket.end(sizePrefixed(Buffer.from('not a Kafka reply'))))));
    await expect(describeClusterPlainly([address, `127.0.0.1:${refused}`], options)).rejects.toThrow(WireError);
  });

  test('a listener that answers bytes that are not Kafka and hangs up (an HTTP server) is a WireError, so the caller asks the client', async () => {
    const address = await listening(createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))));
    await expect(describeClusterPlainly([address], options)).rejects.toThrow(WireError);
  });
});

describe('exchange', () => {
  test('is the reply without its size prefix, reassembled from however many chunks it comes in', async () => {
    const body = Buffer.from('a reply that comes a byte at a time');
    const server = createServer((socket) =>
      socket.once('data', () => {
        const reply = sizePrefixed(body);
        for (const [index, byte] of [...reply].entries()) setTimeout(() => socket.write(Buffer.from([byte])), index);
      }),
    );
    const { port } = splitHostPort(await listening(server));
    expect(await exchange('127.0.0.1', port, Buffer.from('ask'), 2000)).toEqual(body);
  });

  test('a connection closed before the whole reply is an Error, not a reply', async () => {
    const { port } = splitHostPort(await listening(createServer((socket) => socket.once('data', () => socket.end(Buffer.from([0, 0, 0, 10, 1, 2]))))));
    expect(await exchange('127.0.0.1', port, Buffer.from('ask'), 2000)).toBeInstanceOf(Error);
  });

  test('a refused connection is an Error saying so', async () => {
    const reply = await exchange('127.0.0.1', await closedPort(), Buffer.from('ask'), 2000);
    expect(reply).toBeInstanceOf(Error);
    expect((reply as Error).message).toMatch(/^no answer: connect ECONNREFUSED/);
  });
});
