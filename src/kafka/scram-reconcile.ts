/**
 * Reads the cluster's SCRAM users, judges each declared user it already has by a real login with
 * the declared password, plans (`scram-plan.ts`), and carries the plan out through
 * AlterUserScramCredentials. One code path for `up` and `apply`; they say how a user logs in.
 */
import pRetry from 'p-retry';
import { KafkaDevError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { attempt, type KafkaAdmin, type ScramUpsertion, type withAdmin } from './admin.js';
import { isAuthenticationFailure, type KafkaTarget } from './client-options.js';
import { kafkaErrorMessage } from './errors.js';
import { scramCredential } from './scram-credential.js';
import { planScramUsers, usersToCheck, type DeclaredScramUser, type LoginCheck, type ScramMechanismName, type ScramUserPlan } from './scram-plan.js';

export interface ScramUsersSpec {
  readonly mechanism: ScramMechanismName;
  readonly users: readonly DeclaredScramUser[];
  /** How the user logs in with its declared password, or why it cannot be tried from here. */
  readonly loginOf: (user: DeclaredScramUser & { readonly password: string }) => KafkaTarget | { readonly unchecked: string };
  /** Connects for a login; `withAdmin`, or a fake in unit tests. */
  readonly connect: typeof withAdmin;
}

/**
 * A plan with the way to carry it out. The credentials are a function, not data, so a plan
 * printed (`apply --json`) never holds a password or a salted one.
 */
export interface ScramUsersPlan extends ScramUserPlan {
  readonly credentials: () => ScramUpsertion[];
  /** After the change, waits until each set user logs in: brokers learn credentials a moment later. */
  readonly confirm: () => Promise<void>;
}

/** The plan against the cluster's users now; nothing is changed. */
export async function readScramPlan(admin: KafkaAdmin, spec: ScramUsersSpec, { prune = false }: { prune?: boolean } = {}): Promise<ScramUsersPlan> {
  const actual = await attempt('read the SCRAM users', () => admin.describeScramUsers());
  const checks = new Map<string, LoginCheck>();
  for (const user of usersToCheck(spec.users, actual, spec.mechanism)) checks.set(user.name, await checkLogin(spec, user));
  const plan = planScramUsers(spec.users, actual, spec.mechanism, checks, { prune });
  const changed = () => withPasswords(spec.users).filter((user) => plan.create.includes(user.name) || plan.updatePassword.includes(user.name));
  return {
    ...plan,
    credentials: () => changed().map((user) => ({ name: user.name, ...scramCredential(spec.mechanism, user.password) })),
    confirm: () => confirmLogins(spec, changed()),
  };
}

/** Carries out a plan read before: the declared users' credentials set, the pruned ones deleted, then the set ones confirmed. */
export async function applyScramPlan(admin: KafkaAdmin, plan: ScramUsersPlan): Promise<ScramUsersPlan> {
  await attempt('set the SCRAM users', () => admin.alterScramUsers(plan.credentials(), plan.remove));
  await plan.confirm();
  return plan;
}

const withPasswords = (users: readonly DeclaredScramUser[]) => users.filter((user): user is DeclaredScramUser & { password: string } => user.password !== undefined);

async function checkLogin(spec: ScramUsersSpec, user: DeclaredScramUser): Promise<LoginCheck> {
  if (user.password === undefined) return { result: 'unchecked', reason: 'no password in the config' };
  const target = spec.loginOf({ ...user, password: user.password });
  if ('unchecked' in target) return { result: 'unchecked', reason: target.unchecked };
  try {
    await login(spec, target);
    return { result: 'accepted' };
  } catch (error) {
    if (isAuthenticationFailure(error)) return { result: 'refused' };
    return { result: 'unchecked', reason: `the login failed for another reason: ${kafkaErrorMessage(error)}` };
  }
}

const login = (spec: ScramUsersSpec, target: KafkaTarget) => spec.connect(target, (admin) => admin.describeCluster(), { timeoutMs: 5000 });

async function confirmLogins(spec: ScramUsersSpec, users: readonly (DeclaredScramUser & { password: string })[]): Promise<void> {
  for (const user of users) {
    const target = spec.loginOf(user);
    if ('unchecked' in target) continue;
    await pRetry(() => login(spec, target), { retries: 20, minTimeout: 250, maxTimeout: 1000, factor: 1.5 }).catch((error: unknown) => {
      throw new KafkaDevError(`The SCRAM user ${quoteText(user.name)} was set, but it still cannot log in: ${kafkaErrorMessage(error)}`, { cause: error });
    });
  }
}
