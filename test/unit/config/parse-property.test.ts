import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { ConfigError } from '../../../src/base/errors.js';
import { renderCompose } from '../../../src/compose/render.js';
import { buildStackModel } from '../../../src/model/stack.js';

/** Strings a user (or a broken file) could put anywhere: names, escapes, binary, very long. */
const oddString = fc.oneof(
  fc.constantFrom('', 'kafka', 'controller', 'controller-1', 'zookeeper', 'kafka-1', 'localhost', '::1', '::', '0.0.0.0', '127.0.0.1', '\x1b[31m', 'a\nb', '\u2028', '\ud800', '512m', '99999g'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 100, maxLength: 300 }),
);
/** Anything at all, deep and odd: Maps, Dates, null prototypes, sparse lists, bigints, functions. */
const anything = fc.oneof(
  fc.anything({ maxDepth: 3, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBigInt: true, withSparseArray: true, withBoxedValues: true }),
  fc.constant(() => 1),
  fc.constant(new (class Settings {})()),
);
/**
 * A config of fields that are each valid on their own (`odd` 0), but may clash with each other:
 * hosts named like other services, shared ports, colliding topic names. With `odd` > 0, any field
 * may also be an odd string or anything at all.
 */
function configOf(odd: number) {
  const field = <T>(valid: fc.Arbitrary<T>) =>
    odd === 0 ? valid : fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: oddString, weight: odd }, { arbitrary: anything, weight: odd });
  const port = field(odd === 0 ? fc.constantFrom(2181, 9092, 9093, 9094, 19092, 29092, 39092, 65534) : fc.integer({ min: -1, max: 70000 }));
  const host = field(fc.constantFrom('kafka', 'controller', 'controller-2', 'zookeeper', 'kafka-1', 'broker', 'k'.repeat(62)));
  const settingValue = field(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.boolean(), fc.constantFrom('compact', '1', '-1')));
  const settingName = fc.constantFrom('log.retention.hours', 'min.insync.replicas', 'retention.ms', 'segment.bytes', 'heap.opts', 'zookeeper.session.timeout.ms', 'advertised-listeners', 'cleanup.policy');
  const wellKnown = fc.constantFrom({ 'retention.ms': -1 }, { 'cleanup.policy': 'compact' }, { 'log.retention.hours': 1 }, {});
  const setting = odd === 0 ? fc.oneof({ arbitrary: wellKnown, weight: 4 }, fc.dictionary(settingName, settingValue, { maxKeys: 2 })) : fc.dictionary(fc.oneof(settingName, oddString), settingValue, { maxKeys: 2 });
  const optional = { requiredKeys: [] as [] };
  return fc.record(
    {
      name: field(fc.constantFrom('demo', 'shop')),
      mode: field(fc.constantFrom('zookeeper', 'kraft')),
      brokers: field(fc.integer({ min: odd === 0 ? 1 : 0, max: odd === 0 ? 9 : 10 })),
      controllers: field(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 4 }))),
      listeners: field(
        fc.record(
          {
            inside: field(fc.record({ host, port }, optional)),
            outside: field(fc.record({ host: field(fc.constantFrom('localhost', '::1', '127.0.0.1')), port, bind: field(fc.constantFrom('127.0.0.1', '0.0.0.0', '::')) }, optional)),
            controller: field(fc.record({ port }, optional)),
          },
          optional,
        ),
      ),
      zookeeper: field(fc.record({ port, bind: field(fc.constantFrom('127.0.0.1', '0.0.0.0')) }, optional)),
      topics: field(fc.array(field(fc.record({ name: field(fc.constantFrom('a', 'a.b', 'a_b', 'orders')), partitions: field(fc.integer({ min: odd === 0 ? 1 : 0, max: 3 })), replicationFactor: field(fc.integer({ min: odd === 0 ? 1 : 0, max: odd === 0 ? 2 : 4 })), config: field(setting) }, { requiredKeys: ['name'] })), { maxLength: 3 })),
      brokerConfig: field(setting),
      heap: field(fc.record({ kafka: field(odd === 0 ? fc.constantFrom('512m', '1g', '64m') : fc.constantFrom('512m', '1g', '0m', '1k', '99999g')), zookeeper: field(fc.constantFrom('256m', '64m')) }, optional)),
    },
    optional,
  );
}

const duplicates = (values: readonly unknown[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe('parseConfig over any config', () => {
  test('gives a stack of unique names, volumes and host ports, or a ConfigError whose every issue is readable', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: configOf(0), weight: 3 }, { arbitrary: configOf(1), weight: 3 }, { arbitrary: anything, weight: 1 }), (raw) => {
        let resolved;
        try {
          resolved = parseConfig(raw, { source: 'kafka-dev.config.ts', defaultName: 'demo', env: {} });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          for (const issue of (error as ConfigError).issues) {
            expect(typeof issue.path).toBe('string');
            expect(issue.message).not.toBe('');
            for (const text of [issue.path, issue.message]) {
              expect(text).not.toMatch(/\[object |function\s*\w*\s*\(/);
              expect(text).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
              expect(text.length).toBeLessThan(1200);
            }
          }
          return;
        }
        const model = buildStackModel(resolved);
        expect(duplicates(model.services.map((service) => service.name))).toEqual([]);
        expect(duplicates(model.services.map((service) => service.hostname))).toEqual([]);
        expect(duplicates(model.volumes)).toEqual([]);
        expect(duplicates(model.services.flatMap((service) => service.ports.map((published) => published.host)))).toEqual([]);
        expect(renderCompose(resolved)).toContain('services:');
      }),
      { numRuns: 1000 },
    );
  });
});
