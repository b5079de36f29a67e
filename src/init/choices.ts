import { parseConfig } from '../config/parse.js';
import { ConfigError } from '../base/errors.js';
import { wholeNumber } from '../base/whole-number.js';
import { parseTopicSpec } from './topic-spec.js';

/** What `kafka-dev init` asks for (or takes from flags); raw values, validated by the config schema. */
export interface InitChoices {
  readonly name?: string;
  readonly mode?: unknown;
  readonly brokers?: unknown;
  readonly controllers?: unknown;
  /** Host port of the first broker (OUTSIDE). */
  readonly port?: unknown;
  /** ZooKeeper mode: ZooKeeper's client port. */
  readonly zookeeperPort?: unknown;
  /** `name[:partitions[:replicas[:cleanup.policy]]]` each. */
  readonly topics?: readonly string[];
}

/** The config the choices describe; fields not chosen are left to the defaults. */
export function configFromChoices(choices: InitChoices): Record<string, unknown> {
  const given = <Value>(value: Value | undefined, field: (value: Value) => object) => (value === undefined ? {} : field(value));
  return {
    ...given(choices.name, (name) => ({ name })),
    ...given(choices.mode, (mode) => ({ mode })),
    ...given(choices.brokers, (brokers) => ({ brokers: numeric(brokers) })),
    ...given(choices.controllers, (controllers) => ({ controllers: numeric(controllers) })),
    ...given(choices.port, (port) => ({ listeners: { outside: { port: numeric(port) } } })),
    ...given(choices.mode === 'kraft' ? undefined : choices.zookeeperPort, (port) => ({ zookeeper: { port: numeric(port) } })),
    ...given(choices.topics, (topics) => ({ topics: topics.map(parseTopicSpec) })),
  };
}

/** Prompts and flags hand over text; whole numbers become numbers so the schema judges the value, not its type. */
function numeric(value: unknown): unknown {
  return typeof value === 'string' ? (wholeNumber(value) ?? value) : value;
}

/** The first problem the config's own validation finds at `path` (or inside it), for answering a prompt on the spot. */
export function problemAt(config: unknown, path: string): string | undefined {
  try {
    parseConfig(config, { source: 'kafka-dev init', defaultName: 'kafka-dev', env: {} });
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))?.message;
  }
}
