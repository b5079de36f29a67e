/**
 * Every companion kind, in the order their services appear in the stack. A new kind (Connect, a
 * UI) is one more entry here; its references become usable in every service's environment.
 */
import type { ServiceSpec } from '../service-spec.js';
import type { ResolvedConfig } from '../types.js';
import type { CompanionKind, References } from './companion.js';
import { genericServices } from './generic-services.js';
import { kafkaReferences } from './kafka-references.js';
import { schemaRegistryCompanion } from './schema-registry.js';
import { connectCompanion } from './connect.js';

export const companionKinds: readonly CompanionKind[] = [kafkaReferences, schemaRegistryCompanion, connectCompanion, genericServices];

/** The `${…}` values this config offers. */
export function companionReferences(config: ResolvedConfig): References {
  return new Map(companionKinds.flatMap((kind) => Object.entries(kind.references(config))));
}

/** Topics the companions keep their state in: never undeclared topics of the config. */
export function companionTopics(config: ResolvedConfig): string[] {
  return companionKinds.flatMap((kind) => kind.ownedTopics?.(config) ?? []);
}

/** The companions' services, after Kafka's own. */
export function companionServices(config: ResolvedConfig, kafka: readonly ServiceSpec[]): ServiceSpec[] {
  const context = { kafka, references: companionReferences(config) };
  return companionKinds.flatMap((kind) => kind.services(config, context));
}
