import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath, projectDir } from './helpers.js';

/**
 * The first error most new users see: no engine answers where kafka-dev looks. A socket nothing
 * answers on (a plain file) makes the engine unreachable without stopping the engine others use;
 * DOCKER_HOST points there, since this machine's /var/run/docker.sock is the first default socket.
 */
describe('no Docker engine answers', () => {
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
      env: { NO_COLOR: '1', CI: '1', HOME: home, DOCKER_HOST: `unix://${socket}` },
      reject: false,
      timeout: 60_000,
    });
    expect(result.exitCode, result.stderr).toBe(3);
    expect(result.stderr).toContain(`Cannot reach the Docker engine at unix://${socket} (context default: DOCKER_HOST is set): `);
    expect(result.stderr).toContain(`looked at: DOCKER_HOST=unix://${socket}`);
    expect(result.stderr).toContain('Start Docker');
    expect(result.stderr).toContain('DOCKER_HOST');
    expect(result.stderr).not.toMatch(/function|=>|\[object/);
  });
});
