import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, composeImplementations, kafkaDev } from './helpers.js';

/**
 * The class "bad input gets a clear error, good input gets what was asked", as a property: any
 * config (plausible and hostile values alike) either renders a compose file that Docker Compose
 * accepts and that holds what the config asked for, or is refused with exit 2 and a message
 * naming a field. Never a stack trace, `[object Object]`, a function's source, or rc 0 with
 * defaults substituted.
 */

const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '\u001b[31mred', 'a\nb', '0x3', '1e0', '-1', '3.0', '::', '::1', 'null', '__proto__', 'x'.repeat(300)),
  fc.integer({ min: -3, max: 70_000 }),
  fc.double({ noNaN: true, min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: hostile }), { nil: undefined, freq: 2 });

const topic = fc.record(
  {
    name: fc.oneof(fc.constantFrom('orders', 'my.topic', 'my_topic', 'a-b', '.', '..', ''), fc.stringMatching(/^[a-z]{1,8}$/)),
    partitions: maybe(fc.integer({ min: 0, max: 12 })),
    replicationFactor: maybe(fc.integer({ min: 0, max: 4 })),
    config: maybe(
      fc.dictionary(
        fc.constantFrom('retention.ms', 'cleanup.policy', 'min.insync.replicas', 'segment.bytes', 'retention.hourz', 'max.message.bytes'),
        fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.constantFrom('compact', 'delete', 'nope', true)),
        { maxKeys: 3 },
      ),
    ),
  },
  { requiredKeys: ['name'] },
);

const config = fc.record(
  {
    name: maybe(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/)),
    mode: maybe(fc.constantFrom('zookeeper', 'kraft')),
    brokers: maybe(fc.integer({ min: 0, max: 10 })),
    controllers: maybe(fc.integer({ min: 0, max: 4 })),
    listeners: maybe(
      fc.record(
        {
          inside: maybe(fc.record({ host: maybe(fc.constantFrom('kafka', 'broker', 'controller', 'zookeeper', 'kafka-1', 'controller-2', 'localhost')), port: maybe(fc.integer({ min: 1, max: 65_535 })) }, { requiredKeys: [] })),
          outside: maybe(fc.record({ host: maybe(fc.constantFrom('localhost', '127.0.0.1', '::1', 'my.host')), port: maybe(fc.constantFrom(9092, 9093, 9094, 2181, 19092, 65_535)), bind: maybe(fc.constantFrom('127.0.0.1', '0.0.0.0', '::', '::1')) }, { requiredKeys: [] })),
          controller: maybe(fc.record({ port: maybe(fc.constantFrom(9092, 9093, 9094, 9095)) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    zookeeper: maybe(fc.record({ port: maybe(fc.constantFrom(2181, 9092, 2182)) }, { requiredKeys: [] })),
    topics: maybe(fc.array(topic, { maxLength: 3 })),
    brokerConfig: maybe(
      fc.dictionary(
        fc.constantFrom('log.retention.hours', 'log.retention.hourz', 'num.partitions', 'heap.opts', 'advertised-listeners', 'auto.create.topics.enable'),
        fc.oneof(fc.integer({ min: -2, max: 100 }), fc.boolean(), fc.constantFrom('x', '1')),
        { maxKeys: 2 },
      ),
    ),
    heap: maybe(fc.record({ kafka: maybe(fc.constantFrom('512m', '1g', '0m', '1k', '99999g', '256M')) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

/** What a refusal must never look like. */
function expectCleanRefusal(stderr: string): void {
  expect(stderr).toMatch(/Invalid (config|arguments)/);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // a stack frame
  expect(stderr).not.toMatch(/\[object |function \(|=> \{|TypeError/);
  // eslint-disable-next-line no-control-regex
  expect(stderr.replace(/\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
}

type Rendered = { services: Record<string, { ports?: string[]; depends_on?: string[]; labels?: Record<string, string> }>; volumes?: Record<string, unknown> };

/** What was asked must be what was rendered: broker count, distinct host ports, nothing depending on itself. */
function expectWhatWasAsked(input: Record<string, unknown>, compose: Rendered): void {
  const services = Object.entries(compose.services);
  const brokers = services.filter(([, service]) => (service.ports ?? []).length > 0 && !/zookeeper/.test(String(service.ports)));
  const asked = typeof input.brokers === 'number' ? input.brokers : 1;
  // Brokers by their role label: their names come from listeners.inside.host, which may be any name (even 'controller-2').
  expect(services.filter(([, service]) => service.labels?.['dev.kafka-dev.role'] === 'broker').length).toBeGreaterThanOrEqual(Math.min(asked, brokers.length));
  const ports = services.flatMap(([, service]) => service.ports ?? []);
  for (const port of ports) expect(port).toMatch(/^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):\d+:\d+$/);
  const hostPorts = ports.map((port) => port.split(':').at(-2));
  expect(new Set(hostPorts).size).toBe(hostPorts.length);
  for (const [name, service] of services) expect(service.depends_on ?? []).not.toContain(name);
}

describe('any config is rendered as asked or refused cleanly', () => {
  test('60 generated configs through `kafka-dev render`, `docker-compose config` and `docker compose config`', { timeout: 280_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kafka-dev-property-'));
    const file = join(dir, 'kafka-dev.config.json');
    const output = join(dir, 'docker-compose.yml');
    await fc.assert(
      fc.asyncProperty(config, async (input) => {
        await writeFile(file, JSON.stringify(input));
        const result = await kafkaDev(['render', '-c', file, '-o', output, '-p', 'kdt-property'], { cwd: dir });
        if (result.exitCode !== 0) {
          expect(result.exitCode).toBe(2);
          expectCleanRefusal(result.stderr);
          return;
        }
        // Compose v1 (docker-compose) and v2 (the docker compose plugin) both accept it, without a warning.
        for (const { command } of composeImplementations) {
          const checked = await composeConfig(command, 'kdt-property', output);
          expect(checked.stderr).toBe('');
          expect(checked.exitCode).toBe(0);
        }
        expectWhatWasAsked(input as Record<string, unknown>, parse(await readFile(output, 'utf8')) as Rendered);
      }),
      { numRuns: 60, seed: Number(process.env.KAFKA_DEV_PROPERTY_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  });
});
