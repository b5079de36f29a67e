import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { stackStatus, type ClusterProbe, type StatusProbes } from '../../../src/health/status.js';
import type { UserConfig } from '../../../src/model/types.js';
import { runningStack } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

const project = 'unit-status';
const configOf = (user: UserConfig = {}) => parseConfig(user, { source: 'test', defaultName: project, env: {} });
const config = configOf();

/** ZooKeeper and broker 1 answer, in sync, broker 1 the controller, unless told otherwise. */
const probes = (zookeeper = true, cluster: Partial<ClusterProbe> = {}): StatusProbes => ({
  zookeeper: async () => zookeeper,
  cluster: async () => ({ brokers: new Set([1]), outOfSync: new Set(), caughtUpVoters: new Set(), activeController: 1, ...cluster }),
});

describe('stackStatus', () => {
  test("a companion's health is its readiness check now, and its endpoints come with it", async () => {
    const withRegistry = configOf({ schemaRegistry: {}, services: { app: { image: 'app:1' } } });
    const runtime = await runningStack(withRegistry);
    const status = await stackStatus(withRegistry, runtime, probes());
    const registry = status.services.find((service) => service.service === 'schema-registry')!;
    // Nothing answers on 127.0.0.1:8081 here: the registry runs but is not healthy.
    expect(registry).toMatchObject({ role: 'companion', state: 'running', health: 'unhealthy' });
    expect(registry.endpoints).toEqual([{ name: 'Schema Registry', host: 'http://localhost:8081', containers: 'http://schema-registry:8081' }]);
    expect(status.services.find((service) => service.service === 'app')).toMatchObject({ state: 'running', health: 'healthy', endpoints: [] });
    expect(status.healthy).toBe(false);
  });

  test('a running stack whose services answer is healthy, with containers, ports and the active controller', async () => {
    const status = await stackStatus(config, await runningStack(config), probes());
    expect(status).toMatchObject({ project, mode: 'zookeeper', healthy: true, activeController: 1 });
    expect(status.services).toEqual([
      {
        service: 'zookeeper',
        role: 'zookeeper',
        nodeId: null,
        container: `${project}-zookeeper-1`,
        state: 'running',
        status: 'Up 1 second',
        health: 'healthy',
        inSync: null,
        outdated: false,
        ports: ['127.0.0.1:2181->2181'],
        endpoints: [],
      },
      {
        service: 'kafka',
        role: 'broker',
        nodeId: 1,
        container: `${project}-kafka-1`,
        state: 'running',
        status: 'Up 1 second',
        health: 'healthy',
        inSync: true,
        outdated: false,
        ports: ['127.0.0.1:9092->9092'],
        endpoints: [],
      },
    ]);
  });

  test('a removed container is missing and stopped, and the stack is not healthy', async () => {
    const runtime = await runningStack(config);
    await runtime.removeContainer(`${project}-kafka-1`);
    const status = await stackStatus(config, runtime, probes());
    expect(status.services[1]).toMatchObject({ container: null, state: 'missing', status: 'no container', health: 'stopped' });
    expect(status.healthy).toBe(false);
  });

  test('a running broker that is not registered is unhealthy', async () => {
    const status = await stackStatus(config, await runningStack(config), probes(true, { brokers: new Set() }));
    expect(status.services.map((service) => service.health)).toEqual(['healthy', 'unhealthy']);
  });

  test('a broker missing from an ISR is out of sync', async () => {
    const status = await stackStatus(config, await runningStack(config), probes(true, { outOfSync: new Set([1]) }));
    expect(status.services[1]!.inSync).toBe(false);
  });

  test('a container made from another config is outdated', async () => {
    const runtime = await runningStack(configOf({ brokerConfig: { 'log.retention.hours': 1 } }));
    const status = await stackStatus(config, runtime, probes());
    expect(status.services.map((service) => service.outdated)).toEqual([false, true]);
  });

  test('without an engine it fails with the engine error', async () => {
    const runtime = new FakeRuntime();
    runtime.engineDown = true;
    await expect(stackStatus(config, runtime, probes())).rejects.toThrow(/^Cannot reach the Docker engine/);
  });
});
