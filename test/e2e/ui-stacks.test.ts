import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { launchChromium, serveConsole, type ConsoleProcess } from './browser.js';
import { docker, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

/**
 * The web console beyond the default stack: a 3-broker KRaft cluster served by `up --ui`, and a
 * SASL_SSL + SCRAM-SHA-512 one that `kafka-dev ui` reaches with the configured credentials. Each
 * test runs one stack on ports of its own and removes it.
 */
const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka };

describe('the web console on other stacks', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await requireDocker();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** Runs `body` against a fresh project, then stops the console and removes the stack, whatever happened. */
  async function withStack(purpose: string, config: UserConfig, body: (project: string, cwd: string, stop: (console: ConsoleProcess) => void) => Promise<void>) {
    const project = uniqueProject(purpose);
    const cwd = await projectDir(config);
    let served: ConsoleProcess | undefined;
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    try {
      await body(project, cwd, (console) => (served = console));
    } finally {
      await page.close();
      served?.child.kill('SIGKILL');
      await kafkaDev(['down', '--volumes', '-p', project], { cwd, env });
      await removeProject(project);
    }
  }

  test('up --ui on 3 KRaft brokers: every broker and the quorum leader, the live tail, a stopped broker in red; Ctrl-C stops the console and leaves the stack', async () => {
    const config = { mode: 'kraft', brokers: 3, listeners: { outside: { port: 39592 } }, topics: [{ name: 'clicks', partitions: 3, replicationFactor: 3 }] } satisfies UserConfig;
    await withStack('ui-kraft', config, async (project, cwd, track) => {
      const served = serveConsole(['up', '--ui', '--no-smoke', '-p', project], { cwd, env });
      track(served);
      const url = await served.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);

      await page.goto(url);
      for (const service of ['kafka-1', 'kafka-2', 'kafka-3']) await page.locator(`.node[data-service="${service}"][data-health="healthy"]`).waitFor();
      const status = JSON.parse((await kafkaDev(['status', '--json', '-p', project], { cwd, env })).stdout) as { activeController: number };
      expect([1, 2, 3]).toContain(status.activeController);
      const leaders = page.locator('.node', { has: page.locator('.badge', { hasText: /^controller$/ }) });
      expect(await leaders.count()).toBe(1);
      expect(await leaders.getAttribute('data-service')).toBe(`kafka-${status.activeController}`);
      expect(await page.locator('main').innerText()).toContain('localhost:39592,localhost:39593,localhost:39594');

      await page.goto(new URL('/#/topics/clicks/messages', url).href);
      await page.locator('#tail-state', { hasText: 'live' }).waitFor();
      // The tail's consumer joins after the stream opens: send until it shows one.
      const tailRows = page.locator('#tail tr');
      for (let attempt = 0; (await tailRows.count()) === 0; attempt += 1) {
        expect(attempt, 'no message reached the live tail').toBeLessThan(30);
        await produce('localhost:39592', 'clicks', [`click ${attempt}`]);
        await tailRows.first().waitFor({ timeout: 1000 }).catch(() => undefined);
      }
      await produce('localhost:39592', 'clicks', ['the tailed click']);
      await page.locator('#tail tr', { hasText: 'the tailed click' }).waitFor({ timeout: 10_000 });

      // A broker that is not the quorum leader, so the page keeps its answers while it is gone.
      const stopped = `kafka-${(status.activeController % 3) + 1}`;
      await page.goto(new URL('/#/cluster', url).href);
      await page.locator(`.node[data-service="${stopped}"][data-health="healthy"]`).waitFor();
      await docker.getContainer(`${project}-${stopped}-1`).stop({ t: 5 });
      await page.locator(`.node[data-service="${stopped}"][data-health="stopped"]`).waitFor({ timeout: 30_000 });

      served.child.kill('SIGINT');
      const ended = await served.child;
      expect(ended.exitCode, ended.stderr).toBe(0);
      const { containers } = await resourcesOf(project);
      expect(containers.filter((container) => container.State === 'running').map((container) => container.Labels['com.docker.compose.service']).sort()).toEqual(
        ['kafka-1', 'kafka-2', 'kafka-3'].filter((service) => service !== stopped),
      );
    });
  }, 300_000);

  test('kafka-dev ui on SASL_SSL + SCRAM-SHA-512: it logs in as the configured user, lists the declared topic, and its form produces a message the messages page reads back', async () => {
    const config = {
      mode: 'kraft',
      listeners: { outside: { port: 39692 } },
      topics: [{ name: 'invoices' }],
      security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512' }, users: [{ name: 'app', password: 'app-secret' }] },
    } satisfies UserConfig;
    await withStack('ui-secure', config, async (project, cwd, track) => {
      const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env });
      expect(up.exitCode, up.stderr).toBe(0);
      const served = serveConsole(['ui', '-p', project], { cwd, env });
      track(served);
      const url = await served.url;

      await page.goto(url);
      await page.locator('.node[data-service="kafka"][data-health="healthy"]').waitFor();
      const cluster = await page.locator('main').innerText();
      expect(cluster).toMatch(/security\.protocol\s+SASL_SSL/);
      expect(cluster).toMatch(/sasl\.mechanism\s+SCRAM-SHA-512/);
      expect(cluster).toMatch(/username\s+app/);

      await page.goto(new URL('/#/topics', url).href);
      const row = page.locator('tr', { hasText: 'invoices' });
      await row.waitFor();
      // Name, partitions, replication, health; the last column says the config declares it.
      expect(await row.innerText()).toMatch(/^invoices\s+1\s+1\s+ok\b[\s\S]*\byes$/);

      await page.goto(new URL('/#/topics/invoices/messages', url).href);
      await page.fill('#produce input[name=key]', 'invoice-7');
      await page.fill('#produce input[name=value]', 'paid over SASL_SSL');
      await page.click('#produce button');
      await page.locator('#produce-result', { hasText: 'sent' }).waitFor();
      await page.click('#browse');
      const browsed = page.locator('#browsed tr', { hasText: 'paid over SASL_SSL' });
      await browsed.waitFor();
      expect(await browsed.innerText()).toContain('invoice-7');
    });
  }, 300_000);

  test('up --ui with a --ui-port in use is refused before anything is created', async () => {
    const project = uniqueProject('ui-port');
    const cwd = await projectDir({});
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const refused = await kafkaDev(['up', '--ui', '--ui-port', String(port), '-p', project], { cwd });
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE[\\s\\S]*--ui-port`));
      expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
    } finally {
      taken.close();
      await removeProject(project);
    }
  });
});
