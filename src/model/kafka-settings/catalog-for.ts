import kafka39 from './kafka-3.9.js';
import kafka44Changes from './kafka-4.4.js';
import { withChanges, type KafkaSettingsCatalog } from './catalog.js';
import { kafkaVersionOf } from '../images.js';
import type { ResolvedConfig } from '../types.js';

/** Every Kafka version kafka-dev has the settings of, oldest first; newer lists are stored as changes from 3.9. */
const catalogs = { '3.9': kafka39, '4.4': withChanges(kafka39, kafka44Changes) };

export type KnownKafkaVersion = keyof typeof catalogs;
export const settingsCatalogs: Readonly<Record<KnownKafkaVersion, KafkaSettingsCatalog>> = catalogs;
export const knownKafkaVersions = Object.keys(settingsCatalogs) as KnownKafkaVersion[];

/**
 * The settings of the Kafka the config runs, by the image tag's Kafka version: its own list when
 * kafka-dev has one, else the newest list of the same major (Kafka 3 -> 3.9, the last 3.x; 4 -> 4.4);
 * with a tag that tells nothing, by mode, whose default image is 3.9 (ZooKeeper) or 4.4 (KRaft).
 */
export function settingsCatalogFor(config: Pick<ResolvedConfig, 'mode' | 'images'>): KafkaSettingsCatalog {
  return settingsCatalogForVersion(kafkaVersionOf(config.images.kafka, config.images.flavor) ?? { major: config.mode === 'kraft' ? 4 : 3 });
}

/** The settings of a Kafka version (e.g. a running cluster's): its own list, else the newest list of the same major. */
export function settingsCatalogForVersion(version: { readonly major: number; readonly minor?: number }): KafkaSettingsCatalog {
  const exact = knownKafkaVersions.find((known) => known === `${version.major}.${version.minor}`);
  const sameMajor = knownKafkaVersions.filter((known) => Number(known.split('.')[0]) === version.major).at(-1);
  return settingsCatalogs[exact ?? sameMajor ?? (version.major < 4 ? knownKafkaVersions[0]! : knownKafkaVersions.at(-1)!)];
}
