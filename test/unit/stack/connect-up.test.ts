import { describe, expect, test } from 'vitest';
import { NotReadyError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import { runOperation } from '../../../src/stack/steps.js';
import { upOperation, type UpOptions } from '../../../src/stack/up.js';
import { FakeConnect } from '../../fakes/fake-connect.js';
import { fakeUpDependencies } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-connect-up';
const source = { name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/data/in.txt', topic: 'lines' } };
const sink = { name: 'files-out', config: { 'connector.class': 'FileStreamSink', file: '/data/out.txt', topics: 'lines' } };
const configOf = (connect: UserConfig['connect']) =>
  parseConfig({ connect }, { source: 'test', defaultName: project, env: { KAFKA_DEV_CONNECT_IMAGE: 'kafka-dev-local/cp-kafka-connect:7.9' } });

async function up(connect: FakeConnect, config = configOf({ connectors: [source, sink] }), options: UpOptions = {}, topics: string[] = []) {
  const runtime = new FakeRuntime([config.images.kafka, config.images.zookeeper, config.connect!.image]);
  const steps: string[] = [];
  const urls: string[] = [];
  const dependencies = fakeUpDependencies(runtime, {
    connectClient: (url) => {
      urls.push(url);
      return connect;
    },
  });
  for (const name of topics) await dependencies.admin.createTopic({ name, partitions: 1, replicationFactor: 1, config: {} });
  const result = await runOperation(upOperation(config, runtime, { smoke: false, ...options }, dependencies), {
    onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`),
  });
  return { steps, urls, runtime, admin: dependencies.admin, result };
}

describe('up with Kafka Connect', () => {
  test('creates the declared connectors through worker 1 on 127.0.0.1 and prints the plan', async () => {
    const connect = new FakeConnect();
    const { steps, urls, runtime, result } = await up(connect);
    expect(urls).toEqual(['http://127.0.0.1:8083']);
    expect(result.connectors?.create.map((connector) => connector.name)).toEqual(['files-in', 'files-out']);
    expect(connect.writes).toEqual(['put files-in', 'put files-out']);
    expect(connect.connectors.get('files-in')).toEqual({ ...source.config, name: 'files-in' });
    expect(steps).toContain('Reconcile connectors: 2 connectors: 2 created, 0 updated, 0 unchanged\nfiles-in: create\nfiles-out: create');
    expect([...runtime.containers.values()].map((container) => container.name)).toContain(`${project}-connect-1-1`);
  });

  test('updates a changed connector, keeps an undeclared one, and deletes it with --prune', async () => {
    const connect = new FakeConnect();
    connect.connectors.set('files-in', { ...source.config, file: '/data/old.txt', name: 'files-in' });
    connect.connectors.set('old', { 'connector.class': 'FileStreamSink', name: 'old' });
    await up(connect, configOf({ connectors: [source] }));
    expect(connect.writes).toEqual(['put files-in']);
    expect(connect.connectors.has('old')).toBe(true);
    const { steps } = await up(connect, configOf({ connectors: [source] }), { prune: true });
    expect(connect.connectors.has('old')).toBe(false);
    expect(steps).toContain('Reconcile connectors: 1 connector: 0 created, 0 updated, 1 unchanged, 1 deleted\nold: not declared, delete');
  });

  test("a FAILED task fails up with the start of its trace and the deepest cause", async () => {
    const connect = new FakeConnect();
    const trace = [
      'org.apache.kafka.connect.errors.ConnectException: Couldn\'t find or create file \'/nowhere/out.txt\' for FileStreamSinkTask',
      '\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(FileStreamSinkTask.java:74)',
      'Caused by: java.nio.file.NoSuchFileException: /nowhere/out.txt',
      '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
    ].join('\n');
    connect.statuses.set('files-out', {
      name: 'files-out',
      connector: { state: 'RUNNING', worker_id: 'connect-1:8083' },
      tasks: [{ id: 0, state: 'FAILED', worker_id: 'connect-1:8083', trace }],
    });
    const error = (await up(connect).catch((caught: unknown) => caught)) as NotReadyError;
    expect(error).toBeInstanceOf(NotReadyError);
    // What the failed run created is removed again.
    expect(connect.writes).toEqual(['put files-in', 'put files-out', 'delete files-in', 'delete files-out']);
    expect(error.message).toBe(
      "Gave up waiting until connectors files-in, files-out and their tasks are RUNNING: connector files-out task 0 FAILED: org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file '/nowhere/out.txt' for FileStreamSinkTask ... Caused by: java.nio.file.NoSuchFileException: /nowhere/out.txt",
    );
  });

  test("Connect's refusal of a config names the connector, where it is declared, and Connect's message", async () => {
    const connect = new FakeConnect();
    connect.refusal = 'Connector configuration is invalid and contains the following 1 error(s): Missing required configuration "topic"';
    const error = (await up(connect).catch((caught: unknown) => caught)) as NotReadyError;
    expect(error).toBeInstanceOf(NotReadyError);
    expect(error.message).toBe(
      `Kafka Connect refused connector 'files-in' (connect.connectors[0] in test): PUT /connectors/files-in/config answered 400: ${connect.refusal}`,
    );
  });

  test("--prune deletes undeclared topics but never Connect's internal ones, which hold the connectors' configs and offsets", async () => {
    const internal = ['_connect-configs', '_connect-offsets', '_connect-status'];
    const { admin, steps } = await up(new FakeConnect(), configOf({ connectors: [source] }), { prune: true }, [...internal, 'old']);
    expect([...admin.topics.keys()].sort()).toEqual([...internal, 'test']);
    expect(steps.find((step) => step.startsWith('Reconcile topics'))).not.toContain('_connect');
  });
});
