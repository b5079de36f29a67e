import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KafkaDevError } from '../../../src/base/errors.js';
import type { KafkaTarget } from '../../../src/kafka/client-options.js';
import { saltedPassword } from '../../../src/kafka/scram-credential.js';
import { describeScramPlan, planScramUsers, scramChanges, type DeclaredScramUser, type LoginCheck, type ScramUserView } from '../../../src/kafka/scram-plan.js';
import { applyScramPlan, readScramPlan, type ScramUsersSpec } from '../../../src/kafka/scram-reconcile.js';
import { adminUserName } from '../../../src/model/security.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';

const sha512 = 'SCRAM-SHA-512' as const;
const view = (name: string, ...mechanisms: ScramUserView['mechanisms']): ScramUserView => ({ name, mechanisms: mechanisms.length > 0 ? mechanisms : [sha512] });
const checks = (entries: Record<string, LoginCheck>) => new Map(Object.entries(entries));

describe('SCRAM user plan', () => {
  it('creates the users missing the mechanism, updates those whose login is refused, keeps those accepted', () => {
    const plan = planScramUsers(
      [{ name: 'app', password: 'a' }, { name: 'new', password: 'n' }, { name: 'moved', password: 'm' }, { name: 'other', password: 'o' }],
      [view('app'), view('moved'), view('other', 'SCRAM-SHA-256')],
      sha512,
      checks({ app: { result: 'accepted' }, moved: { result: 'refused' } }),
    );
    expect(plan).toMatchObject({ create: ['new', 'other'], updatePassword: ['moved'], unchecked: [], unchanged: 1 });
    expect(describeScramPlan(plan)).toEqual(["+ user 'new' (SCRAM-SHA-512)", "+ user 'other' (SCRAM-SHA-512)", "~ user 'moved': password updated (SCRAM-SHA-512)"]);
  });

  it('says which passwords it could not check, and changes nothing for them', () => {
    const plan = planScramUsers(
      [{ name: 'app', password: 'a' }, { name: 'nopass' }, { name: 'kept' }],
      [view('app'), view('kept')],
      sha512,
      checks({ app: { result: 'unchecked', reason: 'OUTSIDE does not use SASL' }, kept: { result: 'unchecked', reason: 'no password in the config' } }),
    );
    expect(scramChanges(plan)).toBe(0);
    expect(describeScramPlan(plan)).toEqual([
      "? user 'nopass': not created (no password in the config)",
      "? user 'app': password not checked (OUTSIDE does not use SASL); left as it is",
      "? user 'kept': password not checked (no password in the config); left as it is",
    ]);
  });

  it('removes undeclared users only when pruning, and never kafka-dev\'s own', () => {
    const actual = [view('app'), view('old', 'SCRAM-SHA-256', sha512), view(adminUserName)];
    const declared = [{ name: 'app', password: 'a' }];
    const accepted = checks({ app: { result: 'accepted' } });
    expect(planScramUsers(declared, actual, sha512, accepted)).toMatchObject({ remove: [], undeclared: ['old'] });
    expect(describeScramPlan(planScramUsers(declared, actual, sha512, accepted))).toEqual(['1 SCRAM user not in the config kept; --prune removes them']);
    expect(planScramUsers(declared, actual, sha512, accepted, { prune: true })).toMatchObject({
      remove: [{ name: 'old', mechanism: 'SCRAM-SHA-256' }, { name: 'old', mechanism: sha512 }],
      undeclared: [],
    });
  });

  it('never names a password in what it prints', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('app', 'ops', 'new', 'old'), { minLength: 1 }), fc.string({ minLength: 6 }), (names, password) => {
        const declared = names.map((name) => ({ name, password: `${password}#${name}` }));
        const plan = planScramUsers(declared, [view('app'), view('old')], sha512, checks({ app: { result: 'refused' }, old: { result: 'accepted' } }), { prune: true });
        for (const line of describeScramPlan(plan)) for (const user of declared) expect(line).not.toContain(user.password);
      }),
    );
  });
});

/** Logs a user in against the fake's credentials, as a broker would judge the password. */
function fakeLogin(admin: FakeAdmin): ScramUsersSpec['connect'] {
  return (async (target: KafkaTarget, work: (client: FakeAdmin) => Promise<unknown>) => {
    const { sasl } = target as { sasl: { username: string; password: string } };
    const credential = admin.scramCredentials.find((entry) => entry.name === sasl.username);
    const valid = credential && saltedPassword(credential.mechanism, sasl.password, credential.salt).equals(credential.saltedPassword);
    if (!valid) throw new KafkaDevError('SASL authentication failed', { cause: { code: 'PLT_KFK_AUTHENTICATION' } });
    return work(admin);
  }) as ScramUsersSpec['connect'];
}

describe('SCRAM user reconcile', () => {
  const specOf = (admin: FakeAdmin, users: DeclaredScramUser[]): ScramUsersSpec => ({
    mechanism: sha512,
    users,
    loginOf: ({ name, password }) => ({ bootstrap: ['b:9092'], protocol: 'SASL_PLAINTEXT', sasl: { mechanism: sha512, username: name, password } }),
    connect: fakeLogin(admin),
  });

  it('sets the added user and the changed password, then plans nothing', async () => {
    const admin = new FakeAdmin();
    await applyScramPlan(admin, await readScramPlan(admin, specOf(admin, [{ name: 'app', password: 'one' }])));
    const changed = specOf(admin, [{ name: 'app', password: 'two' }, { name: 'new', password: 'n' }]);
    const plan = await applyScramPlan(admin, await readScramPlan(admin, changed));
    expect(plan).toMatchObject({ create: ['new'], updatePassword: ['app'] });
    expect(admin.calls).toEqual(['alterScramUsers +app -', 'alterScramUsers +app,new -']);
    const again = await readScramPlan(admin, changed);
    expect(scramChanges(again)).toBe(0);
    expect(again.unchanged).toBe(2);
  });

  it('keeps credentials out of the plan as data: its JSON holds no password', async () => {
    const admin = new FakeAdmin();
    const plan = await readScramPlan(admin, specOf(admin, [{ name: 'app', password: 'very-secret' }]));
    expect(plan.credentials()).toHaveLength(1);
    expect(JSON.stringify(plan)).not.toContain('very-secret');
    expect(JSON.stringify(plan)).not.toContain('saltedPassword');
  });

  it('deletes undeclared users with prune', async () => {
    const admin = new FakeAdmin();
    await applyScramPlan(admin, await readScramPlan(admin, specOf(admin, [{ name: 'old', password: 'o' }])));
    await applyScramPlan(admin, await readScramPlan(admin, specOf(admin, []), { prune: true }));
    expect(await admin.describeScramUsers()).toEqual([]);
  });
});
