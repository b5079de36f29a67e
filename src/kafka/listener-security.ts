import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Connection } from '@platformatic/kafka';
import { kafkaClientLibrary } from './client-library.js';

/**
 * What a secured listener shows before anyone logs in, for `doctor`: the certificate it
 * presents (read even when it would not be trusted, so a bad one can be described) and the SASL
 * mechanisms it accepts (a SaslHandshake names them). No credentials are needed for either.
 */
export interface ListenerSecurity {
  readonly certificate?: X509Certificate;
  /** Present when `mechanism` was asked about. */
  readonly mechanisms?: readonly string[];
}

export async function inspectListener(
  host: string,
  port: number,
  { tls, mechanism, timeoutMs = 3000 }: { tls: boolean; mechanism?: string; timeoutMs?: number },
): Promise<ListenerSecurity> {
  const { Connection } = await kafkaClientLibrary();
  const connection = new Connection('kafka-dev-doctor', {
    connectTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    ...(tls && { tls: { rejectUnauthorized: false } }),
  });
  try {
    await connection.connect(host, port);
    const certificate = tls ? ((connection.socket as TLSSocket).getPeerX509Certificate() ?? undefined) : undefined;
    const mechanisms = mechanism === undefined ? undefined : await offeredMechanisms(connection, mechanism);
    return { ...(certificate && { certificate }), ...(mechanisms && { mechanisms }) };
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** The broker answers a handshake for a mechanism it lacks with UNSUPPORTED_SASL_MECHANISM and the ones it has. */
async function offeredMechanisms(connection: Connection, mechanism: string): Promise<string[]> {
  try {
    const { saslHandshakeV1 } = await kafkaClientLibrary();
    return (await saslHandshakeV1.api.async(connection, mechanism)).mechanisms;
  } catch (error) {
    const mechanisms = (error as { response?: { mechanisms?: string[] } }).response?.mechanisms;
    if (mechanisms) return mechanisms;
    throw error;
  }
}
