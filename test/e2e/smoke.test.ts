import { Admin } from '@platformatic/kafka';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import type { PathReport, SmokeReport } from '../../src/smoke/smoke.js';
import { docker, kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** Ports of their own, so this stack runs beside one on the defaults. */
const ports = { listeners: { outside: { port: 19092 }, inside: { port: 9093 } }, zookeeper: { port: 12181 } } satisfies UserConfig;

/** The smoke check over OUTSIDE (host) and INSIDE (containers on the network), on the default-sized stack. */
describe('kafka-dev smoke', () => {
  const project = uniqueProject('smoke');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd });
  const smokeJson = async (...args: string[]): Promise<SmokeReport> => {
    const result = await run('smoke', '--json', ...args);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as SmokeReport;
  };
  /** The figures go to the test log, for the record of what was measured here. */
  const record = (report: SmokeReport) => {
    for (const { path, stats } of report.paths) {
      const { p50, p99 } = stats!.latencyMs!;
      console.log(`smoke ${report.messages} messages, ${path}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${Math.round(stats!.throughputPerSecond!)} msg/s`);
    }
  };
  const expectEveryMessageOnceInOrder = (report: SmokeReport, messages: number) => {
    expect(report).toMatchObject({ passed: true, messages, partitions: 3 });
    expect(report.paths.map((path) => [path.path, path.bootstrap, path.status])).toEqual([
      ['outside', 'localhost:19092', 'passed'],
      ['inside', 'kafka:9093', 'passed'],
    ]);
    for (const path of report.paths) {
      expect(path.stats).toMatchObject({ sent: messages, received: messages, lost: 0, duplicated: 0, outOfOrder: 0 });
      expect(path.stats!.latencyMs!.p50).toBeLessThanOrEqual(path.stats!.latencyMs!.p99);
      expect(path.stats!.throughputPerSecond).toBeGreaterThan(0);
      expect(path.measured).toMatch(/^latency: from /);
    }
  };

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(ports);
  });
  afterAll(() => removeProject(project));

  test('up ends with a smoke check that passes over both listeners: messages over OUTSIDE, Metadata from a container over INSIDE', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    // The smoke step's line is progress, on stderr.
    expect(result.stderr).toMatch(/Smoke check: outside 100\/100 back once and in order, p50 [\d.]+ ms, p99 [\d.]+ ms; inside kafka:9093 answers Metadata with every broker/);
  });

  test('up on the running, unchanged stack proves that both listeners answer; --full-smoke sends messages over both', async () => {
    const repeated = await run('up', '--json');
    expect(repeated.exitCode, repeated.stderr).toBe(0);
    expect(repeated.stderr).toMatch(/Smoke check: outside localhost:19092 answers Metadata with every broker; inside kafka:9093 answers Metadata with every broker/);
    const { unchanged, smoke: report } = JSON.parse(repeated.stdout) as { unchanged: boolean; smoke: SmokeReport };
    expect(unchanged).toBe(true);
    expect(report.paths.map((path) => [path.path, path.status, path.answered])).toEqual([
      ['outside', 'passed', ['localhost:19092']],
      ['inside', 'passed', ['kafka:9093']],
    ]);

    const full = await run('up', '--full-smoke');
    expect(full.exitCode, full.stderr).toBe(0);
    expect(full.stderr).toMatch(/Smoke check: outside 100\/100 back once and in order, p50 [\d.]+ ms, p99 [\d.]+ ms; inside 100\/100 back once and in order/);
  });

  test('100 messages per path come back once and in order; the table and --json say so', async () => {
    const report = await smokeJson();
    expectEveryMessageOnceInOrder(report, 100);
    record(report);

    const table = await run('smoke');
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/outside\s+localhost:19092\s+passed\s+100\s+100\s+0\s+0\s+0\s+[\d.,]+ ms\s+[\d.,]+ ms\s+[\d,]+ msg\/s/);
    expect(table.stdout).toMatch(/inside\s+kafka:9093\s+passed\s+100\s+100\s+0\s+0\s+0/);
  });

  test('100,000 messages per path come back once and in order', async () => {
    const report = await smokeJson('--messages', '100000');
    expectEveryMessageOnceInOrder(report, 100_000);
    record(report);
  });

  test('nothing is left behind: no smoke containers, topics or consumer groups', async () => {
    const services = (await resourcesOf(project)).containers.map((container) => container.Labels['com.docker.compose.service']);
    expect(services.sort()).toEqual(['kafka', 'zookeeper']);
    const topics = await run('topic', 'list', '--json');
    expect(JSON.parse(topics.stdout).map((topic: { name: string }) => topic.name)).toEqual(['test']);
    const admin = new Admin({ clientId: 'kafka-dev-e2e', bootstrapBrokers: ['localhost:19092'] });
    try {
      expect([...(await admin.listGroups()).keys()].filter((group) => group.startsWith('kafka-dev-smoke-'))).toEqual([]);
    } finally {
      await admin.close();
    }
  });

  test('a broker that advertises an address the host cannot resolve fails the check, and says so', async () => {
    await recreateBroker(`${project}-kafka-1`, { KAFKA_ADVERTISED_LISTENERS: 'INSIDE://kafka:9093,OUTSIDE://kafka:9093' }, 'broker 1 at kafka:9093');
    const result = await run('smoke', '--json');
    expect(result.exitCode).toBe(7);
    expect(result.stderr).toContain(`Smoke check failed (project ${project}):`);
    expect(result.stderr).toContain('outside (localhost:19092): the broker advertises kafka:9093 to host clients, which cannot resolve kafka');
    expect(result.stderr).toContain("'kafka-dev down && kafka-dev up' recreates it from the config");
    const report = JSON.parse(result.stdout) as SmokeReport;
    expect(report.passed).toBe(false);
    expect(report.paths.map((path: PathReport) => path.status)).toEqual(['failed', 'skipped']);
  });

  test('a broker that advertises an INSIDE address containers cannot resolve fails the INSIDE path, and leaves nothing behind', async () => {
    // Brokers talk to each other over OUTSIDE here, so only containers are cut off from the broker.
    const broken = { KAFKA_ADVERTISED_LISTENERS: 'INSIDE://nowhere:9093,OUTSIDE://localhost:19092', KAFKA_INTER_BROKER_LISTENER_NAME: 'OUTSIDE' };
    await recreateBroker(`${project}-kafka-1`, broken, 'broker 1 at localhost:19092');
    const result = await run('smoke', '--json', '--timeout', '20');
    expect(result.exitCode).toBe(7);
    expect(result.stderr).toMatch(
      /inside \(kafka:9093\): kafka-console-consumer\S* (ended before it joined|did not join) its consumer group.*Error connecting to node nowhere:9093/,
    );
    expect(result.stderr).toContain('Containers reach the brokers over INSIDE');
    const report = JSON.parse(result.stdout) as SmokeReport;
    expect(report.paths.map((path: PathReport) => path.status)).toEqual(['passed', 'failed']);
    const services = (await resourcesOf(project)).containers.map((container) => container.Labels['com.docker.compose.service']);
    expect(services.sort()).toEqual(['kafka', 'zookeeper']);
  });

  test('up on that unchanged stack asks INSIDE from the host and fails, naming what the broker advertises', async () => {
    // The broker of the test before still advertises INSIDE://nowhere:9093; its labels say it is the config's own container.
    const result = await run('up');
    expect(result.exitCode).toBe(7);
    expect(result.stderr).toContain('Plan: nothing to change');
    expect(result.stderr).toMatch(/inside \(kafka:9093\): .*advertises nowhere:9093, without kafka:9093/);
  });

  test('with the broker stopped, it says nothing answers on the bootstrap address', async () => {
    await docker.getContainer(`${project}-kafka-1`).stop({ t: 10 });
    const result = await run('smoke');
    expect(result.exitCode).toBe(7);
    expect(result.stderr).toContain('outside (localhost:19092): nothing answers on localhost:19092 (connection refused)');
    expect(result.stderr).toContain("'kafka-dev status'");
  });
});

