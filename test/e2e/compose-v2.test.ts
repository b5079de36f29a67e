import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { launchChromium, serveConsole } from './browser.js';
import { consume, docker, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

/**
 * kafka-dev's rendered file run by Compose v2 (`docker compose`), on a 3-node KRaft cluster: Compose
 * and kafka-dev take over each other's stack, containers, volumes and data alike.
 */
describe('a rendered file under Compose v2', () => {
  const project = uniqueProject('compose-v2');
  const services = ['kafka-1', 'kafka-2', 'kafka-3'];
  const config: UserConfig = { mode: 'kraft', brokers: 3, topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }] };
  const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka };
  let cwd: string;
  let file: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd, env });
  const compose = (...args: string[]) => execa('docker', ['compose', '-p', project, '-f', file, ...args], { reject: false });
  /** Every container waits as long for a stop without its own timeout, whether Compose (stop_grace_period) or `up` made it. */
  const expectStopTimeouts = async () => {
    for (const { Id } of (await resourcesOf(project)).containers) expect((await docker.getContainer(Id).inspect()).Config).toMatchObject({ StopTimeout: 30 });
  };
  const containerIds = async () => Object.fromEntries((await resourcesOf(project)).containers.map((c) => [c.Names[0]!.slice(1), c.Id]));

  beforeAll(async () => {
    await requireDocker();
    const version = await execa('docker', ['compose', 'version', '--short'], { reject: false });
    expect(version.stdout, `docker compose (v2) is needed: 'bash .ci/compose-v2.sh' installs it. ${version.stderr}`).toMatch(/^v?2\./);
    cwd = await projectDir(config);
    file = join(cwd, 'docker-compose.yml');
    const rendered = await run('render', '-o', file);
    expect(rendered.exitCode, rendered.stderr).toBe(0);
  });
  afterAll(() => removeProject(project));

  /** `kafka-dev status` until every service is healthy (a freshly started cluster takes a while). */
  async function awaitHealthy(): Promise<{ services: { service: string; container: string; outdated: boolean }[] }> {
    let status: { healthy?: boolean } = {};
    for (let attempt = 0; attempt < 90 && !status.healthy; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      status = JSON.parse((await run('status', '--json')).stdout || '{}');
    }
    expect(status).toMatchObject({ healthy: true });
    return status as Awaited<ReturnType<typeof awaitHealthy>>;
  }

  test('passes docker compose config, and docker compose up -d makes the names kafka-dev uses', async () => {
    const checked = await compose('config', '-q');
    expect(checked.stderr).toBe('');
    expect(checked.exitCode).toBe(0);

    const started = await compose('up', '-d');
    expect(started.exitCode, started.stderr).toBe(0);
    const resources = await resourcesOf(project);
    expect(resources.containers.map((c) => c.Names[0]).sort()).toEqual(services.map((service) => `/${project}-${service}-1`));
    expect(resources.networks).toEqual([`${project}_default`]);
    expect(resources.volumes).toEqual([1, 2, 3].map((id) => `${project}_broker-${id}-data`));
    await expectStopTimeouts();
  });

  test('kafka-dev status and up adopt the stack Compose started, recreating nothing; both listeners round-trip', async () => {
    const status = await awaitHealthy();
    expect(status.services.map((service) => [service.service, service.container, service.outdated])).toEqual(
      services.map((service) => [service, `${project}-${service}-1`, false]),
    );

    const before = await containerIds();
    const adopted = await run('up', '--json', '--full-smoke');
    expect(adopted.exitCode, adopted.stderr).toBe(0);
    const result = JSON.parse(adopted.stdout) as { unchanged: boolean; plan: string; smoke: { paths: { path: string; status: string }[] } };
    expect(result).toMatchObject({ unchanged: true, plan: 'nothing to change' });
    expect(result.smoke.paths.map((path) => [path.path, path.status])).toEqual([
      ['outside', 'passed'],
      ['inside', 'passed'],
    ]);
    expect(adopted.stderr).toMatch(/inside 100\/100 back once and in order/);
    expect(await containerIds()).toEqual(before);

    await produce('localhost:9092', 'orders', ['from-compose-1', 'from-compose-2']);
    expect((await consume('localhost:9092', 'orders', 2)).sort()).toEqual(['from-compose-1', 'from-compose-2']);
  });

  test('kafka-dev ui shows the stack Compose started: every broker healthy, and the declared topic', async () => {
    const served = serveConsole(['ui', '-p', project], { cwd, env });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(await served.url);
      for (const service of services) await page.locator(`.node[data-service="${service}"][data-health="healthy"]`).waitFor();
      await page.goto(new URL('/#/topics', await served.url).href);
      await page.locator('tr', { hasText: 'orders' }).first().waitFor();
    } finally {
      await browser.close();
      served.child.kill('SIGINT');
      await served.child;
    }
  });

  test('a plain docker compose down stops every broker cleanly (SIGTERM honoured, no SIGKILL) and keeps the volumes', async () => {
    const since = Math.floor(Date.now() / 1000);
    const brokers = (await resourcesOf(project)).containers.map((container) => container.Id);
    const logs = await Promise.all(brokers.map((id) => logsUntilStopped(id, since)));
    const down = await compose('down');
    expect(down.exitCode, down.stderr).toBe(0);
    const until = Math.floor(Date.now() / 1000) + 1;

    // Events come by the second: the earlier test's smoke containers may have ended in the same one.
    const exits = await dieEvents(brokers, since, until);
    // 143: the JVM ended on the SIGTERM after its shutdown hooks; 137 would be the SIGKILL after the grace period.
    expect(exits).toEqual(Object.fromEntries(services.map((service) => [`${project}-${service}-1`, expect.stringMatching(/^(0|143)$/)])));
    for (const text of await Promise.all(logs.map((log) => log.text))) expect(text).toMatch(/shut down completed/);

    const left = await resourcesOf(project);
    expect(left.containers).toEqual([]);
    expect(left.volumes).toEqual([1, 2, 3].map((id) => `${project}_broker-${id}-data`));
  });

  test('kafka-dev up finds the data Compose left in the volumes, and Compose finds what kafka-dev wrote', async () => {
    const up = await run('up', '--json');
    expect(up.exitCode, up.stderr).toBe(0);
    expect(JSON.parse(up.stdout).plan).not.toMatch(/volume/);
    await expectStopTimeouts();
    expect((await consume('localhost:9092', 'orders', 2)).sort()).toEqual(['from-compose-1', 'from-compose-2']);
    await produce('localhost:9092', 'orders', ['from-kafka-dev']);
    const down = await run('down');
    expect(down.exitCode, down.stderr).toBe(0);

    const started = await compose('up', '-d');
    expect(started.exitCode, started.stderr).toBe(0);
    await awaitHealthy();
    expect((await consume('localhost:9092', 'orders', 3)).sort()).toEqual(['from-compose-1', 'from-compose-2', 'from-kafka-dev']);
    const removed = await compose('down', '-v');
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

/** A container's log from `since` on, complete once the container has stopped. */
async function logsUntilStopped(id: string, since: number): Promise<{ text: Promise<string> }> {
  const stream = (await docker.getContainer(id).logs({ follow: true, stdout: true, stderr: true, since })) as NodeJS.ReadableStream;
  const lines = new PassThrough();
  let collected = '';
  lines.on('data', (chunk: Buffer) => (collected += chunk.toString()));
  docker.modem.demuxStream(stream, lines, lines);
  // Wrapped: an async function handing back the promise itself would make the caller wait for the stop.
  return { text: new Promise((resolve) => stream.on('end', () => resolve(collected))) };
}

/** The exit code of each of the project's containers that died between `since` and `until` (engine events, as `docker events` shows). */
async function dieEvents(containers: string[], since: number, until: number): Promise<Record<string, string>> {
  const stream = await docker.getEvents({ since, until, filters: { type: ['container'], event: ['die'], container: containers } });
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  const events = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { Actor: { Attributes: Record<string, string> } });
  return Object.fromEntries(events.map(({ Actor }) => [Actor.Attributes.name!, Actor.Attributes.exitCode!]));
}
