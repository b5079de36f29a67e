import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { cliPath, docker, kafkaDev, projectDir, removeProject, repoRoot, requireDocker, uniqueProject } from './helpers.js';

/** Ports of its own, so this stack runs beside others; two brokers, so one can stop. */
const config = {
  brokers: 2,
  listeners: { outside: { port: 39492 }, inside: { port: 9093 } },
  zookeeper: { port: 32481 },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 2 }],
} satisfies UserConfig;
const screenshots = join(repoRoot, 'test-results/ui');

/** `kafka-dev ui` in Debian's chromium against a real stack started by the CLI. */
describe('ui', () => {
  const project = uniqueProject('ui');
  let cwd: string;
  let uiProcess: ResultPromise;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd });
    expect(up.exitCode, up.stderr).toBe(0);
    uiProcess = execa(process.execPath, [cliPath, 'ui', '-p', project], { cwd, env: { NO_COLOR: '1', CI: '1' } });
    url = await new Promise<string>((resolve, reject) => {
      uiProcess.stdout!.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      uiProcess.catch(reject);
    });
    browser = await chromium.launch({ executablePath: process.env.KAFKA_DEV_TEST_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await mkdir(screenshots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    uiProcess?.kill('SIGINT');
    await uiProcess?.catch(() => undefined);
    await removeProject(project);
  }, 120_000);

  test('kafka-dev ui prints a URL on 127.0.0.1 with a token', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  test('the cluster page lists ZooKeeper and every broker, healthy, with the bootstrap servers of both listeners', async () => {
    const started = performance.now();
    await page.goto(url);
    await page.locator('.node[data-service="kafka-2"]').waitFor();
    process.stderr.write(`ui: first cluster page shown ${Math.round(performance.now() - started)} ms after opening the URL\n`);
    // The token left the address bar for a cookie.
    expect(page.url()).not.toContain('token');
    for (const service of ['zookeeper', 'kafka-1', 'kafka-2']) {
      expect(await page.locator(`.node[data-service="${service}"]`).getAttribute('data-health')).toBe('healthy');
    }
    const text = await page.locator('main').innerText();
    expect(text).toContain('localhost:39492,localhost:39493');
    expect(text).toContain('bootstrap.servers');
    await page.screenshot({ path: join(screenshots, 'cluster.png') });
  });

  test('the topics page shows the declared topic, and its page every partition with leader, replicas and ISR', async () => {
    await page.goto(new URL('/#/topics', url).href);
    const row = page.locator('tr', { hasText: 'orders' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/orders\s+2\s+2\s+ok\s+yes/);
    await page.screenshot({ path: join(screenshots, 'topics.png') });
    await row.locator('a').click();
    await page.locator('h2', { hasText: 'orders' }).waitFor();
    const partitions = await page.locator('table').first().innerText();
    expect(partitions).toMatch(/\n0\s+[12]\s+[12], [12]\s+[12], [12]/);
    expect(partitions).toMatch(/\n1\s+[12]\s+[12], [12]\s+[12], [12]/);
    await page.screenshot({ path: join(screenshots, 'topic.png') });
  });

  test('a stopped broker turns red on the cluster page, without reloading it', async () => {
    await page.goto(new URL('/#/cluster', url).href);
    await page.locator('.node[data-service="kafka-2"][data-health="healthy"]').waitFor();
    await docker.getContainer(`${project}-kafka-2-1`).stop({ t: 5 });
    await page.locator('.node[data-service="kafka-2"][data-health="stopped"]').waitFor({ timeout: 30_000 });
    // Red as the page draws it, not only the state's name.
    const borderColour = (node: unknown) => (globalThis as unknown as { getComputedStyle(node: unknown): { borderColor: string } }).getComputedStyle(node).borderColor;
    expect(await page.locator('.node[data-service="kafka-2"]').evaluate(borderColour)).toBe('rgb(208, 52, 44)');
    await page.screenshot({ path: join(screenshots, 'cluster-broker-stopped.png') });
  }, 60_000);
});
