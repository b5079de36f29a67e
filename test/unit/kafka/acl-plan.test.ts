import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResolvedAcl } from '../../../src/model/security.js';
import { aclOperations } from '../../../src/model/security.js';
import { aclEntriesOf, describeAclPlan, planAcls, type AclSecurity } from '../../../src/kafka/acl-plan.js';
import { reconcileAcls } from '../../../src/kafka/reconcile-acls.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';

const sasl: Omit<AclSecurity, 'acls'> = { outside: 'SASL_SSL', inside: 'PLAINTEXT', tls: { clientAuth: 'none' } };
const over = (...acls: ResolvedAcl[]): AclSecurity => ({ ...sasl, acls });

const orders: ResolvedAcl = { user: 'app', resource: { type: 'topic', name: 'orders' }, operations: ['read', 'write'] };
const group: ResolvedAcl = { user: 'app', resource: { type: 'group', name: '*' }, operations: ['read'] };

describe('ACL plan', () => {
  it('one entry per operation, in Kafka names, for User:<name>', () => {
    expect(aclEntriesOf(over(orders, { ...orders, operations: ['describe_configs', 'read'] }))).toEqual([
      { principal: 'User:app', resourceType: 'topic', resourceName: 'orders', operation: 'READ' },
      { principal: 'User:app', resourceType: 'topic', resourceName: 'orders', operation: 'WRITE' },
      { principal: 'User:app', resourceType: 'topic', resourceName: 'orders', operation: 'DESCRIBE_CONFIGS' },
    ]);
  });

  it('names the user as each listener authenticates it: by name over SASL, by certificate subject over mutual TLS', () => {
    const principals = (security: Omit<AclSecurity, 'acls'>) => aclEntriesOf({ ...security, acls: [group] }).map((entry) => entry.principal);
    expect(principals({ outside: 'SSL', inside: 'SASL_PLAINTEXT', tls: { clientAuth: 'required' } })).toEqual(['User:CN=app', 'User:app']);
    expect(principals({ outside: 'SSL', inside: 'PLAINTEXT', tls: { clientAuth: 'none' } })).toEqual([]);
  });

  it('adds what is missing, keeps undeclared entries unless pruning', () => {
    const stale = { principal: 'User:old', resourceType: 'topic' as const, resourceName: 'x', operation: 'READ' as const };
    const [read] = aclEntriesOf(over(orders));
    const kept = planAcls(aclEntriesOf(over(orders, group)), [read!, stale]);
    expect(kept).toMatchObject({ remove: [], undeclared: [stale], unchanged: 1 });
    expect(kept.add.map((entry) => entry.operation)).toEqual(['WRITE', 'READ']);
    expect(describeAclPlan(kept)).toEqual(["+ User:app may WRITE topic 'orders'", '+ User:app may READ every group', '1 ACL not in the config kept; --prune removes them']);
    expect(planAcls(aclEntriesOf(over(orders)), [stale], { prune: true })).toMatchObject({ remove: [stale], undeclared: [] });
  });

  // Applying a plan and planning again finds nothing to do, whatever the cluster held before.
  it('applied once, the next plan is empty (fake cluster)', async () => {
    const aclArbitrary = fc.record({
      user: fc.constantFrom('app', 'reader', 'old'),
      resource: fc.record({ type: fc.constantFrom('topic' as const, 'group' as const), name: fc.constantFrom('orders', '*', 'a.b') }),
      operations: fc.uniqueArray(fc.constantFrom(...aclOperations), { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(aclArbitrary), fc.array(aclArbitrary), fc.boolean(), async (declared, before, prune) => {
        const admin = new FakeAdmin();
        admin.acls = aclEntriesOf(over(...before));
        await reconcileAcls(admin, over(...declared), { prune });
        const again = planAcls(aclEntriesOf(over(...declared)), await admin.describeAcls(), { prune });
        expect(again.add).toEqual([]);
        expect(again.remove).toEqual([]);
        if (prune) expect(new Set(admin.acls.map((entry) => JSON.stringify(entry)))).toEqual(new Set(aclEntriesOf(over(...declared)).map((entry) => JSON.stringify(entry))));
      }),
    );
  });
});
