import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import type { ContainerSummary } from '../../../src/engine/runtime.js';
import { parse as parseYaml } from 'yaml';
import { composeLabel, configHash, containerLabels } from '../../../src/engine/labels.js';
import { describePlan, isNoop, planUp } from '../../../src/engine/plan.js';
import { renderCompose } from '../../../src/compose/render.js';
import { buildStackModel } from '../../../src/model/stack.js';

const configOf = (user: UserConfig = {}) => parseConfig(user, { source: 'test', defaultName: 'demo', env: {} });
const modelOf = (user: UserConfig = {}) => buildStackModel(configOf(user));

/**
 * A container as `docker compose -p demo -f FILE up -d` makes it from kafka-dev's rendered file:
 * the file's labels, plus Compose's own (its config-hash is a hash of its own making).
 */
function composeContainerFor(user: UserConfig, service: string): ContainerSummary {
  const rendered = parseYaml(renderCompose(configOf(user))) as { services: Record<string, { image: string; labels?: Record<string, string> }> };
  const { image, labels } = rendered.services[service]!;
  return {
    id: `compose-${service}`,
    name: `demo-${service}-1`,
    image,
    state: 'running',
    status: '',
    ports: [],
    labels: {
      ...labels,
      [composeLabel.project]: 'demo',
      [composeLabel.service]: service,
      [composeLabel.containerNumber]: '1',
      [composeLabel.oneoff]: 'False',
      [composeLabel.configHash]: 'a0b1c2d3e4f5a0b1c2d3e4f5a0b1c2d3e4f5a0b1c2d3e4f5a0b1c2d3e4f5a0b1',
      'com.docker.compose.version': '2.26.1',
      'com.docker.compose.project.config_files': '/somewhere/compose/docker-compose.yml',
      'com.docker.compose.project.working_dir': '/somewhere/compose',
      'com.docker.compose.depends_on': 'zookeeper:service_started:false',
      'com.docker.compose.image': 'sha256:0123456789abcdef',
    },
  };
}

/** A container as Docker would list it after kafka-dev created it from `model`. */
function containerFor(model: ReturnType<typeof modelOf>, service: string, state: ContainerSummary['state'] = 'running'): ContainerSummary {
  const spec = model.services.find((candidate) => candidate.name === service)!;
  return { id: `id-${service}`, name: `demo-${service}-1`, image: spec.image, state, status: '', labels: containerLabels('demo', spec), ports: spec.ports };
}

const everything = { networks: ['demo_default'], volumes: ['demo_zookeeper-data', 'demo_zookeeper-log', 'demo_broker-1-data'] };

describe('planUp', () => {
  test('from nothing, it creates network, volumes and every service', () => {
    const plan = planUp(modelOf(), { containers: [], networks: [], volumes: [] });
    expect(plan.services.map((service) => [service.spec.name, service.action])).toEqual([
      ['zookeeper', 'create'],
      ['kafka', 'create'],
    ]);
    expect(describePlan(plan)).toBe('create zookeeper, create kafka, create network demo_default, create 3 volumes');
  });

  test('with everything running from the same config, it is a no-op', () => {
    const model = modelOf();
    const plan = planUp(model, { containers: [containerFor(model, 'zookeeper'), containerFor(model, 'kafka')], ...everything });
    expect(isNoop(plan)).toBe(true);
    expect(describePlan(plan)).toBe('nothing to change');
  });

  test('a changed broker setting recreates the broker only', () => {
    const old = modelOf();
    const plan = planUp(modelOf({ brokerConfig: { 'log.retention.hours': 1 } }), {
      containers: [containerFor(old, 'zookeeper'), containerFor(old, 'kafka')],
      ...everything,
    });
    expect(plan.services.map((service) => service.action)).toEqual(['keep', 'recreate']);
  });

  test('a stopped or killed container with the same config is started again, not recreated', () => {
    const model = modelOf();
    const plan = planUp(model, { containers: [containerFor(model, 'zookeeper'), containerFor(model, 'kafka', 'exited')], ...everything });
    expect(plan.services.map((service) => service.action)).toEqual(['keep', 'start']);
  });

  test('containers of services no longer in the config are orphans to remove', () => {
    const three = modelOf({ brokers: 3 });
    const plan = planUp(modelOf({ brokers: 2 }), {
      containers: ['zookeeper', 'kafka-1', 'kafka-2', 'kafka-3'].map((service) => containerFor(three, service)),
      networks: everything.networks,
      volumes: [],
    });
    expect(plan.orphans.map((orphan) => orphan.labels[composeLabel.service])).toEqual(['kafka-3']);
  });

  const composeStarted: { name: string; config: UserConfig }[] = [
    { name: 'the defaults', config: {} },
    { name: 'three ZooKeeper-mode brokers', config: { brokers: 3, listeners: { outside: { port: 19092 } } } },
    { name: 'three KRaft nodes', config: { mode: 'kraft', brokers: 3 } },
    { name: 'KRaft with dedicated controllers', config: { mode: 'kraft', brokers: 2, controllers: 3 } },
  ];

  test.each(composeStarted)('a stack Compose started from the rendered file of $name is kept, not recreated', ({ config }) => {
    const model = modelOf(config);
    const containers = model.services.map((spec) => composeContainerFor(config, spec.name));
    const plan = planUp(model, { containers, networks: ['demo_default'], volumes: model.volumes.map((volume) => `demo_${volume}`) });
    expect(plan.services.map((service) => [service.spec.name, service.action])).toEqual(model.services.map((spec) => [spec.name, 'keep']));
    expect(describePlan(plan)).toBe('nothing to change');
  });

  test('a stack Compose started from the file of another config is recreated where it differs', () => {
    const old = { brokers: 2 };
    const model = modelOf({ brokers: 2, brokerConfig: { 'log.retention.hours': 1 } });
    const containers = model.services.map((spec) => composeContainerFor(old, spec.name));
    expect(planUp(model, { containers, networks: [], volumes: [] }).services.map((service) => service.action)).toEqual(['keep', 'recreate', 'recreate']);
  });

  test('containers of earlier kafka-dev versions, with its hash in Compose\'s label only, are kept', () => {
    const model = modelOf();
    const earlier = (service: string): ContainerSummary => {
      const spec = model.services.find((candidate) => candidate.name === service)!;
      const labels = { [composeLabel.project]: 'demo', [composeLabel.service]: service, [composeLabel.configHash]: configHash(spec), 'dev.kafka-dev.role': spec.role };
      return { id: `old-${service}`, name: `demo-${service}-1`, image: spec.image, state: 'running', status: '', labels, ports: [] };
    };
    expect(planUp(model, { containers: [earlier('zookeeper'), earlier('kafka')], ...everything }).services.map((s) => s.action)).toEqual(['keep', 'keep']);
  });
});
