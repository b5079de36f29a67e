import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { PathProblem } from '../../../src/kafka/diagnose.js';
import { runSmoke, smokeFailure, summarizeSmoke, type SmokeDependencies, type SmokeDepth } from '../../../src/smoke/smoke.js';
import type { PathResult, SmokeRun } from '../../../src/smoke/path.js';
import { deliveryStats } from '../../../src/smoke/stats.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

const project = 'unit-smoke';
const config = parseConfig({}, { source: 'test', defaultName: project, env: {} });

/** A path on which the first `delivered` messages come back, in order, 2 ms after they were sent. */
const pathDelivering =
  (delivered?: number) =>
  async (run: SmokeRun): Promise<PathResult> => {
    const count = delivered ?? run.messages;
    const receipts = Array.from({ length: count }, (_, seq) => ({ seq, partition: seq % run.partitions, latencyMs: 2 }));
    return { stats: deliveryStats(run.messages, receipts, 100), problems: [] };
  };

function smokeWith(overrides: Partial<SmokeDependencies> = {}, depth?: SmokeDepth) {
  const admin = new FakeAdmin([1]);
  const dependencies: SmokeDependencies = {
    diagnoseOutside: async () => [],
    securityRefusals: async () => [],
    clientsOf: async () => ({ host: ['localhost:9092'] }),
    withAdmin: admin.withAdmin,
    outsidePath: (_bootstrap, run) => pathDelivering()(run),
    insidePath: (run) => pathDelivering()(run),
    insideReach: async ({ addresses }) => ({ answered: addresses, problems: [] }),
    listenerAnswers: async () => ({ outside: { answered: ['localhost:9092'], problems: [] }, inside: { answered: ['kafka:9093'], problems: [] } }),
    ...overrides,
  };
  return { admin, report: runSmoke(config, new FakeRuntime(), { messages: 100, depth }, dependencies) };
}

