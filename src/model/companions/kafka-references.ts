/** Kafka's own addresses as references: `${kafka.inside.bootstrap}` for containers, `${kafka.outside.bootstrap}` for the host. */
import { bootstrapServers } from '../cluster.js';
import type { CompanionKind } from './companion.js';

export const kafkaReferences: CompanionKind = {
  field: 'brokers',
  referenceNames: ['kafka.inside.bootstrap', 'kafka.outside.bootstrap'],
  references(config) {
    const { host, containers } = bootstrapServers(config);
    return { 'kafka.inside.bootstrap': containers.join(','), 'kafka.outside.bootstrap': host.join(',') };
  },
  services: () => [],
};
