import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Admin, Consumer, MessagesStreamModes, Producer, stringDeserializers } from '@platformatic/kafka';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { launchChromium, serveConsole, type ConsoleProcess } from './browser.js';
import { docker, kafkaDev, produce, projectDir, removeProject, repoRoot, requireDocker, uniqueProject } from './helpers.js';

/** Ports of its own, so this stack runs beside others; two brokers, so one can stop. */
const config = {
  brokers: 2,
  listeners: { outside: { port: 39492 }, inside: { port: 9093 } },
  zookeeper: { port: 32481 },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 2 }, { name: 'payments', partitions: 1, replicationFactor: 2 }, { name: 'events', partitions: 1, replicationFactor: 2 }],
} satisfies UserConfig;
const screenshots = join(repoRoot, 'test-results/ui');
/** With KAFKA_DEV_UI_DOCS=1 the pages' screenshots also go to docs/, where the READMEs show them. */
const docsScreenshots = process.env.KAFKA_DEV_UI_DOCS === '1';
const docsPages = new Set(['cluster', 'topics', 'topic', 'messages', 'groups']);

/** `kafka-dev ui` in Debian's chromium against a real stack started by the CLI. */
describe('ui', () => {
  const project = uniqueProject('ui');
  let cwd: string;
  let uiProcess: ConsoleProcess['child'];
  let url: string;
  let browser: Browser;
  let page: Page;
  const screenshot = async (name: string, fullPage = false) => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
    if (docsScreenshots && docsPages.has(name)) await page.screenshot({ path: join(repoRoot, `docs/ui-${name}.png`), fullPage });
  };

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd });
    expect(up.exitCode, up.stderr).toBe(0);
    const served = serveConsole(['ui', '-p', project], { cwd });
    uiProcess = served.child;
    url = await served.url;
    browser = await launchChromium();
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
    await screenshot('cluster');
  });

  test('the topics page shows the declared topic, and its page every partition with leader, replicas and ISR', async () => {
    await page.goto(new URL('/#/topics', url).href);
    const row = page.locator('tr', { hasText: 'orders' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/orders\s+2\s+2\s+ok\s+\d+(\.\d)? (B|KiB)\s+0\s+yes/);
    await screenshot('topics');
    await row.locator('a').click();
    await page.locator('h2', { hasText: 'orders' }).waitFor();
    const partitions = await page.locator('table').first().innerText();
    expect(partitions).toMatch(/\n0\s+[12]\s+[12], [12]\s+[12], [12]/);
    expect(partitions).toMatch(/\n1\s+[12]\s+[12], [12]\s+[12], [12]/);
    await screenshot('topic');
  });

  test('a message produced elsewhere appears in the live tail; the form produces one; browsing reads both from the beginning', async () => {
    await page.goto(new URL('/#/topics/orders/messages', url).href);
    await page.locator('#tail-state', { hasText: 'live' }).waitFor();
    // The tail's consumer joins its group after the stream opens: send until it shows one.
    const tailRows = page.locator('#tail tr');
    for (let attempt = 0; (await tailRows.count()) === 0; attempt += 1) {
      expect(attempt, 'no message reached the live tail').toBeLessThan(30);
      await produce('localhost:39492', 'orders', [`warm-up ${attempt}`]);
      await tailRows.first().waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    const value = `{"order":${Date.now()}}`;
    await produce('localhost:39492', 'orders', [value]);
    // From the message's own timestamp to the frame the page shows it in, both on this machine's clock.
    // A function, not a string: the console's Content-Security-Policy forbids evaluating strings in the page.
    interface Row { textContent: string | null; children: ArrayLike<{ textContent: string | null }> }
    const shown = await page.waitForFunction(
      (expected: string) => {
        const rows = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Row> } }).document.querySelectorAll('#tail tr');
        const row = [...rows].find((candidate) => candidate.textContent?.includes(expected));
        return row && { at: Date.now(), sent: Date.parse(row.children[2]!.textContent ?? '') };
      },
      JSON.stringify(JSON.parse(value), null, 2),
      { polling: 'raf', timeout: 10_000 },
    );
    const { at, sent } = (await shown.jsonValue()) as { at: number; sent: number };
    process.stderr.write(`ui: live tail showed a message ${at - sent} ms after it was produced\n`);
    await screenshot('messages-tail');

    await page.fill('#produce input[name=key]', 'from-form');
    await page.fill('#produce input[name=value]', 'typed in the console');
    await page.click('#produce button');
    await page.locator('#produce-result', { hasText: 'sent' }).waitFor();
    await page.locator('#tail tr', { hasText: 'typed in the console' }).waitFor();
    expect(await page.locator('#tail tr', { hasText: 'typed in the console' }).innerText()).toContain('from-form');

    await page.click('#browse');
    const browsed = page.locator('#browsed table');
    await browsed.locator('tr', { hasText: 'typed in the console' }).waitFor();
    expect(await browsed.innerText()).toContain('"order"');
    await screenshot('messages', true);
  }, 120_000);

  test('browsing reads a partition from an offset, from a time and newest first, with key, headers, timestamp and value as text, JSON or hex', async () => {
    // Offsets 0-4: JSON with a header each, a second apart, a minute ago; offset 5: bytes that are not text.
    const since = Math.floor((Date.now() - 60_000) / 1000) * 1000;
    const producer = new Producer({ clientId: 'kafka-dev-e2e', bootstrapBrokers: ['localhost:39492'], acks: -1 });
    try {
      await producer.send({
        messages: [
          ...[0, 1, 2, 3, 4].map((n) => ({ topic: 'events', key: Buffer.from(`key-${n}`), value: Buffer.from(JSON.stringify({ n })), headers: new Map([[Buffer.from('seq'), Buffer.from(String(n))]]), timestamp: BigInt(since + n * 1000) })),
          { topic: 'events', value: Buffer.from([0x00, 0x01, 0x02, 0xff]) },
        ],
      });
    } finally {
      await producer.close();
    }
    await page.goto(new URL('/#/topics/events/messages', url).href);
    // Only the hash changes: the orders page stays until this one has read its topic.
    await page.locator('h2', { hasText: 'Messages of events' }).waitFor();
    // Offset 6: from the form, with two headers.
    await page.fill('#produce input[name=key]', 'form-key');
    await page.fill('#produce input[name=value]', 'with headers');
    await page.fill('#produce textarea[name=headers]', 'trace: abc-123\nsource: console');
    await page.click('#produce button');
    await page.locator('#produce-result', { hasText: 'sent' }).waitFor();

    const firstRow = page.locator('#browsed tbody tr').first();
    const browse = async (from: string, firstOffset: number) => {
      await page.selectOption('#browse-form select[name=from]', from);
      await page.click('#browse');
      await page.locator('#browsed tbody tr:first-child td:nth-child(2)', { hasText: new RegExp(`^${firstOffset}$`) }).waitFor();
      return page.locator('#browsed tbody tr').allInnerTexts();
    };

    await page.selectOption('#browse-form select[name=partition]', '0');
    await page.fill('#browse-form input[name=offset]', '2');
    const fromOffset = await browse('offset', 2);
    expect(fromOffset.map((row) => row.split('\t')[1])).toEqual(['2', '3', '4', '5', '6']);
    expect(await firstRow.innerText()).toContain('key-2');
    expect(await firstRow.innerText()).toContain('seq: 2');
    expect(await firstRow.locator('pre.json').innerText()).toBe('{\n  "n": 2\n}');

    // The time as the page's datetime field takes it, in the browser's own time zone.
    const localTime = await page.evaluate((ms: number) => {
      const at = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
    }, since + 3000);
    await page.fill('#browse-form input[name=at]', localTime);
    await browse('timestamp', 3);
    expect((await firstRow.innerText()).split('\t')[2]).toBe(new Date(since + 3000).toISOString());

    await page.selectOption('#browse-form select[name=partition]', 'all');
    const newest = await browse('newest', 6);
    expect(newest.map((row) => row.split('\t')[1])).toEqual(['6', '5', '4', '3', '2', '1', '0']);
    const fromForm = await firstRow.innerText();
    expect(fromForm).toContain('form-key');
    expect(fromForm).toContain('trace: abc-123');
    expect(fromForm).toContain('source: console');
    expect(await page.locator('#browsed tbody tr').nth(1).locator('code.hex').innerText()).toBe('00 01 02 ff');
    await screenshot('messages-browse', true);
  }, 120_000);

  test("the topics list shows each topic's size on disk and end offsets", async () => {
    await page.goto(new URL('/#/topics', url).href);
    const size = page.locator('tr', { hasText: 'events' }).locator('[data-bytes]');
    await size.waitFor();
    expect(Number(await size.getAttribute('data-bytes'))).toBeGreaterThan(0);
    expect(await page.locator('tr', { hasText: 'events' }).locator('[data-end-offsets]').getAttribute('data-end-offsets')).toBe('7');
    expect(await page.locator('tr', { hasText: 'events' }).innerText()).toMatch(/events\s+1\s+2\s+ok\s+\d+(\.\d)? (B|KiB)\s+7\s+yes/);
  });

  test("a consumer group's committed offset, end and lag show, and the lag goes to zero once it consumes", async () => {
    await produce('localhost:39492', 'payments', ['p1', 'p2', 'p3']);
    // The group has read one of the three: lag 2.
    const admin = new Admin({ clientId: 'kafka-dev-e2e', bootstrapBrokers: ['localhost:39492'] });
    try {
      await admin.alterConsumerGroupOffsets({ groupId: 'billing', topics: [{ name: 'payments', partitionOffsets: [{ partition: 0, offset: 1n }] }] });
    } finally {
      await admin.close();
    }
    await page.goto(new URL('/#/groups', url).href);
    await page.locator('h2[data-group="billing"] [data-lag="2"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('main table').last().innerText()).toMatch(/payments\s+0\s+1\s+3\s+2/);
    await screenshot('groups');

    // The group's application reads on from its committed offset and commits what it read.
    const consumer = new Consumer({ clientId: 'kafka-dev-e2e', groupId: 'billing', bootstrapBrokers: ['localhost:39492'], deserializers: stringDeserializers });
    const consumed: string[] = [];
    try {
      const stream = await consumer.consume({ topics: ['payments'], mode: MessagesStreamModes.COMMITTED, autocommit: false });
      for await (const message of stream) {
        consumed.push(message.value);
        await message.commit();
        if (consumed.length === 2) break;
      }
      await stream.close();
    } finally {
      await consumer.close(true);
    }
    expect(consumed).toEqual(['p2', 'p3']);
    await page.locator('h2[data-group="billing"] [data-lag="0"]').waitFor({ timeout: 30_000 });

    // The lag chart has drawn the samples taken while the page was open, from 2 down to 0.
    const chart = page.locator('.lag-chart[data-chart="billing"]');
    const lags = (await chart.getAttribute('data-lags'))!.split(',').map(Number);
    expect(lags).toContain(2);
    expect(lags.at(-1)).toBe(0);
    interface Canvas { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } } }
    const drawn = await chart.locator('canvas').evaluate((canvas: Canvas) => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      // The line's colour, give or take anti-aliasing.
      for (let at = 0; at < pixels.length; at += 4) if (Math.abs(pixels[at]! - 0x4e) < 16 && Math.abs(pixels[at + 1]! - 0xa1) < 16 && Math.abs(pixels[at + 2]! - 0xff) < 16 && pixels[at + 3]! > 200) count += 1;
      return count;
    });
    expect(drawn, 'no pixel of the lag line on the chart').toBeGreaterThan(20);
    await screenshot('groups-lag-chart');
  }, 120_000);

  test('a stopped broker turns red on the cluster page, without reloading it', async () => {
    await page.goto(new URL('/#/cluster', url).href);
    await page.locator('.node[data-service="kafka-2"][data-health="healthy"]').waitFor();
    await docker.getContainer(`${project}-kafka-2-1`).stop({ t: 5 });
    await page.locator('.node[data-service="kafka-2"][data-health="stopped"]').waitFor({ timeout: 30_000 });
    // Red as the page draws it, not only the state's name.
    const borderColour = (node: unknown) => (globalThis as unknown as { getComputedStyle(node: unknown): { borderColor: string } }).getComputedStyle(node).borderColor;
    expect(await page.locator('.node[data-service="kafka-2"]').evaluate(borderColour)).toBe('rgb(208, 52, 44)');
    await screenshot('cluster-broker-stopped');
  }, 60_000);
});
