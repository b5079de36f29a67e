/**
 * How a companion (anything next to Kafka: a Schema Registry, Connect, an app) plugs into the
 * stack model. Each kind turns its part of the resolved config into ServiceSpecs with role
 * `companion`, and may offer `${…}` references that other services' environment values use.
 * A kind is listed once in `registry.ts`; render, up, status, logs and down then handle it.
 */
import type { ServiceSpec } from '../service-spec.js';
import type { ResolvedConfig } from '../types.js';

/** `${name}` values for environment values, e.g. `kafka.inside.bootstrap` -> `kafka:9093`. */
export type References = ReadonlyMap<string, string>;

export interface CompanionContext {
  /** Kafka's own services (ZooKeeper, controllers, brokers), e.g. for depends_on. */
  readonly kafka: readonly ServiceSpec[];
  /** Every kind's references for this config. */
  readonly references: References;
}

export interface CompanionKind {
  /** The config field it is declared under, named when one of its references is used without it. */
  readonly field: string;
  /** The `${…}` names it offers, whether or not a config declares it. */
  readonly referenceNames: readonly string[];
  /** The values of those names for this config; none when the config does not declare the kind. */
  references(config: ResolvedConfig): Readonly<Record<string, string>>;
  /** Its services; none when the config does not declare the kind. */
  services(config: ResolvedConfig, context: CompanionContext): ServiceSpec[];
  /** Topics its services create and keep their state in, which `up --prune` must leave alone. */
  ownedTopics?(config: ResolvedConfig): string[];
}

/** The services every broker-reading companion waits for: the brokers. */
export function brokerServices(kafka: readonly ServiceSpec[]): string[] {
  return kafka.filter((service) => service.role === 'broker').map((service) => service.name);
}
