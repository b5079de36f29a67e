import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import type { ContainerSummary } from '../../../src/engine/runtime.js';
import { composeLabel, containerLabels } from '../../../src/engine/labels.js';
import { describePlan, isNoop, planUp } from '../../../src/engine/plan.js';
import { buildStackModel } from '../../../src/model/stack.js';

const modelOf = (user: UserConfig = {}) =>
  buildStackModel(parseConfig(user, { source: 'test', defaultName: 'demo', env: {} }));

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
});
