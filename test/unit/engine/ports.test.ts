import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { ContainerSummary } from '../../../src/engine/runtime.js';
import { planUp } from '../../../src/engine/plan.js';
import { assertPortsFree, containerConflicts, requestedPorts, type HostProbe } from '../../../src/engine/ports.js';
import { PortInUseError } from '../../../src/base/errors.js';
import { buildStackModel } from '../../../src/model/stack.js';

const plan = planUp(buildStackModel(parseConfig({}, { source: 'test', defaultName: 'demo', env: {} })), {
  containers: [],
  networks: [],
  volumes: [],
});
const other = (bind: string, host: number, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
  id: 'other',
  name: 'legacy-kafka',
  image: 'wurstmeister/kafka',
  state,
  status: '',
  labels: {},
  ports: [{ bind, host, container: 9092 }],
});
const freeHost: HostProbe = { isFree: async () => true, processOn: async () => null };

describe('port checks', () => {
  test('the plan publishes ZooKeeper and broker ports, each traced to its config field', () => {
    expect(requestedPorts(plan).map((port) => [port.host, port.field])).toEqual([
      [2181, 'zookeeper.port'],
      [9092, 'listeners.outside.port'],
    ]);
  });

  test("a companion's ports are traced to its own field, so a port held on the host names it", () => {
    const config = parseConfig({ schemaRegistry: {}, services: { app: { image: 'a', ports: ['8080:80'] } } }, { source: 'test', defaultName: 'demo', env: {} });
    const withCompanions = planUp(buildStackModel(config), { containers: [], networks: [], volumes: [] });
    expect(requestedPorts(withCompanions).map((port) => [port.host, port.field]).slice(2)).toEqual([
      [8081, 'schemaRegistry.port'],
      [8080, 'services.app.ports'],
    ]);
  });

  test.each([
    { name: 'the same address', bind: '127.0.0.1', conflict: true },
    { name: 'every interface', bind: '0.0.0.0', conflict: true },
    { name: 'another address', bind: '192.0.2.10', conflict: false },
  ])('a running container publishing 9092 on $name conflicts: $conflict', ({ bind, conflict }) => {
    const conflicts = containerConflicts(requestedPorts(plan), [other(bind, 9092)], new Set());
    expect(conflicts.length > 0).toBe(conflict);
  });

  test('stopped containers and containers the plan replaces do not count', () => {
    expect(containerConflicts(requestedPorts(plan), [other('127.0.0.1', 9092, 'exited')], new Set())).toEqual([]);
    expect(containerConflicts(requestedPorts(plan), [other('127.0.0.1', 9092)], new Set(['other']))).toEqual([]);
  });

  test('the error names the port, the holding container and the field to change', async () => {
    const error = await assertPortsFree(plan, [other('0.0.0.0', 9092)], freeHost).catch((e) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error.message).toBe(
      "Cannot start: port 9092 on 127.0.0.1 (for kafka, set by 'listeners.outside.port') is taken by container 'legacy-kafka'. Nothing was created.",
    );
    expect(error.hint).toContain('listeners.outside.port');
  });

  test('a port held by a host process names the process', async () => {
    const probe: HostProbe = { isFree: async (port) => port.host !== 2181, processOn: async () => 'process java (pid 42)' };
    await expect(assertPortsFree(plan, [], probe)).rejects.toThrow(/port 2181 on 127\.0\.0\.1 \(for zookeeper, set by 'zookeeper\.port'\) is taken by process java \(pid 42\)/);
  });
});

describe('port checks when a container is replaced', () => {
  test('the port of the container being recreated is not reported as taken', async () => {
    const model = buildStackModel(parseConfig({}, { source: 'test', defaultName: 'demo', env: {} }));
    const kafka = model.services[1]!;
    const old: ContainerSummary = {
      id: 'old-kafka',
      name: 'demo-kafka-1',
      image: kafka.image,
      state: 'running',
      status: '',
      labels: { 'com.docker.compose.service': 'kafka', 'com.docker.compose.config-hash': 'an older hash' },
      ports: kafka.ports,
    };
    const recreate = planUp(model, { containers: [old], networks: [], volumes: [] });
    const busyWhileOldRuns: HostProbe = { isFree: async (port) => port.host !== 9092, processOn: async () => 'process docker-proxy (pid 1)' };
    await expect(assertPortsFree(recreate, [old], busyWhileOldRuns)).resolves.toBeUndefined();
  });
});
