import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath, projectDir } from './helpers.js';

/**
 * The first error most new users see: Docker is not running and DOCKER_HOST is not set. docker-modem
 * then uses $HOME/.docker/run/docker.sock when that exists, else /var/run/docker.sock; a HOME whose
 * socket nothing answers on makes the default unreachable without stopping the engine others use.
 */
describe('no Docker engine at the default socket', () => {
  let cwd: string;
  let socket: string;
  let home: string;

  beforeAll(async () => {
    cwd = await projectDir({});
    home = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-home-'));
    socket = join(home, '.docker/run/docker.sock');
    await mkdir(join(home, '.docker/run'), { recursive: true });
    await writeFile(socket, '');
  });

  test.each(['status', 'up', 'down', 'logs'])('%s names the socket it tried and how to fix it', async (command) => {
    const result = await execa(process.execPath, [cliPath, command, '-p', 'kdt-no-engine'], {
      cwd,
      env: { NO_COLOR: '1', CI: '1', HOME: home, DOCKER_HOST: undefined },
      reject: false,
      timeout: 60_000,
    });
    expect(result.exitCode, result.stderr).toBe(3);
    expect(result.stderr).toContain(`Cannot reach the Docker engine at unix://${socket}: `);
    expect(result.stderr).toContain('Start Docker');
    expect(result.stderr).toContain('DOCKER_HOST');
    expect(result.stderr).not.toMatch(/function|=>|\[object/);
  });
});
