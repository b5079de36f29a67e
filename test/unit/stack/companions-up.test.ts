import { describe, expect, test } from 'vitest';
import { NotReadyError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import { runOperation } from '../../../src/stack/steps.js';
import { upOperation } from '../../../src/stack/up.js';
import { fakeUpDependencies } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';
import { companionReady } from '../../../src/wait/companion-ready.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-companions-up';
const configOf = (user: UserConfig) => parseConfig(user, { source: 'test', defaultName: project, env: {} });

async function up(user: UserConfig, runtime?: FakeRuntime, dependencies?: ReturnType<typeof fakeUpDependencies>) {
  const config = configOf(user);
  const engine = runtime ?? new FakeRuntime([config.images.kafka, config.images.zookeeper, ...config.services.map((service) => service.image), config.schemaRegistry?.image ?? '']);
  const steps: string[] = [];
  await runOperation(upOperation(config, engine, { smoke: false, timeoutMs: 300 }, dependencies ?? fakeUpDependencies(engine)), {
    onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`),
  });
  return { steps, runtime: engine };
}

const created = (runtime: FakeRuntime) => runtime.calls.filter((call) => call.startsWith('createContainer')).map((call) => call.split(' ')[1]);

describe('up with companions', () => {
  test('starts companions after the brokers answer, in dependsOn order, each waited for', async () => {
    const { steps, runtime } = await up({
      schemaRegistry: {},
      services: { web: { image: 'web:1', dependsOn: ['api'] }, api: { image: 'api:1', dependsOn: ['schema-registry'] } },
    });
    expect(created(runtime)).toEqual([
      `${project}-zookeeper-1`,
      `${project}-kafka-1`,
      `${project}-schema-registry-1`,
      `${project}-api-1`,
      `${project}-web-1`,
    ]);
    const titles = steps.map((step) => step.split(':')[0]);
    expect(titles.indexOf('Start and wait for services')).toBe(titles.indexOf('Wait for brokers') + 1);
    expect(steps.find((step) => step.startsWith('Start and wait for services'))).toContain('schema-registry started and ready, api started and ready, web started and ready');
  });

  test("a companion that never gets ready fails up with its last log lines, and what the run made is removed", async () => {
    const config = configOf({ services: { app: { image: 'app:1', ready: { log: 'Started' } } } });
    const runtime = new FakeRuntime([config.images.kafka, config.images.zookeeper, 'app:1']);
    runtime.addContainer({ name: 'other', logs: '' });
    const dependencies = fakeUpDependencies(runtime, { companionReady });
    const containerLogs = runtime.containerLogs.bind(runtime);
    runtime.containerLogs = async (id, tail) => (id.includes('-app-') ? 'booting\nstill booting' : containerLogs(id, tail));
    const failure = up({ services: { app: { image: 'app:1', ready: { log: 'Started' } } } }, runtime, dependencies);
    await expect(failure).rejects.toBeInstanceOf(NotReadyError);
    await expect(failure).rejects.toThrow(/matching \/Started\/[\s\S]*still booting/);
    expect([...runtime.containers.values()].map((container) => container.name)).toEqual(['other']);
  });

  test("a companion's command, volumes (read-only where asked) and host folders reach the container as rendered", async () => {
    const config = configOf({ services: { app: { image: 'app:1', command: ['run', '${kafka.inside.bootstrap}'], volumes: ['data:/data:ro', '/srv/files:/files'] } } });
    const runtime = new FakeRuntime([config.images.kafka, config.images.zookeeper, 'app:1']);
    const requests: Parameters<FakeRuntime['createContainer']>[0][] = [];
    const create = runtime.createContainer.bind(runtime);
    runtime.createContainer = async (request) => (requests.push(request), create(request));
    await up({ services: { app: { image: 'app:1', command: ['run', '${kafka.inside.bootstrap}'], volumes: ['data:/data:ro', '/srv/files:/files'] } } }, runtime);
    expect(requests.find((request) => request.name === `${project}-app-1`)).toMatchObject({
      command: ['run', 'kafka:9093'],
      mounts: [{ source: `${project}_data`, target: '/data', readOnly: true }],
      binds: [{ source: '/srv/files', target: '/files', readOnly: false }],
    });
  });

  test('a stack without companions has no companion step', async () => {
    const { steps } = await up({});
    expect(steps.some((step) => step.startsWith('Start and wait for services'))).toBe(false);
  });
});
