import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { kafkaDev, linesSeen, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

const greetings = ['hello over INSIDE', 'and once more'];

/**
 * Kafka (cp stand-in, ZooKeeper mode) and a generic service made of the Kafka image itself: it
 * lists the topics over INSIDE through the reference the config resolves, says so (its log-line
 * readiness), then prints what it consumes from `greetings`.
 */
const config: UserConfig = {
  listeners: { outside: { port: 29292 } },
  zookeeper: { port: 22381 },
  topics: [{ name: 'greetings' }],
  services: {
    reader: {
      image: testImages.confluentKafka,
      environment: { BOOTSTRAP: '${kafka.inside.bootstrap}' },
      command: [
        'bash',
        '-c',
        'kafka-topics --bootstrap-server "$$BOOTSTRAP" --list > /dev/null && echo "reached ${kafka.inside.bootstrap} over INSIDE" && exec kafka-console-consumer --bootstrap-server "$$BOOTSTRAP" --topic greetings --from-beginning',
      ],
      volumes: ['reader-data:/data'],
      dependsOn: ['kafka'],
      ready: { log: '^reached kafka:9093 over INSIDE$' },
    },
  },
};

/** `kafka-dev logs reader` until every greeting is there (bounded). */
const readerPrinted = (run: (...args: string[]) => ReturnType<typeof kafkaDev>) => linesSeen(async () => (await run('logs', 'reader')).stdout, greetings);

describe('a generic service next to Kafka', () => {
  const project = uniqueProject('services');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
  });
  afterAll(() => removeProject(project));

  test('up starts it once the brokers answer and waits for its log line; it reads Kafka over INSIDE', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stderr).toContain('create reader');
    expect(result.stderr).toMatch(/Start and wait for services.*reader started and ready/);

    const { containers, volumes } = await resourcesOf(project);
    const reader = containers.find((container) => container.Labels['com.docker.compose.service'] === 'reader');
    expect(reader?.State).toBe('running');
    expect(reader?.Labels['dev.kafka-dev.role']).toBe('companion');
    expect(volumes).toContain(`${project}_reader-data`);

    await produce('localhost:29292', 'greetings', greetings);
    expect(await readerPrinted(run)).toEqual(greetings);
  });

  test('status lists it as a healthy companion', async () => {
    const result = await run('status', '--json');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const status = JSON.parse(result.stdout) as { services: { service: string; role: string; health: string; state: string }[] };
    expect(status.services.find((service) => service.service === 'reader')).toMatchObject({ role: 'companion', state: 'running', health: 'healthy' });
  });

  test('down removes it with the rest and keeps its volume; down --volumes removes that too', async () => {
    const down = await run('down');
    expect(down.exitCode, down.stderr).toBe(0);
    const kept = await resourcesOf(project);
    expect(kept.containers).toEqual([]);
    expect(kept.volumes).toContain(`${project}_reader-data`);

    const gone = await run('down', '--volumes');
    expect(gone.exitCode, gone.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

describe('a generic service that never gets ready', () => {
  const project = uniqueProject('services-slow');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({
      listeners: { outside: { port: 29392 } },
      zookeeper: { port: 22481 },
      services: { slow: { image: testImages.confluentKafka, command: ['bash', '-c', 'echo still warming up; exec sleep 600'], ready: { log: '^Started$' } } },
    });
  });
  afterAll(() => removeProject(project));

  test('fails up with what was awaited and its last log lines, and removes what the run made', async () => {
    const result = await run('up', '--timeout', '15');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/Gave up waiting until the log of \S+-slow-1 has a line matching \/\^Started\$\//);
    expect(result.stderr).toMatch(/last 40 log lines of \S+-slow-1 ---\nstill warming up/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
