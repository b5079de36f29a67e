import { describe, expect, test } from 'vitest';
import { loadFlavor, settingToEnv } from '../../../src/model/flavor.js';

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
