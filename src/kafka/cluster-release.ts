/**
 * The Kafka release a cluster runs, read from each broker's ApiVersions answer, and the declared
 * topic settings that release does not have, refused before anything is sent.
 */
import { KafkaDevError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { settingsCatalogForVersion, settingsCatalogs } from '../model/kafka-settings/catalog-for.js';
import type { ResolvedTopic } from '../model/types.js';
import { attempt, type BrokerView, type withAdmin } from './admin.js';
import { retarget, type KafkaTarget } from './client-options.js';
import { describeRelease, kafkaReleaseOf, oldestRelease, type KafkaRelease } from './kafka-release.js';

/** Each broker's release, asked on its own address (the brokers of a cluster being upgraded differ); the oldest counts. */
export async function readClusterRelease(brokers: readonly BrokerView[], target: KafkaTarget, admin: typeof withAdmin): Promise<KafkaRelease> {
  const releases = await Promise.all(
    brokers.map(({ id, host, port }) =>
      attempt(`read the Kafka version of broker ${id} at ${host}:${port}`, () => admin(retarget(target, [`${host}:${port}`]), (broker) => broker.apiVersions())).then(kafkaReleaseOf),
    ),
  );
  return oldestRelease(releases) ?? kafkaReleaseOf([]);
}

/** Throws, naming each setting and its topic, when a declared topic setting is not one the release has. */
export function refuseSettingsTheReleaseLacks(topics: readonly ResolvedTopic[], kafka: KafkaRelease, bootstrap: readonly string[]): void {
  const [major, minor] = kafka.version.split('.').map(Number);
  const known = settingsCatalogForVersion({ major: major!, minor: minor! }).topic;
  const lacking = topics.flatMap((topic) => Object.keys(topic.config).filter((key) => !(key in known)).map((key) => ({ topic: topic.name, key })));
  if (lacking.length === 0) return;
  const names = lacking.map(({ topic, key }) => `${quoteText(key)} (topic ${quoteText(topic)})`).join(', ');
  const elsewhere = Object.values(settingsCatalogs).filter((catalog) => lacking.every(({ key }) => key in catalog.topic)).map((catalog) => catalog.version);
  throw new KafkaDevError(`The cluster at ${bootstrap.join(',')} runs ${describeRelease(kafka)}, which has no topic setting ${names}. Nothing was changed`, {
    hint: `Remove ${lacking.length === 1 ? 'it' : 'them'} from the config's topics${elsewhere.length > 0 ? `, or apply to a cluster that runs Kafka ${elsewhere.join(' or ')}` : ''}.`,
  });
}
