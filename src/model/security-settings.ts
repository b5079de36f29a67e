/**
 * The broker settings a secured stack adds to each Kafka node: SASL mechanisms, TLS stores (PEM
 * files, so no keystore passwords exist), client authentication per listener, the authorizer
 * and its super users. Pure; the files they name are written by `security-files.ts`'s callers.
 */
import { listenerNames, type KafkaNode } from './cluster.js';
import { anySasl, authorizerOn, superUsers, usesSasl, usesTls, type ResolvedSecurity } from './security.js';
import type { KafkaSettings, Mode } from './types.js';

/** Where the security material is mounted in every Kafka container (both images declare this volume). */
export const secretsMount = '/etc/kafka/secrets';

export const secretFiles = {
  ca: 'ca.pem',
  /** The broker's private key and certificate chain, one PEM file: Kafka's PEM key store. */
  brokerKeyStore: 'broker.pem',
  jaas: 'kafka_server_jaas.conf',
  /** Runs before the image's own entrypoint: puts the SCRAM users in place with the broker's tools. */
  start: 'kafka-dev-start.sh',
  /** KRaft: the node's settings, for `kafka-storage format --add-scram` before the image formats. */
  format: (nodeId: number) => `format-${nodeId}.properties`,
} as const;

const authorizers: Record<Mode, string> = {
  kraft: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  zookeeper: 'kafka.security.authorizer.AclAuthorizer',
};

/** The Kafka settings of one node for the stack's security; empty for an all-PLAINTEXT stack. */
export function securitySettings(security: ResolvedSecurity, node: KafkaNode, mode: Mode): KafkaSettings {
  const settings: KafkaSettings = {};
  if (authorizerOn(security)) {
    // Controllers authorize too: in KRaft the ACLs live in the metadata they serve.
    settings['authorizer.class.name'] = authorizers[mode];
    settings['super.users'] = superUsers(security, mode === 'kraft').join(';');
  }
  if (!node.broker) return settings;
  if (anySasl(security)) {
    // kafka-dev's own user logs in with PLAIN, whose credentials are in the JAAS file: brokers reach
    // each other, and kafka-dev reaches them, before any SCRAM credential exists.
    settings['sasl.enabled.mechanisms'] = [...new Set([security.sasl.mechanism, 'PLAIN'])].join(',');
    if (usesSasl(security.inside)) settings['sasl.mechanism.inter.broker.protocol'] = 'PLAIN';
  }
  const tlsListeners = (['inside', 'outside'] as const).filter((listener) => usesTls(security[listener]));
  if (tlsListeners.length > 0) {
    settings['ssl.keystore.type'] = 'PEM';
    settings['ssl.keystore.location'] = `${secretsMount}/${secretFiles.brokerKeyStore}`;
    settings['ssl.truststore.type'] = 'PEM';
    settings['ssl.truststore.location'] = `${secretsMount}/${secretFiles.ca}`;
  }
  for (const listener of tlsListeners) {
    settings[`listener.name.${listenerNames[listener].toLowerCase()}.ssl.client.auth`] = clientAuth(security, listener);
  }
  return settings;
}

/**
 * `required` under mTLS. Otherwise INSIDE over SSL still *requests* a certificate: brokers present
 * theirs and are then known as kafka-dev's user, while clients without one stay welcome.
 */
function clientAuth(security: ResolvedSecurity, listener: 'inside' | 'outside'): string {
  if (security.tls.clientAuth === 'required') return 'required';
  return listener === 'inside' && security.inside === 'SSL' ? 'requested' : 'none';
}

/** Environment a secured broker needs besides its settings: the JAAS file, through the JVM options both images pass on. */
export function securityEnvironment(security: ResolvedSecurity, node: KafkaNode): Record<string, string> {
  if (!node.broker || !anySasl(security)) return {};
  return { KAFKA_OPTS: `-Djava.security.auth.login.config=${secretsMount}/${secretFiles.jaas}` };
}
