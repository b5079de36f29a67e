import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkBrokerSettings } from '../../../src/config/check-broker-settings.js';
import { settingsCatalogFor, settingsCatalogs } from '../../../src/model/kafka-settings/catalog-for.js';
import { withChanges } from '../../../src/model/kafka-settings/catalog.js';
import kafka44Changes from '../../../src/model/kafka-settings/kafka-4.4.js';
import { checkTopicSettings } from '../../../src/model/topic-settings.js';
import type { KafkaSettingValue, ResolvedConfig } from '../../../src/model/types.js';

type Runs = Pick<ResolvedConfig, 'mode' | 'images'>;

/** The two Kafka lines as a config runs them: 3.9 with ZooKeeper (cp 7.9), 4.4 in KRaft (apache/kafka). */
const kafka39: Runs = { mode: 'zookeeper', images: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'confluent' } };
const kafka44: Runs = { mode: 'kraft', images: { kafka: 'apache/kafka:4.4.0', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'apache' } };

const only = (kind: 'broker' | 'topic', version: '3.9' | '4.4', other: '3.9' | '4.4') =>
  Object.keys(settingsCatalogs[version][kind]).filter((name) => !(name in settingsCatalogs[other][kind]));

/** Any value a config may hold for a setting. */
const anyValue: fc.Arbitrary<KafkaSettingValue> = fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 12 }));

/** A problem with the setting's name (unknown, of another version, of another mode, managed), not with its value. */
const refusesTheName = (message: string) => !message.startsWith('got ');

describe('settings lists per Kafka version', () => {
  test('the image tag picks the list: cp 7.9 and apache/kafka 3.9 -> 3.9, apache/kafka 4.x -> 4.4', () => {
    expect(settingsCatalogFor(kafka39).version).toBe('3.9');
    expect(settingsCatalogFor(kafka44).version).toBe('4.4');
    expect(settingsCatalogFor({ ...kafka44, images: { ...kafka44.images, kafka: 'apache/kafka:3.9.2' } }).version).toBe('3.9');
    expect(settingsCatalogFor({ ...kafka44, images: { ...kafka44.images, kafka: 'apache/kafka:4.1.1' } }).version).toBe('4.4');
  });

  test('4.4 is 3.9 with its changes: what it removed is gone, nothing else is', () => {
    const rebuilt = withChanges(settingsCatalogs['3.9'], kafka44Changes);
    expect(rebuilt).toEqual(settingsCatalogs['4.4']);
    expect(only('topic', '3.9', '4.4').sort()).toEqual([...kafka44Changes.topicRemoved].sort());
    expect(only('broker', '3.9', '4.4').sort()).toEqual([...kafka44Changes.brokerRemoved].sort());
    expect(only('topic', '3.9', '4.4')).toEqual(expect.arrayContaining(['message.format.version', 'message.downconversion.enable']));
    expect(only('broker', '3.9', '4.4')).toEqual(expect.arrayContaining(['zookeeper.connect', 'log.message.format.version', 'inter.broker.protocol.version']));
  });

  test.each([
    { kind: 'topic' as const, from: '3.9' as const, to: '4.4' as const },
    { kind: 'topic' as const, from: '4.4' as const, to: '3.9' as const },
    { kind: 'broker' as const, from: '3.9' as const, to: '4.4' as const },
    { kind: 'broker' as const, from: '4.4' as const, to: '3.9' as const },
  ])('a $kind setting only Kafka $from has is refused by name on $to and never by name on $from', ({ kind, from, to }) => {
    const names = only(kind, from, to);
    expect(names.length).toBeGreaterThan(0);
    const runs = { '3.9': kafka39, '4.4': kafka44 };
    const issues = (version: '3.9' | '4.4', name: string, value: KafkaSettingValue) => {
      const config = runs[version];
      const catalog = settingsCatalogFor(config);
      return kind === 'topic' ? checkTopicSettings({ [name]: value }, catalog) : checkBrokerSettings({ [name]: value }, config, catalog);
    };
    fc.assert(
      fc.property(fc.constantFrom(...names), anyValue, (name, value) => {
        const elsewhere = issues(to, name, value);
        expect(elsewhere).toHaveLength(1);
        expect(elsewhere[0]!.path).toBe(name);
        expect(refusesTheName(elsewhere[0]!.message)).toBe(true);
        // Where it exists, only kafka-dev's own settings are refused by name (zookeeper.connect is the port's).
        const own = issues(from, name, value);
        expect(own.filter((issue) => refusesTheName(issue.message) && !/is set by kafka-dev/.test(issue.message))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('the refusal names both versions, so the user sees why', () => {
    expect(checkTopicSettings({ 'message.format.version': '3.0' }, settingsCatalogFor(kafka44))).toEqual([
      { path: 'message.format.version', message: 'exists in Kafka 3.9 but not in 4.4, which this config runs (see images.kafka, kafkaVersion and mode); remove it, or run a Kafka version that has it' },
    ]);
  });
});
