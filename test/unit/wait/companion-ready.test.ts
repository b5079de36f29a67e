import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { companionReady } from '../../../src/wait/companion-ready.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

const http = createServer((request, response) => {
  response.statusCode = request.url === '/health' ? 200 : 503;
  response.end();
});
const tcp = createTcpServer((socket) => socket.end());
const portOf = (server: { address(): AddressInfo | string | null }) => (server.address() as AddressInfo).port;

let closedPort = 0;

beforeAll(async () => {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = portOf(probe);
  await new Promise((resolve) => probe.close(resolve));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
});
afterAll(() => {
  http.close();
  tcp.close();
});

describe('companion readiness checks', () => {
  test('http: a 2xx answer passes, an error status or no listener fails with the reason', async () => {
    const runtime = new FakeRuntime();
    await expect(companionReady({ kind: 'http', url: `http://127.0.0.1:${portOf(http)}/health` }, runtime, 'c').check()).resolves.toBeUndefined();
    await expect(companionReady({ kind: 'http', url: `http://127.0.0.1:${portOf(http)}/other` }, runtime, 'c').check()).rejects.toThrow('HTTP 503');
    await expect(companionReady({ kind: 'http', url: `http://127.0.0.1:${closedPort}/` }, runtime, 'c').check()).rejects.toThrow('ECONNREFUSED');
  });

  test('tcp: a listening port passes, a closed one fails', async () => {
    const runtime = new FakeRuntime();
    await expect(companionReady({ kind: 'tcp', host: '127.0.0.1', port: portOf(tcp) }, runtime, 'c').check()).resolves.toBeUndefined();
    await expect(companionReady({ kind: 'tcp', host: '127.0.0.1', port: closedPort }, runtime, 'c').check()).rejects.toThrow('ECONNREFUSED');
  });

  test('log: passes once a line matches the pattern', async () => {
    const runtime = new FakeRuntime();
    const container = runtime.addContainer({ name: 'app', logs: 'booting\n' });
    const check = companionReady({ kind: 'log', pattern: '^Started in \\d+ ms$' }, runtime, container.id);
    await expect(check.check()).rejects.toThrow('no matching line');
    container.logs += 'Started in 42 ms\n';
    await expect(check.check()).resolves.toBeUndefined();
  });

  test('command: passes when it exits 0, fails with the exit code and its last line', async () => {
    const runtime = new FakeRuntime();
    const container = runtime.addContainer({ name: 'app' });
    runtime.execResult = (command) => (command[0] === 'true' ? { exitCode: 0, output: '' } : { exitCode: 7, output: 'x\nnot yet\n' });
    await expect(companionReady({ kind: 'command', command: ['true'] }, runtime, container.id).check()).resolves.toBeUndefined();
    await expect(companionReady({ kind: 'command', command: ['false'] }, runtime, container.id).check()).rejects.toThrow('exit code 7: not yet');
  });

  test('running: passes while the container runs', async () => {
    const runtime = new FakeRuntime();
    const container = runtime.addContainer({ name: 'app', state: 'exited' });
    await expect(companionReady({ kind: 'running' }, runtime, container.id).check()).rejects.toThrow('exited');
  });
});
