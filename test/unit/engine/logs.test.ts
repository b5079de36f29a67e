import { describe, expect, test } from 'vitest';
import type { ContainerRuntime, ContainerSummary, LogLine, LogRequest } from '../../../src/engine/runtime.js';
import { sortableTime, stackLogs } from '../../../src/engine/logs.js';
import { InvalidArgumentsError, KafkaDevError } from '../../../src/base/errors.js';

const container = (service: string, extra: Record<string, string> = {}): ContainerSummary => ({
  id: `id-${service}`,
  name: `shop-${service}-1`,
  image: 'image',
  state: 'running',
  status: 'Up',
  labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, ...extra },
  ports: [],
});

/** The two calls stackLogs makes, over fixed logs; records the requests. */
function runtimeWith(logs: Record<string, LogLine[]>, containers = Object.keys(logs).map((service) => container(service))) {
  const requests: { id: string; request: LogRequest }[] = [];
  const runtime = {
    info: async () => ({ version: '28', apiVersion: '1.48' }),
    listContainers: async () => containers,
    async *containerLogLines(id: string, request: LogRequest) {
      requests.push({ id, request });
      yield* logs[id.replace('id-', '')] ?? [];
    },
  } as unknown as ContainerRuntime;
  return { runtime, requests };
}

const line = (timestamp: string, text: string): LogLine => ({ stream: 'stdout', timestamp, text });
const collect = async (lines: AsyncIterable<{ service: string; text: string }>) => {
  const all: string[] = [];
  for await (const item of lines) all.push(`${item.service}: ${item.text}`);
  return all;
};

describe('stackLogs', () => {
  test("merges the containers' lines in time order, services sorted by name", async () => {
    const { runtime, requests } = runtimeWith({
      zookeeper: [line('2026-01-31T12:00:00.5Z', 'zk binding'), line('2026-01-31T12:00:02Z', 'zk ready')],
      kafka: [line('2026-01-31T12:00:01.25Z', 'kafka starting'), line('2026-01-31T12:00:02Z', 'kafka started')],
    });
    const logs = await stackLogs('shop', runtime, { follow: false, tail: 10 });
    expect(logs.services).toEqual(['kafka', 'zookeeper']);
    expect(await collect(logs.lines)).toEqual(['zookeeper: zk binding', 'kafka: kafka starting', 'kafka: kafka started', 'zookeeper: zk ready']);
    expect(requests.map(({ request }) => request.tail)).toEqual([10, 10]);
  });

  test('reads only the service asked for, and leaves out one-off containers', async () => {
    const { runtime, requests } = runtimeWith({ kafka: [line('2026-01-31T12:00:00Z', 'hello')] }, [
      container('kafka'),
      container('zookeeper'),
      container('kafka', { 'com.docker.compose.oneoff': 'True' }),
    ]);
    const logs = await stackLogs('shop', runtime, { follow: false, service: 'kafka' });
    expect(await collect(logs.lines)).toEqual(['kafka: hello']);
    expect(requests.map(({ id }) => id)).toEqual(['id-kafka']);
  });

  test('an unknown service is refused with the services there are', async () => {
    const { runtime } = runtimeWith({ kafka: [], zookeeper: [] });
    const error = await stackLogs('shop', runtime, { follow: false, service: 'broker' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect((error as Error).message).toContain("service: got 'broker', which is not a service of project shop; expected one of: kafka, zookeeper");
  });

  test('a project without containers says how to start it', async () => {
    const { runtime } = runtimeWith({});
    await expect(stackLogs('shop', runtime, { follow: false })).rejects.toThrow(KafkaDevError);
    await expect(stackLogs('shop', runtime, { follow: false })).rejects.toThrow('Project shop has no containers');
  });

  test('following passes lines on as they come and ends when every container has ended', async () => {
    const { runtime } = runtimeWith({ kafka: [line('t', 'k1'), line('t', 'k2')], zookeeper: [line('t', 'z1')] });
    const logs = await stackLogs('shop', runtime, { follow: true });
    expect((await collect(logs.lines)).sort()).toEqual(['kafka: k1', 'kafka: k2', 'zookeeper: z1']);
  });
});

test('sortableTime pads the nanoseconds Docker trims, so text order is time order', () => {
  expect(sortableTime('2026-01-31T12:00:00.5Z')).toBe('2026-01-31T12:00:00.500000000Z');
  expect(sortableTime('2026-01-31T12:00:00Z')).toBe('2026-01-31T12:00:00.000000000Z');
  expect(sortableTime('2026-01-31T12:00:00.5Z') > sortableTime('2026-01-31T12:00:00.123456789Z')).toBe(true);
});
