/**
 * The resolved security of a stack: which protocol each listener speaks, the SASL mechanism,
 * whether clients need certificates, the users and the ACLs. Pure data and small questions
 * about it; the broker settings it implies are in `security-settings.ts`.
 */
import { join } from 'node:path';
import { brokerNodes, reachableHost } from './cluster.js';
import type { AclOperation, ResolvedConfig, ResolvedSecurity, SaslMechanism, SecurityProtocol } from './types.js';

export type { ResolvedAcl, ResolvedSecurity, ResolvedUser } from './types.js';

export const securityProtocols = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const satisfies readonly SecurityProtocol[];
export const saslMechanisms = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const satisfies readonly SaslMechanism[];
export const aclOperations = [
  'all',
  'read',
  'write',
  'create',
  'delete',
  'alter',
  'describe',
  'describe_configs',
  'alter_configs',
] as const satisfies readonly AclOperation[];

/**
 * The principal kafka-dev itself uses: brokers authenticate to each other as it, and the admin
 * client (readiness, topics, ACLs, users) logs in as it. A super user when the authorizer is on.
 * It always logs in with PLAIN, which needs no credentials stored in the cluster, so brokers can
 * talk before any SCRAM credential exists.
 */
export const adminUserName = 'kafka-dev';

/** Overrides where kafka-dev keeps each stack's state (default `$XDG_STATE_HOME/kafka-dev`, else `~/.local/state/kafka-dev`). */
export const stateDirEnv = 'KAFKA_DEV_STATE_DIR';

/** The security folder of a project's stack. Pure: the environment and home folder come in. */
export function securityDirectory(project: string, env: Readonly<Record<string, string | undefined>>, home: string): string {
  const root = env[stateDirEnv] || join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'kafka-dev');
  return join(root, project, 'security');
}

/** The part of the security folder that Kafka containers mount (read-only): nothing of the CA's key or the users' keys. */
export const mountedFolder = (directory: string): string => join(directory, 'broker');

export const usesSasl = (protocol: SecurityProtocol): boolean => protocol.startsWith('SASL_');
export const usesTls = (protocol: SecurityProtocol): boolean => protocol.endsWith('SSL');

/** Whether any listener a client reaches speaks something other than PLAINTEXT. */
export function isSecured(security: ResolvedSecurity): boolean {
  return security.outside !== 'PLAINTEXT' || security.inside !== 'PLAINTEXT';
}

export const anySasl = (security: ResolvedSecurity): boolean => usesSasl(security.outside) || usesSasl(security.inside);
export const anyTls = (security: ResolvedSecurity): boolean => usesTls(security.outside) || usesTls(security.inside);
export const authorizerOn = (security: ResolvedSecurity): boolean => security.acls.length > 0;
export const isScram = (mechanism: SaslMechanism): boolean => mechanism.startsWith('SCRAM-');

/** The CN of the broker certificate: brokers then authenticate to each other over SSL as kafka-dev's own user. */
export const brokerCertificateName = adminUserName;

/**
 * The principal a user's connections carry, as ACLs and `super.users` name it: over SASL its
 * name; over mutual TLS (no SASL) the certificate's subject, which kafka-dev issues as `CN=<name>`.
 */
export function principalOf(name: string, protocol: SecurityProtocol): string {
  return usesSasl(protocol) ? `User:${name}` : `User:CN=${name}`;
}

/**
 * `super.users` when the authorizer is on: kafka-dev's user under each name it can carry, and
 * ANONYMOUS where brokers reach each other or the controllers over PLAINTEXT (the CONTROLLER
 * listener always, INSIDE when it is PLAINTEXT): those connections carry no identity.
 */
export function superUsers(security: ResolvedSecurity, kraft: boolean): string[] {
  const anonymous = kraft || security.inside === 'PLAINTEXT';
  return [`User:${adminUserName}`, `User:CN=${brokerCertificateName}`, ...(anonymous ? ['User:ANONYMOUS'] : [])];
}

/**
 * Every name the broker certificate must hold: what host clients connect to (the OUTSIDE host, and
 * localhost and 127.0.0.1, which reach the same published ports) and each broker's service name,
 * which containers and other brokers use. A change in any of them makes `up` issue a new certificate.
 */
export function brokerCertificateNames(config: Pick<ResolvedConfig, 'mode' | 'brokers' | 'controllers' | 'listeners'>): string[] {
  const outside = config.listeners.outside;
  const services = brokerNodes(config).map((node) => node.broker.inside.host);
  return [...new Set([outside.host, 'localhost', '127.0.0.1', reachableHost(outside.bind), ...services])];
}
