/**
 * The resolved security of a stack: which protocol each listener speaks, the SASL mechanism,
 * whether clients need certificates, the users and the ACLs. Pure data and small questions
 * about it; the broker settings it implies are in `security-settings.ts`.
 */
import type { AclOperation, SaslMechanism, SecurityProtocol } from './types.js';

export interface ResolvedUser {
  readonly name: string;
  /** Undefined: generated once and kept in the stack's state directory (see `stack/up` and `render`). */
  readonly password?: string;
}

export interface ResolvedAcl {
  readonly user: string;
  readonly resource: { readonly type: 'topic' | 'group'; readonly name: string };
  readonly operations: readonly AclOperation[];
}

export interface ResolvedSecurity {
  readonly outside: SecurityProtocol;
  readonly inside: SecurityProtocol;
  readonly sasl: { readonly mechanism: SaslMechanism };
  readonly tls: { readonly clientAuth: 'none' | 'required' };
  readonly users: readonly ResolvedUser[];
  readonly acls: readonly ResolvedAcl[];
}

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
