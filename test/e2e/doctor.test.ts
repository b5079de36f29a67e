import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kafkaDev, projectDir, removeProject, requireDocker, uniqueProject } from './helpers.js';

type Result = { check: string; verdict: string; detail: string; fix?: string };

/** `doctor` against the real engine: before the stack exists, while it runs, and with a port taken. */
describe('kafka-dev doctor', () => {
  const project = uniqueProject('doctor');
  let cwd: string;
  const doctor = async (env: Record<string, string> = {}) => {
    const result = await kafkaDev(['doctor', '--json', '-p', project], { cwd, env });
    return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as { ok: boolean; results: Result[] } };
  };
  const verdicts = (results: Result[]) => Object.fromEntries(results.map((result) => [result.check, result.verdict]));

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({});
  });
  afterAll(() => removeProject(project));

  test('before up: engine, images, ports, volumes and disk pass; the stack checks are skipped', async () => {
    const { exitCode, report } = await doctor();
    expect(exitCode).toBe(0);
    expect(verdicts(report.results)).toEqual({
      'Docker engine': 'pass',
      Images: 'pass',
      Ports: 'pass',
      Volumes: 'pass',
      'Disk space': 'pass',
      'OUTSIDE listeners (from the host)': 'skip',
      'INSIDE listeners (from a container on the network)': 'skip',
    });
  });

  test('with the stack running, both listeners pass from where they are used', async () => {
    expect((await kafkaDev(['up', '--no-smoke', '-p', project], { cwd })).exitCode).toBe(0);
    const { exitCode, report } = await doctor();
    expect(exitCode, JSON.stringify(report, null, 2)).toBe(0);
    expect(report.results.every((result) => result.verdict === 'pass')).toBe(true);
    expect((await kafkaDev(['down', '-p', project], { cwd })).exitCode).toBe(0);
  });

  test('a port held by another process fails, naming the holder and the fix', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(9092, '127.0.0.1', resolve));
    try {
      const { exitCode, report } = await doctor();
      expect(exitCode).toBe(1);
      const ports = report.results.find((result) => result.check === 'Ports')!;
      expect(ports).toMatchObject({ verdict: 'fail' });
      expect(ports.detail).toMatch(/127\.0\.0\.1:9092 \(listeners\.outside\.port\) is taken by process node \(pid \d+\)/);
      expect(ports.fix).toContain('listeners.outside.port');
    } finally {
      server.close();
    }
  });

  test('without a Docker engine, the engine check fails with how to start it and the rest are skipped', async () => {
    const { exitCode, report } = await doctor({ DOCKER_HOST: 'unix:///tmp/kafka-dev-no-such.sock' });
    expect(exitCode).toBe(1);
    expect(report.results[0]).toMatchObject({ check: 'Docker engine', verdict: 'fail' });
    expect(report.results[0]!.fix).toContain('Start Docker');
    expect(report.results.slice(1).every((result) => result.verdict === 'skip')).toBe(true);
    expect((await kafkaDev(['down', '--volumes', '-p', project], { cwd })).exitCode).toBe(0);
  });
});
