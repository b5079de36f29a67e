import { attempt, type KafkaAdmin } from './admin.js';
import { aclEntriesOf, planAcls, type AclPlan, type AclSecurity } from './acl-plan.js';

/**
 * Reads the cluster's ACLs, plans against the declared ones, and applies the plan: the missing
 * ones are created; the undeclared ones are deleted only with `prune`.
 */
export async function reconcileAcls(admin: KafkaAdmin, security: AclSecurity, { prune = false }: { prune?: boolean } = {}): Promise<AclPlan> {
  const plan = planAcls(aclEntriesOf(security), await attempt('read the ACLs', () => admin.describeAcls()), { prune });
  await attempt('create the declared ACLs', () => admin.createAcls(plan.add));
  await attempt('delete the undeclared ACLs', () => admin.deleteAcls(plan.remove));
  return plan;
}
