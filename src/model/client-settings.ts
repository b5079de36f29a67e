/**
 * What a Kafka client needs to connect to one listener as one user: the one shape every
 * client of kafka-dev (admin client, readiness, smoke check, `env`, `startKafka()`) is given,
 * so how a secured listener is reached is decided once.
 */
import { bootstrapServers } from './cluster.js';
import { usesSasl, usesTls } from './security.js';
import type { ResolvedConfig, SaslMechanism, SecurityProtocol } from './types.js';

export interface ClientSettings {
  readonly bootstrap: readonly string[];
  readonly protocol: SecurityProtocol;
  /** Present when the protocol is SASL_*. */
  readonly sasl?: { readonly mechanism: SaslMechanism; readonly username: string; readonly password: string };
  /** Present when the protocol uses TLS. Paths are absolute, on the machine (or in the container) of the client. */
  readonly tls?: { readonly caFile: string; readonly certFile?: string; readonly keyFile?: string };
  /** The Schema Registry's URL from the same place (host or network), when the stack runs one. */
  readonly schemaRegistryUrl?: string;
}

export interface ClientIdentity {
  readonly username: string;
  readonly password: string;
  /** SASL mechanism of the login; kafka-dev's own user logs in with PLAIN. */
  readonly mechanism: SaslMechanism;
}

/** Where the TLS files are for this client: the CA, and (with mTLS) the user's certificate and key. */
export interface ClientTlsFiles {
  readonly caFile: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

export function clientSettings(
  config: Pick<ResolvedConfig, 'mode' | 'brokers' | 'controllers' | 'listeners' | 'security'>,
  listener: 'outside' | 'inside',
  identity: ClientIdentity | undefined,
  tlsFiles: ClientTlsFiles | undefined,
): ClientSettings {
  const protocol = config.security[listener];
  const servers = bootstrapServers(config);
  const sasl = usesSasl(protocol) && identity ? { mechanism: identity.mechanism, username: identity.username, password: identity.password } : undefined;
  const tls =
    usesTls(protocol) && tlsFiles
      ? { caFile: tlsFiles.caFile, ...(config.security.tls.clientAuth === 'required' && { certFile: tlsFiles.certFile, keyFile: tlsFiles.keyFile }) }
      : undefined;
  return {
    bootstrap: listener === 'outside' ? servers.host : servers.containers,
    protocol,
    ...(sasl && { sasl }),
    ...(tls && { tls }),
  };
}
