import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { cliPath, kafkaDev, projectDir, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/**
 * The CLI as a process: it stops when it should (signals, timers a config starts, a config that
 * never loads), keeps stdout for data, and refuses bad paths and flags with exit 2 and words.
 */
const folder = () => mkdtemp(join(tmpdir(), 'kdt-hygiene-'));
const env = { NO_COLOR: '1', CI: '1' };

describe('the CLI process', () => {
  test('help and --help exit 0 and print the commands', async () => {
    const cwd = await folder();
    for (const args of [['help'], ['--help'], ['help', 'up'], ['up', '--help']]) {
      const result = await kafkaDev(args, { cwd });
      expect(result.exitCode, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage:');
    }
  });

  test('SIGTERM and Ctrl-C end a command within 2 s, with 143 and 130', async () => {
    const cwd = await folder();
    // produce waits on stdin for ever: a command with nothing to clean up.
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const child = execa(process.execPath, [cliPath, 'produce', 'test'], { cwd, env, reject: false });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const sent = Date.now();
      child.kill(signal);
      const result = await child;
      expect(Date.now() - sent).toBeLessThan(2000);
      expect(result.exitCode, result.stderr).toBe(code);
    }
  });

  test('SIGTERM during up removes what the run created, then exits 143', { timeout: 120_000 }, async () => {
    await requireDocker();
    const project = uniqueProject('sigterm');
    const cwd = await projectDir({});
    // No SIGKILL from execa after 5 s: stopping a broker in its start-up may take longer.
    const child = execa(process.execPath, [cliPath, 'up', '-p', project], { cwd, env, reject: false, forceKillAfterDelay: false });
    // Until the run has created something, so there is cleanup to wait for.
    await expect.poll(async () => (await resourcesOf(project)).containers.length, { timeout: 60_000, interval: 200 }).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const result = await child;
    expect([result.exitCode, result.signal], result.stderr).toEqual([143, undefined]);
    expect(result.stderr).toContain('SIGTERM: stopping after cleaning up');
    expect((await resourcesOf(project)).containers).toEqual([]);
  });

  test('a timer started by a TypeScript config does not keep the command running', async () => {
    const cwd = await folder();
    await writeFile(join(cwd, 'kafka-dev.config.ts'), 'setInterval(() => {}, 1000);\nexport default { brokers: 1 };\n');
    const started = Date.now();
    const result = await kafkaDev(['render', '--stdout'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('services:');
    expect(Date.now() - started).toBeLessThan(8000);
  });

  test('a config whose top-level await never settles is refused with a timeout, not a hang', { timeout: 30_000 }, async () => {
    const cwd = await folder();
    await writeFile(join(cwd, 'kafka-dev.config.ts'), 'setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default {};\n');
    const result = await kafkaDev(['render', '--stdout'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/kafka-dev\.config\.ts\):\n {2}- did not finish loading within \d+ s/);
  });

  test('a closed stdout ends the command quietly (no EPIPE stack)', async () => {
    const cwd = await folder();
    const result = await execa('sh', ['-c', `"${process.execPath}" "${cliPath}" render --stdout | head -c 10`], { cwd, env, reject: false });
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).not.toMatch(/EPIPE|at /);
  });

  test('render to a folder or an unwritable path names the path and fails', async () => {
    const cwd = await folder();
    const toFolder = await kafkaDev(['render', '-o', tmpdir()], { cwd });
    expect(toFolder.exitCode).toBe(2);
    expect(toFolder.stderr).toContain(`--output: got '${tmpdir()}', which is a folder`);
    expect(toFolder.stderr).not.toContain('EISDIR');
    const unwritable = await kafkaDev(['render', '-o', '/proc/nope/x.yml'], { cwd });
    expect(unwritable.exitCode).toBe(1);
    expect(unwritable.stderr).toContain('Cannot write /proc/nope/x.yml');
  });

  test('--json prints JSON only on stdout', async () => {
    const cwd = await folder();
    const result = await kafkaDev(['render', '--stdout', '--json'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ compose: expect.stringContaining('services:') });
  });
});
