import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { SASLOptions } from '@platformatic/kafka';
import { KafkaDevError } from '../base/errors.js';
import { quoteText, shortText } from '../base/text.js';
import type { ClientSettings } from '../model/client-settings.js';

/**
 * How kafka-dev's own clients (admin, console producer and consumer, smoke check, probes) reach
 * a cluster: a bare bootstrap list on a PLAINTEXT listener, or the client settings of a secured
 * one, turned into @platformatic/kafka's `sasl` and `tls` options here and nowhere else.
 */
export type KafkaTarget = readonly string[] | ClientSettings;

export interface ConnectionOptions {
  readonly bootstrapBrokers: string[];
  readonly sasl?: SASLOptions;
  readonly tls?: TlsOptions;
}

export const bootstrapOf = (target: KafkaTarget): readonly string[] => (isSettings(target) ? target.bootstrap : target);

/** The same way in, to other brokers: e.g. one broker's own address for a probe. */
export const retarget = (target: KafkaTarget, bootstrap: readonly string[]): KafkaTarget => (isSettings(target) ? { ...target, bootstrap } : bootstrap);

/** A listener spoken to without TLS or SASL. */
export const isPlaintext = (target: KafkaTarget): boolean => !isSettings(target) || (!target.sasl && !target.tls);

function isSettings(target: KafkaTarget): target is ClientSettings {
  return !Array.isArray(target);
}

export function connectionOptions(target: KafkaTarget): ConnectionOptions {
  if (!isSettings(target)) return { bootstrapBrokers: [...target] };
  const { bootstrap, sasl, tls } = target;
  return {
    bootstrapBrokers: [...bootstrap],
    ...(sasl && { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } }),
    ...(tls && {
      tls: {
        ca: readPem('CA certificate', tls.caFile),
        ...(tls.certFile && { cert: readPem('client certificate', tls.certFile) }),
        ...(tls.keyFile && { key: readPem('client key', tls.keyFile) }),
      },
    }),
  };
}

/** The same connection in kafkajs' words: `brokers`, `ssl`, and mechanisms in lower case. */
export function kafkajsOptions(target: KafkaTarget) {
  const { bootstrapBrokers, sasl, tls } = connectionOptions(target);
  return {
    brokers: bootstrapBrokers,
    ...(tls && { ssl: tls }),
    ...(sasl && { sasl: { mechanism: sasl.mechanism.toLowerCase(), username: sasl.username as string, password: sasl.password as string } }),
  };
}

function readPem(what: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new KafkaDevError(`Cannot read the ${what} ${shortText(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'Check that the file is there and readable (for a cluster you apply to: the paths in --command-config); a stack kafka-dev runs gets its TLS files again from kafka-dev up.',
      cause: error,
    });
  }
}

/** Kafka's authorization error codes, by what was refused. */
const authorizationCodes: Readonly<Record<number, string>> = { 29: 'the topic', 30: 'the consumer group', 31: 'the cluster', 53: 'the transactional id' };

/** Node's TLS verification codes that mean the broker's certificate is not the one expected. */
const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

/** What to do about each kind of refusal; the cluster's owner decides which advice fits. */
export interface SecurityAdvice {
  readonly authentication: string;
  readonly authorization: string;
  readonly certificate: string;
}

/** For a stack kafka-dev runs: the config and `kafka-dev up` are where things change. */
export const stackAdvice: SecurityAdvice = {
  authentication: "Check the user's password and mechanism: kafka-dev env --user NAME prints the ones the cluster was given; passwords change only with a new up.",
  authorization: 'Grant it in security.acls of the config (e.g. { user, topic, operations: [\'read\', \'write\'] }) and run kafka-dev up.',
  certificate: "The broker's certificate must come from kafka-dev's CA and name the host you connect to: run kafka-dev doctor, and kafka-dev up to make the certificates again.",
};

/**
 * A refusal by a secured listener said in kafka-dev's words: who connected, how, where, and what
 * to check; undefined for any other failure.
 */
export function securityFailure(error: unknown, target: KafkaTarget, advice: SecurityAdvice = stackAdvice): KafkaDevError | undefined {
  const settings = isSettings(target) ? target : { bootstrap: target, protocol: 'PLAINTEXT' as const };
  const where = `${settings.bootstrap.join(',')} (${settings.protocol})`;
  const sasl = 'sasl' in settings ? settings.sasl : undefined;
  const who = sasl ? `user ${quoteText(sasl.username)} (${sasl.mechanism})` : 'kafka-dev';
  const found = findInTree(error);
  if (found.authentication) {
    return new KafkaDevError(`SASL authentication failed for ${who} on ${where}`, {
      hint: advice.authentication,
      cause: error,
    });
  }
  if (found.authorizationCode !== undefined) {
    return new KafkaDevError(`Not authorized: ${who} may not use ${authorizationCodes[found.authorizationCode]} on ${where} (${found.message})`, {
      hint: advice.authorization,
      cause: error,
    });
  }
  if (found.certificateCode) {
    return new KafkaDevError(`TLS handshake with ${where} failed: ${found.certificateCode} (${found.message})`, {
      hint: advice.certificate,
      cause: error,
    });
  }
  return undefined;
}

/** Whether the failure, however wrapped, is a SASL login the broker refused (a wrong password or an unknown user). */
export const isAuthenticationFailure = (error: unknown): boolean => findInTree(error).authentication === true;

interface TreeFindings {
  authentication?: boolean;
  authorizationCode?: number;
  certificateCode?: string;
  message?: string;
}

/** Walks nested errors (`errors`, `cause`) for the first sign of a security refusal. */
function findInTree(error: unknown, seen = new Set<unknown>()): TreeFindings {
  if (error === null || typeof error !== 'object' || seen.has(error)) return {};
  seen.add(error);
  const { code, apiCode, errors, cause, message } = error as { code?: unknown; apiCode?: unknown; errors?: unknown[]; cause?: unknown; message?: string };
  if (code === 'PLT_KFK_AUTHENTICATION') return { authentication: true, message };
  if (typeof apiCode === 'number' && apiCode in authorizationCodes) return { authorizationCode: apiCode, message };
  if (typeof code === 'string' && certificateCodes.has(code)) return { certificateCode: code, message };
  for (const inner of [...(Array.isArray(errors) ? errors : []), cause]) {
    const found = findInTree(inner, seen);
    if (Object.keys(found).length > 0) return found;
  }
  return {};
}
