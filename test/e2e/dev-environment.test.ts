import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { consume, getFromNetwork, kafkaDev, linesSeen, produce, projectDir, removeProject, requireDocker, resourcesOf, testImages, uniqueProject } from './helpers.js';

const lines = ['first line', 'second line'];
const greetings = ['hello from the host'];
const subject = 'orders-value';
const schema = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] });

/**
 * A team's whole local environment from one config and one `up`: Kafka (cp stand-in, ZooKeeper
 * mode), Kafka Connect with a FileStream source and sink, a Schema Registry, and an app container
 * that is handed the INSIDE bootstrap and the registry's network URL through references.
 */
const config: UserConfig = {
  listeners: { outside: { port: 29692 } },
  zookeeper: { port: 22681 },
  topics: [{ name: 'lines' }, { name: 'greetings' }],
  connect: {
    port: 28383,
    plugins: ['./connectors'],
    connectors: [
      { name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/kafka-dev/plugins/1/in.txt', topic: 'lines' } },
      { name: 'files-out', config: { 'connector.class': 'FileStreamSink', file: '/tmp/out.txt', topics: 'lines' } },
    ],
  },
  schemaRegistry: { port: 28281, flavor: 'apicurio', storage: 'memory' },
  services: {
    app: {
      image: testImages.confluentKafka,
      environment: { BOOTSTRAP: '${kafka.inside.bootstrap}', REGISTRY: '${schemaRegistry.inside.url}' },
      command: ['bash', '-c', 'echo "registry at $$REGISTRY" && exec kafka-console-consumer --bootstrap-server "$$BOOTSTRAP" --topic greetings --from-beginning'],
      volumes: ['app-data:/data'],
      dependsOn: ['kafka', 'schema-registry'],
      ready: { log: '^registry at http://schema-registry:8080/apis/ccompat/v7$' },
    },
  },
};

describe('Kafka, Connect, a Schema Registry and an app from one up', () => {
  const project = uniqueProject('dev-env');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });
  const container = async (service: string) => (await resourcesOf(project)).containers.find((candidate) => candidate.Labels['com.docker.compose.service'] === service);

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    // The Connect workers run as uid 1000 and read the mounted folder.
    await chmod(cwd, 0o755);
    await mkdir(join(cwd, 'connectors'), { mode: 0o755 });
    await writeFile(join(cwd, 'connectors/in.txt'), `${lines.join('\n')}\n`, { mode: 0o644 });
  });
  afterAll(() => removeProject(project));

  test('one up starts every service and waits for each: connectors running, the registry answering, the app logged in', async () => {
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    for (const service of ['kafka', 'zookeeper', 'connect-1', 'schema-registry', 'app']) expect((await container(service))?.State, service).toBe('running');
    expect(result.stderr).toContain('files-in: create');
    expect(result.stderr).toMatch(/app started and ready/);
  });

  test('Connect: the file goes to a topic and comes out of the sink', async () => {
    expect(await consume('localhost:29692', 'lines', lines.length)).toEqual(lines.map((line) => JSON.stringify(line)));
    const worker = (await container('connect-1'))!.Names[0]!.slice(1);
    const sink = async () => (await execa('docker', ['exec', worker, 'cat', '/tmp/out.txt'], { reject: false })).stdout;
    expect(await linesSeen(sink, lines)).toEqual(lines);
  });

  test('the Schema Registry: a schema registered from the host reads back from the host and from a container', async () => {
    const registered = await fetch(`http://localhost:28281/apis/ccompat/v7/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema }),
    });
    expect(registered.status, await registered.clone().text()).toBe(200);
    const { id } = (await registered.json()) as { id: number };
    const fromHost = await fetch(`http://localhost:28281/apis/ccompat/v7/subjects/${subject}/versions/1`).then((response) => response.json());
    expect(fromHost).toMatchObject({ subject, id, schema });
    const [network] = (await resourcesOf(project)).networks;
    const fromContainer = JSON.parse(await getFromNetwork(network!, `http://schema-registry:8080/apis/ccompat/v7/subjects/${subject}/versions/1`)) as unknown;
    expect(fromContainer).toMatchObject({ subject, id, schema });
  });

  test('the app reads Kafka over INSIDE', async () => {
    await produce('localhost:29692', 'greetings', greetings);
    expect(await linesSeen(async () => (await run('logs', 'app')).stdout, greetings)).toEqual(greetings);
  });

  test('down removes every service and keeps the data; down --volumes removes the data too', async () => {
    const down = await run('down');
    expect(down.exitCode, down.stderr).toBe(0);
    const kept = await resourcesOf(project);
    expect(kept.containers).toEqual([]);
    expect(kept.volumes).toContain(`${project}_app-data`);
    const gone = await run('down', '--volumes');
    expect(gone.exitCode, gone.stderr).toBe(0);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
