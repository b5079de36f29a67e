import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { waitFor, type WaitStrategy } from '../../../src/wait/wait-strategy.js';
import { ZookeeperReady } from '../../../src/wait/zookeeper-ready.js';
import { NotReadyError } from '../../../src/base/errors.js';

const readyAfter = (attempts: number): WaitStrategy & { calls: number } => ({
  description: 'the thing is ready',
  calls: 0,
  async check() {
    this.calls += 1;
    if (this.calls < attempts) throw new Error(`attempt ${this.calls} refused`);
  },
});

describe('waitFor', () => {
  test('returns once the check passes', async () => {
    const strategy = readyAfter(3);
    await waitFor(strategy, { timeoutMs: 5000, intervalMs: 10 });
    expect(strategy.calls).toBe(3);
  });

  test('a timeout says what was awaited, for how long, and the last reason', async () => {
    await expect(waitFor(readyAfter(Infinity), { timeoutMs: 200, intervalMs: 20 })).rejects.toThrow(
      /^Gave up waiting until the thing is ready: timed out after 0 s \(last check: attempt \d+ refused\)$/,
    );
  });

  test('a give-up reason stops waiting at once', async () => {
    const strategy = readyAfter(Infinity);
    const error = await waitFor(strategy, { timeoutMs: 60_000, intervalMs: 10, gaveUp: async () => 'container kafka stopped (exited, exit code 1)' }).catch((e) => e);
    expect(error).toBeInstanceOf(NotReadyError);
    expect(error.message).toBe('Gave up waiting until the thing is ready: container kafka stopped (exited, exit code 1)');
    expect(strategy.calls).toBe(1);
  });
});

describe('ZookeeperReady', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  const fakeZookeeper = (answer: string) =>
    new Promise<number>((resolve) => {
      server = createServer((socket) => socket.once('data', () => socket.end(answer)));
      server.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });

  test("passes when 'srvr' reports a serving mode", async () => {
    const port = await fakeZookeeper('Zookeeper version: 3.8.4\nLatency min/avg/max: 0/0.0/0\nMode: standalone\n');
    await expect(new ZookeeperReady('127.0.0.1', port).check()).resolves.toBeUndefined();
  });

  test('fails while the server is not serving yet', async () => {
    const port = await fakeZookeeper('This ZooKeeper instance is not currently serving requests\n');
    await expect(new ZookeeperReady('127.0.0.1', port).check()).rejects.toThrow("answered 'This ZooKeeper instance is not currently serving requests'");
  });
});
