import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { insideReach } from '../../../src/smoke/inside-reach.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';
import { metadataResponse } from '../kafka/metadata-response.js';

const config = parseConfig({ brokers: 2 }, { source: 'test', defaultName: 'unit-reach', env: {} });
const addresses = ['kafka-1:9093', 'kafka-2:9093'];
const brokers = [
  { nodeId: 1, host: 'kafka-1', port: 9093 },
  { nodeId: 2, host: 'kafka-2', port: 9093 },
];
/** The correlation id the request carries (see inside-reach.ts). */
const correlationId = 0x6b64;
const ok = (address: string, reply = metadataResponse(correlationId, brokers)) => `ok ${address} ${reply.toString('hex')}`;

async function reachPrinting(stdout: string, extra: { exitCode?: number; stderr?: string; timedOut?: boolean } = {}) {
  const runtime = new FakeRuntime();
  let environment: Readonly<Record<string, string>> | undefined;
  runtime.runResult = (request) => {
    environment = request.environment;
    return { exitCode: 0, stderr: '', timedOut: false, ...extra, stdout };
  };
  const result = await insideReach({ runtime, config, addresses, runId: 'r1', timeoutMs: 30_000 });
  return { result, environment, calls: runtime.calls };
}

describe('insideReach', () => {
  test('passes the addresses whose reply lists every broker at its INSIDE address, from one container on the network', async () => {
    const { result, environment, calls } = await reachPrinting(`${ok(addresses[0]!)}\n${ok(addresses[1]!)}\n`);
    expect(result).toEqual({ answered: addresses, problems: [] });
    expect(calls).toEqual(['runContainer unit-reach-smoke-reach-r1']);
    expect(environment).toMatchObject({ SMOKE_ADDRESSES: 'kafka-1:9093 kafka-2:9093', SMOKE_WAIT_SECONDS: '15' });
    expect(environment!.SMOKE_REQUEST).toMatch(/^(\\x[0-9a-f]{2})+$/);
  });

  test('an address that advertises fewer brokers, or none reachable, or another reply, is named with what it said', async () => {
    const partial = metadataResponse(correlationId, brokers.slice(0, 1));
    const { result } = await reachPrinting(`${ok(addresses[0]!, partial)}\nfail kafka-2:9093 bash: kafka-2: Name or service not known\n`);
    expect(result.answered).toEqual([]);
    expect(result.problems.map((problem) => problem.problem)).toEqual([
      'kafka-1:9093: advertises kafka-1:9093, without kafka-2:9093',
      'kafka-2:9093: no Kafka answer from a container on the network: bash: kafka-2: Name or service not known',
    ]);
    expect(result.problems[0]!.hint).toMatch(/unit-reach_default/);
  });

  test('a reply that is not to this request does not count', async () => {
    const { result } = await reachPrinting(`${ok(addresses[0]!, metadataResponse(1, brokers))}\n${ok(addresses[1]!)}\n`);
    expect(result.answered).toEqual(['kafka-2:9093']);
    expect(result.problems[0]!.problem).toBe('kafka-1:9093: the reply is not to this request (correlation id 1)');
  });

  test('a container that printed nothing fails every address, saying how it ended', async () => {
    const { result } = await reachPrinting('', { exitCode: 125, stderr: 'exec: "bash": executable file not found' });
    expect(result.problems.map((problem) => problem.problem)).toEqual(
      addresses.map((address) => `${address}: no answer (the check container exited with code 125: exec: "bash": executable file not found)`),
    );
    const timedOut = await reachPrinting('', { timedOut: true, exitCode: 137 });
    expect(timedOut.result.problems[0]!.problem).toBe('kafka-1:9093: no answer before the time limit');
  });
});
