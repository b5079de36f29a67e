/**
 * One container of the stack as plain data: what both the compose renderer and the Docker
 * controller build from, so a rendered file and a `kafka-dev up` always describe the same containers.
 */
import type { KafkaNode } from './cluster.js';

export interface PublishedPort {
  readonly bind: string;
  readonly host: number;
  readonly container: number;
}

export interface VolumeMount {
  /** Volume name as written in compose (without the project prefix). */
  readonly volume: string;
  readonly target: string;
  readonly readOnly?: boolean;
}

/** A host folder mounted into a container (plugin folders, an app's files). */
export interface BindMount {
  /** Absolute path on the host. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

/**
 * `broker`: serves clients (and may also be a KRaft controller); `controller`: a dedicated KRaft
 * controller; `companion`: anything else next to Kafka (a Schema Registry, Connect, an app).
 */
export type ServiceRole = 'zookeeper' | 'broker' | 'controller' | 'companion';

/** How `up` knows a companion is ready, resolved to what the check needs. */
export type ReadyCheck =
  | { readonly kind: 'running' }
  /** A URL the host reaches answers 2xx or 3xx. */
  | { readonly kind: 'http'; readonly url: string }
  /** The host connects to this address (a published port). */
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  /** A line of the container's log matches. */
  | { readonly kind: 'log'; readonly pattern: string }
  /** Run in the container, exits 0. */
  | { readonly kind: 'command'; readonly command: readonly string[] };

/** An address a companion serves, for `status` and `env`: how the host and how containers reach it. */
export interface CompanionEndpoint {
  readonly name: string;
  readonly host: string;
  readonly containers: string;
}

/** What only a companion has. */
export interface CompanionSpec {
  /** `service` (a generic one from `services`), `schema-registry`, `connect`, … */
  readonly kind: string;
  /** The config field it comes from, for messages: `services.myapp`, `schemaRegistry`. */
  readonly field: string;
  /** The field its published ports come from: `services.myapp.ports`, `schemaRegistry.port`. */
  readonly portsField: string;
  readonly ready: ReadyCheck;
  readonly endpoints: readonly CompanionEndpoint[];
}

export interface ServiceSpec {
  readonly name: string;
  readonly role: ServiceRole;
  readonly image: string;
  readonly hostname: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  readonly volumes: readonly VolumeMount[];
  readonly dependsOn: readonly string[];
  /** Replaces the image's command. */
  readonly command?: readonly string[];
  readonly binds?: readonly BindMount[];
  /** Set for Kafka nodes. */
  readonly node?: KafkaNode;
  /** Set for companions. */
  readonly companion?: CompanionSpec;
}
