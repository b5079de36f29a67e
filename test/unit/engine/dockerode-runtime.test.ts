import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DockerUnavailableError } from '../../../src/base/errors.js';
import { DockerodeRuntime } from '../../../src/engine/dockerode-runtime.js';

afterEach(() => vi.unstubAllEnvs());

describe('DockerodeRuntime.info without an engine', () => {
  test('names the socket docker-modem picked by default (no DOCKER_HOST), not the function that picks it', async () => {
    // docker-modem's default is $HOME/.docker/run/docker.sock when that exists, else /var/run/docker.sock;
    // a plain file there is a socket nothing answers on, and the real engine stays untouched.
    const home = await mkdtemp(join(tmpdir(), 'kafka-dev-home-'));
    const socket = join(home, '.docker/run/docker.sock');
    await mkdir(join(home, '.docker/run'), { recursive: true });
    await writeFile(socket, '');
    vi.stubEnv('HOME', home);
    vi.stubEnv('DOCKER_HOST', undefined);

    const failure = await new DockerodeRuntime().info().then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(DockerUnavailableError);
    const { message, hint } = failure as DockerUnavailableError;
    expect(message).toContain(`Cannot reach the Docker engine at unix://${socket}: `);
    expect(message).not.toMatch(/function|=>|\[object/);
    expect(hint).toContain('Start Docker');
    expect(hint).toContain('DOCKER_HOST');
  });

  test.each([
    { host: 'unix:///tmp/kafka-dev-no-such.sock', address: 'unix:///tmp/kafka-dev-no-such.sock' },
    { host: 'tcp://127.0.0.1:1', address: 'tcp://127.0.0.1:1' },
  ])('names the address DOCKER_HOST=$host gives', async ({ host, address }) => {
    vi.stubEnv('DOCKER_HOST', host);
    await expect(new DockerodeRuntime().info()).rejects.toThrow(`Cannot reach the Docker engine at ${address}: `);
  });
});
