import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DockerUnavailableError } from '../../../src/base/errors.js';
import { DockerodeRuntime, dockerodeOptions } from '../../../src/engine/dockerode-runtime.js';
import { discoverEngine } from '../../../src/engine/discovery.js';
import { machineDiscoveryInputs } from '../../../src/engine/discovery-inputs.js';

afterEach(() => vi.unstubAllEnvs());

describe('DockerodeRuntime.info without an engine', () => {
  test('names the default socket discovery picked, why, and every socket it looked at', async () => {
    // A plain file at Docker Desktop's user socket is a socket nothing answers on; the real engine stays untouched.
    const home = await mkdtemp(join(tmpdir(), 'kafka-dev-home-'));
    const socket = join(home, '.docker/run/docker.sock');
    await mkdir(join(home, '.docker/run'), { recursive: true });
    await writeFile(socket, '');
    const machine = machineDiscoveryInputs();
    const endpoint = discoverEngine({ ...machine, env: {}, home, exists: (path) => path === socket });

    const failure = await new DockerodeRuntime(endpoint).info().then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(DockerUnavailableError);
    const { message, hint } = failure as DockerUnavailableError;
    expect(message).toContain(`Cannot reach the Docker engine at unix://${socket} (context default: it is the first default socket that exists): `);
    expect(message).toContain('looked at: DOCKER_HOST, DOCKER_CONTEXT: not set;');
    expect(message).toContain('unix:///var/run/docker.sock (absent)');
    expect(message).not.toMatch(/function|=>|\[object/);
    expect(hint).toContain('Start Docker');
    expect(hint).toContain('DOCKER_HOST');
  });

  test.each([
    { host: 'unix:///tmp/kafka-dev-no-such.sock', address: 'unix:///tmp/kafka-dev-no-such.sock' },
    { host: 'tcp://127.0.0.1:1', address: 'tcp://127.0.0.1:1' },
  ])('names the address DOCKER_HOST=$host gives', async ({ host, address }) => {
    vi.stubEnv('DOCKER_HOST', host);
    await expect(new DockerodeRuntime(discoverEngine(machineDiscoveryInputs())).info()).rejects.toThrow(`Cannot reach the Docker engine at ${address} (context default: DOCKER_HOST is set): `);
  });

  test('a --context socket wins over a tcp:// DOCKER_HOST that docker-modem would otherwise merge in', async () => {
    vi.stubEnv('DOCKER_HOST', 'tcp://127.0.0.1:1');
    const endpoint = discoverEngine({ ...machineDiscoveryInputs(), env: {}, exists: () => false });
    expect(dockerodeOptions(endpoint)).toMatchObject({ socketPath: '/var/run/docker.sock', host: undefined, protocol: undefined });
    const runtime = new DockerodeRuntime({ ...endpoint, url: 'unix:///tmp/kafka-dev-no-such.sock', address: { protocol: 'unix', path: '/tmp/kafka-dev-no-such.sock' } });
    // What docker-modem will dial, not only what kafka-dev asked for.
    expect((Reflect.get(runtime, 'docker') as { modem: object }).modem).toMatchObject({ socketPath: '/tmp/kafka-dev-no-such.sock', host: undefined, protocol: 'http' });
  });
});

describe('dockerodeOptions', () => {
  const endpoint = (address: Parameters<typeof dockerodeOptions>[0]['address']) => ({ ...discoverEngine({ ...machineDiscoveryInputs(), env: {} }), address });
  const pem = (path: string) => Buffer.from(`PEM of ${path}`);

  test('tcp with TLS: the files are read, https, and the agent verifies unless told not to', () => {
    const tls = { ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem' };
    for (const verify of [true, false]) {
      const options = dockerodeOptions(endpoint({ protocol: 'tcp', host: '127.0.0.1', port: 2376, tls: { ...tls, verify } }), pem) as Record<string, unknown>;
      expect(options).toMatchObject({ protocol: 'https', host: '127.0.0.1', port: 2376, ca: pem('/c/ca.pem'), cert: pem('/c/cert.pem'), key: pem('/c/key.pem') });
      expect((options.agent as { options: { rejectUnauthorized: boolean } }).options.rejectUnauthorized).toBe(verify);
    }
  });

  test('plain tcp is http; ssh carries the user and port', () => {
    expect(dockerodeOptions(endpoint({ protocol: 'tcp', host: '127.0.0.1', port: 2375 }))).toMatchObject({ protocol: 'http', host: '127.0.0.1', port: 2375, ca: undefined });
    expect(dockerodeOptions(endpoint({ protocol: 'ssh', host: 'box', user: 'dev' }))).toMatchObject({ protocol: 'ssh', host: 'box', port: 22, username: 'dev' });
  });
});
