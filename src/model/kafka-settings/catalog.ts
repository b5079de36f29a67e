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
