import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { PathProblem } from '../../../src/kafka/diagnose.js';
import { runSmoke, smokeFailure, summarizeSmoke, type SmokeDependencies } from '../../../src/smoke/smoke.js';
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

function smokeWith(overrides: Partial<SmokeDependencies> = {}) {
  const admin = new FakeAdmin([1]);
  const dependencies: SmokeDependencies = {
    diagnoseOutside: async () => [],
    withAdmin: admin.withAdmin,
    outsidePath: (_bootstrap, run) => pathDelivering()(run),
    insidePath: (run) => pathDelivering()(run),
    ...overrides,
  };
  return { admin, report: runSmoke(config, new FakeRuntime(), { messages: 100 }, dependencies) };
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
});
