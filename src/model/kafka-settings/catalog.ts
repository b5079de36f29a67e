/** The shape of a generated settings catalog (scripts/kafka-settings.ts writes one per Kafka version). */

/** ConfigDef's types, as Kafka's documentation names them. */
export type SettingType = 'boolean' | 'short' | 'int' | 'long' | 'double' | 'string' | 'list' | 'class' | 'password';

export interface SettingSpec {
  readonly type: SettingType;
  /** Range of a number setting, from Kafka's Range validator (inclusive; decimal text). */
  readonly min?: string;
  readonly max?: string;
  /** Values allowed outside the range, such as -1 for "no limit". */
  readonly also?: readonly string[];
  /** The words a string (or each item of a list) may be. */
  readonly oneOf?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly nonEmpty?: boolean;
}

export interface KafkaSettingsCatalog {
  /** Kafka's `major.minor`. */
  readonly version: string;
  readonly broker: Readonly<Record<string, SettingSpec>>;
  readonly topic: Readonly<Record<string, SettingSpec>>;
  /** KAFKA_* variables the image's scripts read themselves (JVM options, logging), so no setting may become one. */
  readonly imageEnv: readonly string[];
}

/** A newer version's settings as differences from an older one's: what it adds or types anew, and what it dropped. */
export interface KafkaSettingsChanges {
  readonly version: string;
  readonly base: string;
  readonly broker: Readonly<Record<string, SettingSpec>>;
  readonly brokerRemoved: readonly string[];
  readonly topic: Readonly<Record<string, SettingSpec>>;
  readonly topicRemoved: readonly string[];
  readonly imageEnv: readonly string[];
}

/** The whole catalog of `changes.version`: the base's settings, less the removed ones, with the changes over them. */
export function withChanges(base: KafkaSettingsCatalog, changes: KafkaSettingsChanges): KafkaSettingsCatalog {
  if (base.version !== changes.base) throw new Error(`internal: Kafka ${changes.version}'s settings are changes from ${changes.base}, not ${base.version}`);
  const apply = (specs: KafkaSettingsCatalog['broker'], removed: readonly string[], added: KafkaSettingsCatalog['broker']) => {
    const dropped = new Set(removed);
    return Object.fromEntries([...Object.entries(specs).filter(([name]) => !dropped.has(name)), ...Object.entries(added)].sort(([a], [b]) => a.localeCompare(b)));
  };
  return {
    version: changes.version,
    broker: apply(base.broker, changes.brokerRemoved, changes.broker),
    topic: apply(base.topic, changes.topicRemoved, changes.topic),
    imageEnv: changes.imageEnv,
  };
}