describe('runSmoke', () => {
  test('passes when every message comes back once and in order on both paths', async () => {
    const { report } = smokeWith();
    const smoke = await report;
    expect(smoke).toMatchObject({ project, partitions: 3, messages: 100, passed: true });
    expect(smoke.paths.map((path) => [path.path, path.bootstrap, path.status])).toEqual([
      ['outside', 'localhost:9092', 'passed'],
      ['inside', 'kafka:9093', 'passed'],
    ]);
    expect(summarizeSmoke(smoke)).toBe(
      'outside 100/100 back once and in order, p50 2.0 ms, p99 2.0 ms; inside 100/100 back once and in order, p50 2.0 ms, p99 2.0 ms',
    );
  });

  test('makes a topic per path for the run and deletes both afterwards', async () => {
    const { admin, report } = smokeWith();
    const smoke = await report;
    const topics = smoke.paths.map((path) => path.topic);
    expect(topics[0]).toMatch(/-outside$/);
    expect(topics[1]).toMatch(/-inside$/);
    expect(admin.calls).toEqual([...topics.map((topic) => `createTopic ${topic}`), `deleteTopics ${topics.join(',')}`]);
    expect(admin.topics.size).toBe(0);
  });

  test('a path that loses messages fails the check, and the error counts what came back', async () => {
    const { report } = smokeWith({ insidePath: (run) => pathDelivering(90)(run) });
    const smoke = await report;
    expect(smoke.passed).toBe(false);
    expect(smoke.paths.map((path) => path.status)).toEqual(['passed', 'failed']);
    expect(smokeFailure(smoke).message).toBe(
      `Smoke check failed (project ${project}):\n  inside (kafka:9093): 90 of 100 messages came back; 10 lost, 0 duplicated, 0 out of order`,
    );
  });

  test('a path that throws fails with the reason, and the hint points to status', async () => {
    const { report } = smokeWith({
      outsidePath: async () => {
        throw new Error('connection reset');
      },
    });
    const smoke = await report;
    expect(smoke.paths[0]).toMatchObject({ status: 'failed', stats: null, problems: [{ problem: 'failed: connection reset' }] });
    expect(smokeFailure(smoke).hint).toBe("Run 'kafka-dev status' to see whether every service is healthy.");
  });

  test('a broken OUTSIDE listener fails OUTSIDE with the diagnosis and skips INSIDE, which needs OUTSIDE to make its topic', async () => {
    const problem: PathProblem = { problem: 'broker 1 advertises kafka:9092, which the host cannot resolve', hint: "Set 'listeners.outside.advertisedHost'." };
    const { admin, report } = smokeWith({ diagnoseOutside: async () => [problem] });
    const smoke = await report;
    expect(smoke.paths.map((path) => [path.status, path.problems[0]?.problem])).toEqual([
      ['failed', problem.problem],
      ['skipped', 'not run: kafka-dev creates the smoke topics from the host, over OUTSIDE'],
    ]);
    expect(smokeFailure(smoke).hint).toBe(problem.hint);
    expect(admin.calls).toEqual([]);
  });

  test('on a secured stack a refusal that does not come (a wrong password accepted) fails OUTSIDE; the user is asked about after the messages', async () => {
    const user = { bootstrap: ['localhost:9092'], protocol: 'SASL_SSL' as const, sasl: { mechanism: 'SCRAM-SHA-512' as const, username: 'app', password: 'p' } };
    const accepted: PathProblem = { problem: "a wrong password for user 'app' was accepted", hint: 'recreate the brokers' };
    const asked: string[] = [];
    const { report } = smokeWith({
      clientsOf: async () => ({ host: user, user }),
      securityRefusals: async (_security, who, topic) => (asked.push(`${who.sasl!.username} ${topic}`), [accepted]),
    });
    const smoke = await report;
    expect(smoke.paths[0]).toMatchObject({ path: 'outside', status: 'failed', problems: [accepted] });
    expect(asked).toEqual([`app ${smoke.paths[0]!.topic}`]);
  });

  test('without a user (a PLAINTEXT stack) nothing is asked to be refused', async () => {
    const { report } = smokeWith({ securityRefusals: async () => expect.unreachable('no refusals on a PLAINTEXT stack') });
    expect((await report).passed).toBe(true);
  });

  test('quick: messages over OUTSIDE only, and INSIDE proven by Metadata from a container, started beside the topic', async () => {
    const { admin, report } = smokeWith({ insidePath: async () => expect.unreachable('no console tools in a quick check') }, 'quick');
    const smoke = await report;
    expect(smoke.passed).toBe(true);
    expect(smoke.paths[1]).toMatchObject({ path: 'inside', status: 'passed', stats: null, answered: ['kafka:9093'] });
    expect(smoke.paths[1]!.measured).toMatch(/^a Kafka Metadata request from a throwaway container on unit-smoke_default/);
    expect(admin.calls).toEqual([`createTopic ${smoke.paths[0]!.topic}`, `deleteTopics ${smoke.paths[0]!.topic}`]);
    expect(summarizeSmoke(smoke)).toBe('outside 100/100 back once and in order, p50 2.0 ms, p99 2.0 ms; inside kafka:9093 answers Metadata with every broker');
  });

  test('quick: an INSIDE address that does not answer fails the check with its reason', async () => {
    const problem = { problem: 'kafka:9093: no Kafka answer from a container on the network', hint: 'see the network' };
    const { report } = smokeWith({ insideReach: async () => ({ answered: [], problems: [problem] }) }, 'quick');
    const smoke = await report;
    expect(smoke.paths.map((path) => path.status)).toEqual(['passed', 'failed']);
    expect(smokeFailure(smoke).message).toBe(`Smoke check failed (project ${project}):\n  inside (kafka:9093): ${problem.problem}`);
  });

  test('answers: no topics, no messages; both listeners answer from the host', async () => {
    const unreachable = async () => expect.unreachable('no messages when the stack only has to answer');
    const { admin, report } = smokeWith({ outsidePath: unreachable, insidePath: unreachable, insideReach: unreachable }, 'answers');
    const smoke = await report;
    expect(smoke.paths.map((path) => [path.path, path.status, path.answered])).toEqual([
      ['outside', 'passed', ['localhost:9092']],
      ['inside', 'passed', ['kafka:9093']],
    ]);
    expect(admin.calls).toEqual([]);
    expect(summarizeSmoke(smoke)).toBe('outside localhost:9092 answers Metadata with every broker; inside kafka:9093 answers Metadata with every broker');
  });

  test('answers: where the host cannot reach the network, a container asks INSIDE; a broken listener fails', async () => {
    const asked: string[][] = [];
    const problem = { problem: 'localhost:9092: no answer: connect ECONNREFUSED 127.0.0.1:9092', hint: 'status' };
    const { report } = smokeWith(
      {
        listenerAnswers: async () => ({ outside: { answered: [], problems: [problem] }, inside: 'unreachable' }),
        insideReach: async ({ addresses }) => (asked.push([...addresses]), { answered: addresses, problems: [] }),
      },
      'answers',
    );
    const smoke = await report;
    expect(asked).toEqual([['kafka:9093']]);
    expect(smoke.paths.map((path) => path.status)).toEqual(['failed', 'passed']);
    expect(smoke.paths[1]!.measured).toMatch(/from a throwaway container/);
    expect(smokeFailure(smoke).message).toContain(problem.problem);
  });

  test('a listener behind TLS or SASL is proven with messages whatever depth was asked: a bare Metadata request cannot log in', async () => {
    const secured = parseConfig({ security: { inside: 'SASL_PLAINTEXT' } }, { source: 'test', defaultName: project, env: {} });
    const insideRuns: string[] = [];
    const dependencies: SmokeDependencies = {
      diagnoseOutside: async () => [],
      securityRefusals: async () => [],
      clientsOf: async () => ({ host: ['localhost:9092'] }),
      withAdmin: new FakeAdmin([1]).withAdmin,
      outsidePath: (_bootstrap, run) => pathDelivering()(run),
      insidePath: (run) => (insideRuns.push(run.topic), pathDelivering()(run)),
      insideReach: async () => expect.unreachable('no bare Metadata request to a secured listener'),
      listenerAnswers: async () => expect.unreachable('no bare Metadata request to a secured listener'),
    };
    for (const depth of ['quick', 'answers'] as const) {
      const smoke = await runSmoke(secured, new FakeRuntime(), { messages: 10, depth }, dependencies);
      expect(smoke.paths.map((path) => [path.path, path.status, path.stats?.received])).toEqual([
        ['outside', 'passed', 10],
        ['inside', 'passed', 10],
      ]);
    }
    expect(insideRuns).toHaveLength(2);
  });
});
