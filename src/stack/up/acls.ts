/** The `up` step that reconciles the declared ACLs, once the brokers answer, and says what it changed. */

import { plural } from '../../base/plural.js';
import { whileClusterSettles } from '../../kafka/admin.js';
import { describeAclPlan } from '../../kafka/acl-plan.js';
import { reconcileAcls } from '../../kafka/reconcile-acls.js';
import { adminTarget } from './admin-target.js';
import type { UpContext } from './context.js';

export async function reconcileAclsStep(context: UpContext): Promise<string> {
  const { config, options, dependencies } = context;
  const plan = await dependencies.withAdmin(await adminTarget(context), (admin) => reconcileAcls(admin, config.security, { prune: options.prune }), whileClusterSettles);
  const counts = `${plan.add.length} created, ${plural(plan.unchanged, 'ACL')} unchanged${plan.remove.length > 0 ? `, ${plan.remove.length} removed` : ''}`;
  return [counts, ...describeAclPlan(plan)].join('; ');
}
