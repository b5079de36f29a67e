import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath, kafkaDev, projectDir, removeProject, requireDocker, uniqueProject } from './helpers.js';

/** `kafka-dev logs` on one real stack (ports apart from the other suites'), read back from Docker. */
describe('kafka-dev logs', () => {
  const project = uniqueProject('logs');
  let cwd: string;
  const run = (args: string[], env: Record<string, string> = {}) => kafkaDev([...args, '-p', project], { cwd, env });
  const prefixOf = (line: string) => line.split(' | ')[0]!.trimEnd();

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ listeners: { outside: { port: 39092 } }, zookeeper: { port: 32181 }, topics: [] });
    const up = await run(['up', '--no-smoke']);
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
  });
  afterAll(() => removeProject(project));

  test('merges the logs of ZooKeeper and the broker, each line behind its service, in time order', async () => {
    const result = await run(['logs', '--timestamps']);
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(new Set(lines.map(prefixOf))).toEqual(new Set(['kafka', 'zookeeper']));
    expect(lines.filter((line) => !/^(kafka {4}|zookeeper) \| \d{4}-\d\d-\d\dT/.test(line))).toEqual([]);
    expect(result.stdout).toMatch(/^kafka {5}\| \S+ .*started \(kafka\.server\.KafkaServer\)/m);
    const times = lines.map((line) => / \| (\S+)/.exec(line)![1]!);
    expect(times.map((time) => Date.parse(time))).toEqual([...times].map((time) => Date.parse(time)).sort((a, b) => a - b));
  });

  test('shows one service, the last lines only, or the lines since a time', async () => {
    const tail = await run(['logs', 'kafka', '--tail', '5']);
    expect(tail.exitCode, tail.stderr).toBe(0);
    expect(tail.stdout.split('\n').map(prefixOf)).toEqual(['kafka', 'kafka', 'kafka', 'kafka', 'kafka']);

    const recent = await run(['logs', '--since', '10m']);
    expect(recent.stdout.split('\n').length).toBeGreaterThan(10);
    const future = await run(['logs', '--since', '2099-01-01T00:00:00Z']);
    expect(future).toMatchObject({ exitCode: 0, stdout: '' });
  });

  test('colours the prefixes, unless NO_COLOR is set', async () => {
    const coloured = await run(['logs', '--tail', '1'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\x1b\[\d+mkafka {5}\|\x1b\[\d+m /);
    const plain = await run(['logs', '--tail', '1'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\x1b[');
  });

  test('an unknown service is refused with the ones there are', async () => {
    const result = await run(['logs', 'broker']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`service: got 'broker', which is not a service of project ${project}; expected one of: kafka, zookeeper`);
  });

  test('Ctrl-C ends following with exit code 130, as every command interrupted by Ctrl-C', async () => {
    const follow = execa(process.execPath, [cliPath, 'logs', '-f', '--tail', '3', '-p', project], { cwd, env: { NO_COLOR: '1' }, reject: false });
    let output = '';
    follow.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output.split('\n').length, { timeout: 20_000 }).toBeGreaterThan(6);
    expect(follow.exitCode, 'still following').toBeNull();
    follow.kill('SIGINT');
    expect((await follow).exitCode).toBe(130);
  });

  test('-f prints new lines as they come, and ends by itself when the stack stops', async () => {
    const follow = execa(process.execPath, [cliPath, 'logs', '-f', '--tail', '0', '-p', project], { cwd, env: { NO_COLOR: '1' }, reject: false });
    let output = '';
    follow.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(follow.exitCode, 'still following').toBeNull();

    const down = await run(['down', '--volumes']);
    expect(down.exitCode, down.stderr).toBe(0);
    const result = await follow;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(output).toMatch(/^kafka {5}\| .*shutting down/im);
  });

  test('a project without containers is named, with how to start it', async () => {
    const result = await run(['logs']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Project ${project} has no containers`);
    expect(result.stderr).toContain('kafka-dev up');
  });
});
