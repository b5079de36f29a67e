import kafka39 from './kafka-3.9.js';
import kafka41 from './kafka-4.1.js';
import type { KafkaSettingsCatalog } from './catalog.js';
import { kafkaMajorVersion } from '../images.js';
import type { ResolvedConfig } from '../types.js';

export const settingsCatalogs: Readonly<Record<'3.9' | '4.1', KafkaSettingsCatalog>> = { '3.9': kafka39, '4.1': kafka41 };

/**
 * The settings of the Kafka the config runs: by the image tag's major version (Kafka 3 -> 3.9,
 * the last 3.x; 4 and later -> 4.1), else by mode, whose default image is 3.9 (ZooKeeper) or 4.1 (KRaft).
 */
export function settingsCatalogFor(config: Pick<ResolvedConfig, 'mode' | 'images'>): KafkaSettingsCatalog {
  const major = kafkaMajorVersion(config.images.kafka, config.images.flavor) ?? (config.mode === 'kraft' ? 4 : 3);
  return major <= 3 ? settingsCatalogs['3.9'] : settingsCatalogs['4.1'];
}
