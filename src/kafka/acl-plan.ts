import { plural } from '../base/plural.js';
import { quoteText } from '../base/text.js';
import { principalOf, usesSasl, usesTls, type ResolvedAcl, type ResolvedSecurity } from '../model/security.js';
import type { AclOperation } from '../model/types.js';

/**
 * ACLs as declared state, like topics: the entries the config asks for against the ones the
 * cluster holds. Pure: `up` prints the plan, and `reconcile-acls.ts` carries it out through the admin
 * client. Entries the config does not name are removed only when asked to prune.
 */

/** Kafka's operation names: the config's in capitals (`describe_configs` is `DESCRIBE_CONFIGS`). */
export type KafkaAclOperation = Uppercase<AclOperation>;
export type AclResourceType = ResolvedAcl['resource']['type'];

/** One Kafka ACL binding: a principal may do one operation on one resource, by its literal name (`*`: every one). */
export interface AclEntry {
  /** `User:app`. */
  readonly principal: string;
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly operation: KafkaAclOperation;
}

export interface AclPlan {
  readonly add: readonly AclEntry[];
  /** Empty unless pruning: kafka-dev never removes what it was not told to. */
  readonly remove: readonly AclEntry[];
  /** In the cluster and not declared, left alone because the plan does not prune. */
  readonly undeclared: readonly AclEntry[];
  readonly unchanged: number;
}

/**
 * The principals a user's connections carry on the stack's listeners: its name over SASL, its
 * certificate's subject over mutual TLS; a listener that authenticates no one adds none.
 */
function principalsOf(user: string, security: AclSecurity): string[] {
  const protocols = [...new Set([security.outside, security.inside])].filter(
    (protocol) => usesSasl(protocol) || (usesTls(protocol) && security.tls.clientAuth === 'required'),
  );
  return [...new Set(protocols.map((protocol) => principalOf(user, protocol)))];
}

/** What decides the ACL entries: the declared rules and how each listener authenticates. */
export type AclSecurity = Pick<ResolvedSecurity, 'outside' | 'inside' | 'tls' | 'acls'>;

/** Every declared rule as one entry per operation and principal. */
export function aclEntriesOf(security: AclSecurity): AclEntry[] {
  const entries = security.acls.flatMap((acl) =>
    principalsOf(acl.user, security).flatMap((principal) =>
      acl.operations.map(
        (operation): AclEntry => ({
          principal,
          resourceType: acl.resource.type,
          resourceName: acl.resource.name,
          operation: operation.toUpperCase() as KafkaAclOperation,
        }),
      ),
    ),
  );
  return uniqueEntries(entries);
}

const keyOf = (entry: AclEntry) => JSON.stringify([entry.principal, entry.resourceType, entry.resourceName, entry.operation]);

function uniqueEntries(entries: readonly AclEntry[]): AclEntry[] {
  return [...new Map(entries.map((entry) => [keyOf(entry), entry])).values()];
}

export function planAcls(desired: readonly AclEntry[], actual: readonly AclEntry[], { prune = false }: { prune?: boolean } = {}): AclPlan {
  const actualKeys = new Set(actual.map(keyOf));
  const desiredKeys = new Set(desired.map(keyOf));
  const add = uniqueEntries(desired).filter((entry) => !actualKeys.has(keyOf(entry)));
  const extra = uniqueEntries(actual).filter((entry) => !desiredKeys.has(keyOf(entry)));
  return {
    add,
    remove: prune ? extra : [],
    undeclared: prune ? [] : extra,
    unchanged: uniqueEntries(desired).length - add.length,
  };
}

/** `User:app may READ topic 'orders'`, for the plan `up` prints. */
export function describeAclEntry(entry: AclEntry): string {
  const resource = entry.resourceName === '*' ? `every ${entry.resourceType}` : `${entry.resourceType} ${quoteText(entry.resourceName)}`;
  return `${entry.principal} may ${entry.operation} ${resource}`;
}

/** What the plan changes, in one line per change, for `up`'s output. */
export function describeAclPlan(plan: AclPlan): string[] {
  return [
    ...plan.add.map((entry) => `+ ${describeAclEntry(entry)}`),
    ...plan.remove.map((entry) => `- ${describeAclEntry(entry)}`),
    ...(plan.undeclared.length > 0 ? [`${plural(plan.undeclared.length, 'ACL')} not in the config kept; --prune removes them`] : []),
  ];
}
