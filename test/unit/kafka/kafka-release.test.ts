import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KafkaDevError } from '../../../src/base/errors.js';
import { readClusterRelease, refuseSettingsTheReleaseLacks } from '../../../src/kafka/cluster-release.js';
import { describeRelease, kafkaReleaseOf, oldestRelease, type KafkaRelease } from '../../../src/kafka/kafka-release.js';
import type { ResolvedTopic } from '../../../src/model/types.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';

/** Every request a broker serves, at its newest stable version, per release: read from the request definitions in kafka-clients 3.5.2 to 4.4.0. */
const answers = JSON.parse(readFileSync(new URL('../../fixtures/apply-cluster/api-versions.json', import.meta.url), 'utf8')) as Record<string, [number, number][]>;
const answerOf = (version: string) => answers[version]!.map(([apiKey, maxVersion]) => ({ apiKey, maxVersion }));
const releases = Object.keys(answers);

describe("a broker's Kafka release from its ApiVersions answer", () => {
  test.each(releases)('a %s broker is told as that release', (version) => {
    const release = kafkaReleaseOf(answerOf(version));
    expect(release.version).toBe(version);
    expect(describeRelease(release)).toBe(version === '3.5' ? 'Kafka 3.5 or older' : version === releases.at(-1) ? `Kafka ${version} or later` : `Kafka ${version}`);
  });

  test("raising some requests' versions never makes a broker's release older", () => {
    fc.assert(
      fc.property(fc.constantFrom(...releases), fc.array(fc.nat({ max: 94 })), fc.nat({ max: 3 }), (version, raised, by) => {
        const answer = answerOf(version).map(({ apiKey, maxVersion }) => ({ apiKey, maxVersion: raised.includes(apiKey) ? maxVersion + by : maxVersion }));
        return releases.indexOf(kafkaReleaseOf(answer).version) >= releases.indexOf(version);
      }),
    );
  });

  test('the oldest broker counts, and no answer at all is older than every mark', () => {
    const of = (version: string) => kafkaReleaseOf(answerOf(version));
    expect(oldestRelease([of('4.4'), of('3.9'), of('4.0')])).toEqual(of('3.9'));
    expect(oldestRelease([of('4.4'), kafkaReleaseOf([])])).toEqual({ version: '3.5', bound: 'or older' });
    expect(oldestRelease([])).toBeUndefined();
  });

  test('each broker is asked on its own address', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    admin.apiVersionRanges = answerOf('3.9');
    const asked: unknown[] = [];
    const release = await readClusterRelease((await admin.describeCluster()).brokers, ['b1:9092'], async (target, work) => (asked.push(target), work(admin)));
    expect(release).toEqual({ version: '3.9' });
    expect(asked).toEqual([['localhost:9092'], ['localhost:9093'], ['localhost:9094']]);
  });
});

describe('declared topic settings the cluster has not', () => {
  const topic = (name: string, config: ResolvedTopic['config']): ResolvedTopic => ({ name, partitions: 1, replicationFactor: 1, config });
  const refusal = (topics: ResolvedTopic[], kafka: KafkaRelease) => {
    try {
      refuseSettingsTheReleaseLacks(topics, kafka, ['b1:9093']);
      return undefined;
    } catch (error) {
      return error as KafkaDevError;
    }
  };

  test('a setting Kafka 4 removed is refused on a 4.4 cluster, naming the topic and the version that has it', () => {
    const error = refusal([topic('audit', { 'message.format.version': '3.0', 'retention.ms': 1000 })], { version: '4.4', bound: 'or later' });
    expect(error).toBeInstanceOf(KafkaDevError);
    expect(error!.message).toBe("The cluster at b1:9093 runs Kafka 4.4 or later, which has no topic setting 'message.format.version' (topic 'audit'). Nothing was changed");
    expect(error!.hint).toBe("Remove it from the config's topics, or apply to a cluster that runs Kafka 3.9.");
  });

  test('a setting newer than the cluster is refused on 3.9; settings it has pass', () => {
    expect(refusal([topic('orders', { 'remote.copy.lag.ms': 1000 })], { version: '3.9' })!.message).toContain("'remote.copy.lag.ms' (topic 'orders')");
    expect(refusal([topic('orders', { 'retention.ms': 1000, 'cleanup.policy': 'compact' })], { version: '3.9' })).toBeUndefined();
    expect(refusal([topic('orders', { 'remote.copy.lag.ms': 1000 })], { version: '4.4' })).toBeUndefined();
  });
});
