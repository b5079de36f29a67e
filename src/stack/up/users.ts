/**
 * The `up` step that reconciles the declared SCRAM users once the brokers answer: the broker's own
 * tools made them before the first start, this sets those added or changed since, and says so.
 */
import { plural } from '../../base/plural.js';
import { whileClusterSettles } from '../../kafka/admin.js';
import { describeScramPlan, type ScramMechanismName } from '../../kafka/scram-plan.js';
import { applyScramPlan, readScramPlan } from '../../kafka/scram-reconcile.js';
import { anySasl, isScram, usesSasl } from '../../model/security.js';
import type { ResolvedSecurity } from '../../model/types.js';
import { readSecurityMaterial } from '../../secrets/material.js';
import { userClientSettings } from '../../secrets/user-client.js';
import { adminTarget } from './admin-target.js';
import type { UpContext } from './context.js';

/** Whether the stack's users log in with SCRAM, whose credentials live in the cluster. */
export const hasScramUsers = (security: ResolvedSecurity): boolean => anySasl(security) && isScram(security.sasl.mechanism);

export async function reconcileUsersStep(context: UpContext): Promise<string> {
  const { config, options, dependencies } = context;
  const material = await readSecurityMaterial(config);
  const spec = {
    mechanism: config.security.sasl.mechanism as ScramMechanismName,
    users: material?.users ?? [],
    // Users log in where the host reaches them: OUTSIDE, when it speaks SASL.
    loginOf: ({ name }: { name: string }) =>
      usesSasl(config.security.outside) ? userClientSettings(config, material, 'outside', name, 'up') : { unchecked: 'OUTSIDE does not use SASL, so the host cannot log in' },
    connect: dependencies.withAdmin,
  };
  const plan = await dependencies.withAdmin(
    await adminTarget(context),
    async (admin) => applyScramPlan(admin, await readScramPlan(admin, spec, { prune: options.prune })),
    whileClusterSettles,
  );
  const changed = `${plan.create.length} created, ${plan.updatePassword.length} with a new password`;
  const counts = `${changed}, ${plural(plan.unchanged, 'user')} unchanged${plan.remove.length > 0 ? `, ${plan.remove.length} removed` : ''}`;
  return [counts, ...describeScramPlan(plan)].join('; ');
}
