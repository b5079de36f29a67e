import { attempt, type KafkaAdmin } from './admin.js';
import { aclEntriesOf, planAcls, type AclPlan, type AclSecurity } from './acl-plan.js';

/**
 * Reads the cluster's ACLs, plans against the declared ones, and applies the plan: the missing
 * ones are created; the undeclared ones are deleted only with `prune`.
 */
export async function reconcileAcls(admin: KafkaAdmin, security: AclSecurity, options: { prune?: boolean } = {}): Promise<AclPlan> {
  return applyAclPlan(admin, await readAclPlan(admin, security, options));
}

/** The plan against the cluster's ACLs now; nothing is changed. */
export async function readAclPlan(admin: KafkaAdmin, security: AclSecurity, { prune = false }: { prune?: boolean } = {}): Promise<AclPlan> {
  return planAcls(aclEntriesOf(security), await attempt('read the ACLs', () => admin.describeAcls()), { prune });
}

/** Carries out a plan read before: the missing ACLs are created, then those it removes deleted. */
export async function applyAclPlan(admin: KafkaAdmin, plan: AclPlan): Promise<AclPlan> {
  await attempt('create the declared ACLs', () => admin.createAcls(plan.add));
  await attempt('delete the undeclared ACLs', () => admin.deleteAcls(plan.remove));
  return plan;
}
