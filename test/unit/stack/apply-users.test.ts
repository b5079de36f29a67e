import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { ClientSettings } from '../../../src/model/client-settings.js';
import type { UserConfig } from '../../../src/model/types.js';
import { applyPlan, deletesSomething, describeApplyPlan, pendingChanges, planApply } from '../../../src/stack/apply.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';

const resolved = (user: UserConfig) => parseConfig(user, { source: 'kafka-dev.config.ts', defaultName: 'shop', env: { HOME: '/home/dev' } });
const target: ClientSettings = { bootstrap: ['b1:9093'], protocol: 'SASL_SSL', sasl: { mechanism: 'PLAIN', username: 'admin', password: 'pw' }, tls: { caFile: '/ca.pem' } };
const withUsers = (...users: { name: string; password: string }[]) => resolved({ topics: [], security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-256' }, users } });

describe('apply: SCRAM users', () => {
  test('creates a declared user, logging it in on the --bootstrap-server listener to judge it the next time', async () => {
    const admin = new FakeAdmin();
    const logins: ClientSettings[] = [];
    const connect: typeof admin.withAdmin = async (settings, work) => {
      logins.push(settings as ClientSettings);
      return work(admin);
    };
    const config = withUsers({ name: 'app', password: 'app-secret' });
    const plan = await planApply(config, target, false, connect);
    expect(describeApplyPlan(plan)).toEqual(["+ user 'app' (SCRAM-SHA-256)"]);
    expect(JSON.stringify(plan)).not.toContain('app-secret');
    expect(await applyPlan(plan, target, connect)).toEqual(['SCRAM users: 1 created, 0 with a new password, 0 removed']);
    expect(admin.scramCredentials.map(({ name, mechanism, iterations }) => ({ name, mechanism, iterations }))).toEqual([{ name: 'app', mechanism: 'SCRAM-SHA-256', iterations: 4096 }]);
    // The user's own login, on the same listener with the same TLS, confirms it and judges it on the next plan.
    expect(logins.filter((login) => login.sasl?.username === 'app')).toContainEqual({ ...target, sasl: { mechanism: 'SCRAM-SHA-256', username: 'app', password: 'app-secret' } });
    const again = await planApply(config, target, false, connect);
    expect(pendingChanges(again)).toBe(0);
    expect(describeApplyPlan(again)).toEqual([]);
  });

  test('a listener without SASL cannot check a password: the plan says so and changes nothing', async () => {
    const admin = new FakeAdmin();
    const config = withUsers({ name: 'app', password: 'app-secret' });
    await applyPlan(await planApply(config, target, false, admin.withAdmin), target, admin.withAdmin);
    const plain: ClientSettings = { bootstrap: ['b1:9092'], protocol: 'SSL', tls: { caFile: '/ca.pem' } };
    const plan = await planApply(config, plain, false, admin.withAdmin);
    expect(describeApplyPlan(plan)).toEqual(["? user 'app': password not checked (--bootstrap-server speaks SSL, not SASL); left as it is"]);
    expect(pendingChanges(plan)).toBe(0);
  });

  test('an undeclared user is removed only with prune, and then apply asks first', async () => {
    const admin = new FakeAdmin();
    await applyPlan(await planApply(withUsers({ name: 'old', password: 'o' }), target, false, admin.withAdmin), target, admin.withAdmin);
    const config = withUsers({ name: 'app', password: 'a' });
    expect(deletesSomething(await planApply(config, target, false, admin.withAdmin))).toBe(false);
    const pruning = await planApply(config, target, true, admin.withAdmin);
    expect(describeApplyPlan(pruning)).toEqual(["+ user 'app' (SCRAM-SHA-256)", "- user 'old' (SCRAM-SHA-256)"]);
    expect(deletesSomething(pruning)).toBe(true);
  });
});
