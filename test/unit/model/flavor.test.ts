import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { envToSetting as readSetting, imageFlavors, loadFlavor, renderedFlavors, settingToEnv } from '../../../src/model/flavor.js';
import { guessFlavor, kafkaMajorVersion } from '../../../src/model/images.js';
import type { ImageFlavor } from '../../../src/model/types.js';

/** cp-kafka's reverse mapping (dub.py env_to_props: '_' -> '.', then '...' -> '-', then '..' -> '_'), to prove the two agree. */
const envToSetting = (name: string) =>
  name.replace(/^KAFKA_/, '').toLowerCase().replaceAll('_', '.').replaceAll('...', '-').replaceAll('..', '_');

describe('settingToEnv (confluent flavor)', () => {
  const flavor = loadFlavor('confluent');

  test.each([
    { setting: 'log.retention.hours', env: 'KAFKA_LOG_RETENTION_HOURS' },
    { setting: 'offsets.topic.replication.factor', env: 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR' },
    { setting: 'confluent.metrics_reporter.enable', env: 'KAFKA_CONFLUENT_METRICS__REPORTER_ENABLE' },
    { setting: 'listener.name.inside.ssl-key', env: 'KAFKA_LISTENER_NAME_INSIDE_SSL___KEY' },
  ])('$setting becomes $env and maps back the way the image reads it', ({ setting, env }) => {
    expect(settingToEnv(flavor, setting)).toBe(env);
    expect(envToSetting(env)).toBe(setting);
  });
});

describe('the flavor registry', () => {
  test('every flavor reads back what settingToEnv writes, by its own escapes', () => {
    const settingKey = fc.stringMatching(/^[a-z0-9]+([._-][a-z0-9]+)*$/);
    for (const name of imageFlavors) {
      const flavor = loadFlavor(name);
      const escapes = flavor.kafka.settingsEnv.replace.map(([from]) => from);
      fc.assert(
        fc.property(settingKey, (setting) => {
          // A flavor without an escape for a character cannot carry it (wurstmeister, bitnami: `.` only).
          fc.pre([...setting.replace(/[a-z0-9]/g, '')].every((char) => escapes.includes(char)));
          const variable = settingToEnv(flavor, setting);
          if (!flavor.kafka.settingsEnv.notSettings.includes(variable)) expect(readSetting(flavor, variable)).toBe(setting);
        }),
      );
    }
  });

  test.each<{ image: string; role: 'kafka' | 'zookeeper'; flavor: ImageFlavor | undefined }>([
    { image: 'confluentinc/cp-kafka:7.9.1', role: 'kafka', flavor: 'confluent' },
    { image: 'confluentinc/cp-server:7.9.1', role: 'kafka', flavor: 'confluent' },
    { image: 'kafka-dev-local/cp-kafka:7.9', role: 'kafka', flavor: 'confluent' },
    { image: 'apache/kafka:4.1.1', role: 'kafka', flavor: 'apache' },
    { image: 'apache/kafka-native:4.1.1', role: 'kafka', flavor: 'apache' },
    { image: 'kafka-dev-local/apache-kafka:4.4', role: 'kafka', flavor: 'apache' },
    { image: 'docker.io/bitnami/kafka:3.4', role: 'kafka', flavor: 'bitnami' },
    { image: 'bitnamilegacy/kafka:3.9', role: 'kafka', flavor: 'bitnami' },
    { image: 'wurstmeister/kafka', role: 'kafka', flavor: 'wurstmeister' },
    { image: 'zookeeper:3.9', role: 'zookeeper', flavor: 'zookeeper' },
    { image: 'mycorp/zookeeper:3.9', role: 'zookeeper', flavor: undefined },
    { image: 'confluentinc/cp-kafka-rest:7.9.1', role: 'kafka', flavor: undefined },
    { image: 'confluentinc/cp-zookeeper:7.9.1', role: 'kafka', flavor: undefined },
  ])('$image is a $role image of flavor $flavor', ({ image, role, flavor }) => {
    expect(guessFlavor(image, role)).toBe(flavor);
  });

  test.each<{ image: string; flavor: ImageFlavor; major: number | undefined }>([
    { image: 'confluentinc/cp-kafka:7.9.1', flavor: 'confluent', major: 3 },
    { image: 'confluentinc/cp-kafka:8.0.0', flavor: 'confluent', major: 4 },
    { image: 'confluentinc/cp-kafka:7.9.1-1-ubi8', flavor: 'confluent', major: 3 },
    { image: 'confluentinc/cp-kafka', flavor: 'confluent', major: 4 },
    { image: 'apache/kafka:3.9.1', flavor: 'apache', major: 3 },
    { image: 'apache/kafka:latest', flavor: 'apache', major: 4 },
    { image: 'bitnami/kafka:3.4', flavor: 'bitnami', major: 3 },
    { image: 'wurstmeister/kafka:2.13-2.8.1', flavor: 'wurstmeister', major: undefined },
    { image: 'confluentinc/cp-kafka:custom', flavor: 'confluent', major: undefined },
    // The version comes from a tag only: a digest's leading digit says nothing.
    { image: `apache/kafka@sha256:4${'a'.repeat(63)}`, flavor: 'apache', major: undefined },
    { image: `apache/kafka:3.9.1@sha256:4${'a'.repeat(63)}`, flavor: 'apache', major: 3 },
    { image: 'Not An Image:4', flavor: 'apache', major: undefined },
  ])('$image runs Kafka $major', ({ image, flavor, major }) => {
    expect(kafkaMajorVersion(image, flavor)).toBe(major);
  });

  test('only confluent and apache render; every flavor knows where its Kafka keeps data', () => {
    expect(renderedFlavors()).toEqual(['confluent', 'apache']);
    for (const name of imageFlavors) expect(loadFlavor(name).kafka.dataDirs.length, name).toBeGreaterThan(0);
  });
});
