import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { diagnoseOutside, tcpProblem } from '../../../src/kafka/diagnose.js';

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('diagnoseOutside', () => {
  test('a bootstrap address where nothing listens is named, with what to check', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    expect(await diagnoseOutside([address])).toEqual([
      { problem: `nothing answers on ${address} (connection refused)`, hint: expect.stringContaining('kafka-dev status') },
    ]);
  });

  test('tcpProblem is undefined when something accepts the connection', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      expect(await tcpProblem(`127.0.0.1:${(server.address() as { port: number }).port}`, 1000)).toBeUndefined();
    } finally {
      server.close();
    }
  });
});