/**
 * Replaces the broker container by one that differs only in the given settings (listeners the
 * config cannot express, by design), then waits until the broker answers `answer` again.
 */
async function recreateBroker(name: string, settings: Record<string, string>, answer: string): Promise<void> {
  const old = docker.getContainer(name);
  const info = await old.inspect();
  await old.stop({ t: 10 });
  await old.remove({ v: true });
  const network = info.HostConfig.NetworkMode!;
  const env = info.Config.Env.map((entry) => {
    const variable = entry.slice(0, entry.indexOf('='));
    return variable in settings ? `${variable}=${settings[variable]}` : entry;
  });
  const container = await docker.createContainer({
    name,
    Image: info.Config.Image,
    Hostname: info.Config.Hostname,
    Env: env,
    Labels: info.Config.Labels,
    ExposedPorts: info.Config.ExposedPorts,
    HostConfig: { PortBindings: info.HostConfig.PortBindings, Mounts: info.HostConfig.Mounts, NetworkMode: network },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: info.NetworkSettings.Networks[network]?.Aliases ?? [] } } },
  });
  await container.start();
  for (let attempt = 0; attempt < 120; attempt++) {
    const metadata = await execa('kcat', ['-b', 'localhost:19092', '-L', '-m', '2'], { reject: false });
    if (metadata.stdout.includes(answer)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the recreated broker ${name} did not answer on localhost:19092`);
}
