import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { RunRequest, RunResult } from '../../../src/engine/runtime.js';
import { insidePath } from '../../../src/smoke/inside.js';
import { smokeValue } from '../../../src/smoke/message.js';
import type { SmokeRun } from '../../../src/smoke/path.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

const project = 'unit-inside';
const config = parseConfig({}, { source: 'test', defaultName: project, env: {} });
const run: SmokeRun = { runId: 'run1', topic: 'kafka-dev-smoke-run1-inside', partitions: 3, messages: 10, timeoutMs: 10_000, idleMs: 1000 };
const consumerName = `${project}-smoke-consumer-run1`;
const producerName = `${project}-smoke-producer-run1`;
const succeeded: RunResult = { exitCode: 0, stdout: '', stderr: '', timedOut: false };

/** The INSIDE path over fakes; `consumer` plays the console consumer's container. */
function inside(consumer: (request: RunRequest) => RunResult, admin = new FakeAdmin(), clientProperties?: string) {
  const runtime = new FakeRuntime();
  const producerInput: Promise<string>[] = [];
  runtime.runResult = (request) => {
    if (request.name === consumerName) return consumer(request);
    producerInput.push(request.stdin!);
    // As the engine does once the container has ended: its input is no longer waited for.
    request.stdin!.catch(() => undefined);
    return succeeded;
  };
  const requests: RunRequest[] = [];
  const answer = runtime.runResult;
  runtime.runResult = (request) => (requests.push(request), answer(request));
  const result = insidePath(run, { runtime, config, admin, bootstrap: 'kafka:9093', ...(clientProperties && { clientProperties }) });
  return { result, runtime, admin, producerInput, requests };
}

describe('the INSIDE path', () => {
  test('on a secured INSIDE both tools write the client properties from their environment and read them with --consumer.config / --producer.config', async () => {
    const properties = 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n';
    const { result, requests } = inside(() => succeeded, undefined, properties);
    await result;
    for (const request of requests) {
      expect(request.command.slice(0, 2)).toEqual(['sh', '-c']);
      expect(request.command[2]).toBe(`printf '%s' "$SMOKE_CLIENT_PROPERTIES" > /tmp/kafka-dev-client.properties && exec "$@"`);
      expect(request.environment).toMatchObject({ SMOKE_CLIENT_PROPERTIES: properties });
    }
    const [consumer, producer] = requests;
    expect(consumer!.command.slice(-2)).toEqual(['--consumer.config', '/tmp/kafka-dev-client.properties']);
    expect(producer!.environment).toMatchObject({ SMOKE_PRODUCER_OPTIONS: '--producer.config /tmp/kafka-dev-client.properties' });
    expect(producer!.command.at(-1)).toContain('$SMOKE_PRODUCER_OPTIONS');
  });

  test('on a PLAINTEXT INSIDE the tools run as they are', async () => {
    const { result, requests } = inside(() => succeeded);
    await result;
    expect(requests[0]!.command[0]).not.toBe('sh');
    expect(requests[1]!.environment).toMatchObject({ SMOKE_PRODUCER_OPTIONS: '' });
  });

  test("the consumer's lines of this run become receipts once it has joined; the producer gets its go signal and the group is deleted", async () => {
    const sentAt = Date.now() - 5;
    const { result, runtime, admin, producerInput } = inside((request) => {
      const lines = Array.from({ length: run.messages }, (_, seq) => `CreateTime:${sentAt}\tPartition:${seq % 3}\t${smokeValue(run.runId, seq)}\n`);
      request.onStdout!(['CreateTime:1\tPartition:0\tother-run:1\n', ...lines, 'Processed a total of 10 messages\n'].join(''));
      return succeeded;
    });
    const { stats, problems } = await result;
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ sent: 10, received: 10, lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(stats.latencyMs!.p50).toBeGreaterThanOrEqual(5);
    expect(stats.throughputPerSecond).toBeGreaterThan(0);
    await expect(producerInput[0]).resolves.toBe('go\n');
    expect(runtime.callsOf('runContainer')).toEqual([consumerName, producerName]);
    expect(runtime.callsOf('stopContainer')).toEqual([]);
    expect(admin.calls).toEqual([`deleteGroup ${run.topic}`]);
  });

  test('a consumer that ends before it joins is reported with what it said on stderr, once per line; the producer is stopped', async () => {
    const admin = new FakeAdmin();
    admin.groupIsStable = async () => false;
    const warning = '[2026-01-01 00:00:00,000] WARN Connection to node -1 could not be established';
    const { result, runtime, producerInput } = inside(
      () => ({ exitCode: 1, stdout: '', stderr: `${warning}\n\tat org.apache.kafka.Foo\n${warning}\n`, timedOut: false }),
      admin,
    );
    const { stats, problems } = await result;
    expect(stats.received).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatch(/ ended before it joined its consumer group: WARN Connection to node -1 could not be established$/);
    expect(problems[0]!.hint).toContain(`'docker compose -p ${project} logs'`);
    expect(runtime.callsOf('stopContainer')).toEqual([`${producerName} 0s`]);
    await expect(producerInput[0]).rejects.toThrow('smoke check over');
    expect(admin.calls).toEqual([`deleteGroup ${run.topic}`]);
  });
});
