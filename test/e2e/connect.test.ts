import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { consume, docker, kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

const lines = ['first line', 'second line', 'third line'];
const rest = 'http://127.0.0.1:28183';

/** Kafka (cp stand-in, ZooKeeper mode) with Connect: a FileStreamSource from the mounted folder to a topic, a FileStreamSink from it to a file. */
function configWith(extra: { name: string; config: Record<string, string> }[] = []): UserConfig {
  return {
    listeners: { outside: { port: 29192 } },
    zookeeper: { port: 22281 },
    topics: [{ name: 'lines', partitions: 1, replicationFactor: 1 }],
    connect: {
      port: 28183,
      plugins: ['./connectors'],
      connectors: [
        { name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/kafka-dev/plugins/1/in.txt', topic: 'lines' } },
        { name: 'files-out', config: { 'connector.class': 'FileStreamSink', file: '/tmp/out.txt', topics: 'lines' } },
        ...extra,
      ],
    },
  };
}

const connectorNames = async () => (await fetch(`${rest}/connectors`).then((response) => response.json())) as string[];

/** What the sink wrote, read in the worker; waits (bounded) until `count` lines are there. */
async function sinkLines(container: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { stdout } = await execa('docker', ['exec', container, 'cat', '/tmp/out.txt'], { reject: false });
    const found = stdout.split(/\r?\n/).filter((line) => lines.includes(line));
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

describe('Kafka Connect next to Kafka', () => {
  const project = uniqueProject('connect');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(configWith());
    // The workers run as uid 1000 and read the mounted folder.
    await chmod(cwd, 0o755);
    await mkdir(join(cwd, 'connectors'), { mode: 0o755 });
    await writeFile(join(cwd, 'connectors/in.txt'), `${lines.join('\n')}\n`, { mode: 0o644 });
  });
  afterAll(() => removeProject(project));

  test('up starts a worker, creates both connectors and waits until they run; the lines go file -> topic -> file', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stderr).toContain('files-in: create');
    expect(result.stderr).toContain('files-out: create');

    const { containers } = await resourcesOf(project);
    const worker = containers.find((container) => container.Labels['com.docker.compose.service'] === 'connect-1');
    expect(worker?.State).toBe('running');
    expect(worker?.Ports.filter((port) => port.PublicPort)).toEqual([expect.objectContaining({ IP: '127.0.0.1', PublicPort: 28183, PrivatePort: 8083 })]);
    expect(worker?.Mounts).toEqual([expect.objectContaining({ Destination: '/kafka-dev/plugins/1', RW: false })]);

    // Values are JSON strings: the workers' value converter is JsonConverter without schemas.
    expect(await consume('localhost:29192', 'lines', lines.length)).toEqual(lines.map((line) => JSON.stringify(line)));
    expect(await sinkLines(worker!.Names[0]!.slice(1), lines.length)).toEqual(lines);

    const status = await fetch(`${rest}/connectors/files-out/status`).then((response) => response.json());
    expect(status).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ state: 'RUNNING' }] });
  });

  test('up again changes nothing; a connector whose task fails ends up with the task trace', async () => {
    const again = await run('up');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain('2 connectors: 0 created, 0 updated, 2 unchanged');

    await writeFile(
      join(cwd, 'kafka-dev.config.yaml'),
      JSON.stringify(configWith([{ name: 'broken-out', config: { 'connector.class': 'FileStreamSink', file: '/no/such/folder/out.txt', topics: 'lines' } }])),
    );
    const broken = await run('up');
    expect(broken.exitCode).toBe(6);
    expect(broken.stderr).toContain('connector broken-out task 0 FAILED');
    expect(broken.stderr).toContain("Couldn't find or create file '/no/such/folder/out.txt' for FileStreamSinkTask");
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    // The failed run removes the connector it created; the stack and the other connectors stay.
    expect((await connectorNames()).sort()).toEqual(['files-in', 'files-out']);
  });

  test('a connector the config does not declare stays until up --prune deletes it', async () => {
    await writeFile(join(cwd, 'kafka-dev.config.yaml'), JSON.stringify(configWith()));
    const extra = { 'connector.class': 'FileStreamSink', file: '/tmp/extra.txt', topics: 'lines' };
    const put = await fetch(`${rest}/connectors/extra-out/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(extra) });
    expect(put.status).toBe(201);
    const kept = await run('up');
    expect(kept.exitCode, kept.stderr).toBe(0);
    expect(kept.stderr).toContain('1 not declared (left alone; --prune deletes)');
    const pruned = await run('up', '--prune');
    expect(pruned.exitCode, pruned.stderr).toBe(0);
    expect(pruned.stderr).toContain('extra-out: not declared, delete');
    expect((await connectorNames()).sort()).toEqual(['files-in', 'files-out']);
  });

  test('down --volumes removes the workers with the rest', async () => {
    const result = await run('down', '--volumes');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

describe('Kafka Connect from the apache/kafka image', () => {
  const project = uniqueProject('connect-apache');
  let cwd: string;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({
      mode: 'kraft',
      images: { kafka: testImages.apacheKafka },
      listeners: { outside: { port: 29292 } },
      topics: [{ name: 'lines', partitions: 1, replicationFactor: 1 }],
      connect: {
        port: 28283,
        connectors: [{ name: 'files-out', config: { 'connector.class': 'FileStreamSink', file: '/tmp/out.txt', topics: 'lines' } }],
      },
    });
  });
  afterAll(() => removeProject(project));

  test('connect-distributed.sh runs the worker with the FileStream connectors on its plugin path', async () => {
    // The Kafka image itself runs Connect; no separate Connect image.
    const result = await kafkaDev(['up', '--project-name', project], { cwd, env: { KAFKA_DEV_CONNECT_IMAGE: '' } });
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const plugins = (await fetch('http://127.0.0.1:28283/connector-plugins').then((response) => response.json())) as { class: string }[];
    expect(plugins.map((plugin) => plugin.class)).toContain('org.apache.kafka.connect.file.FileStreamSinkConnector');
    const down = await kafkaDev(['down', '--volumes', '--project-name', project], { cwd });
    expect(down.exitCode, down.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
