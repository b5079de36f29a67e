/**
 * SCRAM users as declared state, like topics and ACLs: the users the config declares against the
 * credentials the cluster holds. Pure. The cluster never says a password, so a user it already
 * has is judged by a real login with the declared password (read in `scram-reconcile.ts`): refused
 * means the password changed; a login that could not be tried is reported, never guessed.
 * Users the config does not name are removed only when pruning, and kafka-dev's own never.
 */
import { plural } from '../base/plural.js';
import { quoteText } from '../base/text.js';
import { adminUserName } from '../model/security.js';
import type { SaslMechanism } from '../model/types.js';

export type ScramMechanismName = Extract<SaslMechanism, `SCRAM-${string}`>;

/** A user as DescribeUserScramCredentials shows it: which mechanisms have a credential, never the password. */
export interface ScramUserView {
  readonly name: string;
  readonly mechanisms: readonly ScramMechanismName[];
}

/** What a login with the declared password told about a user the cluster has. */
export type LoginCheck = { readonly result: 'accepted' } | { readonly result: 'refused' } | { readonly result: 'unchecked'; readonly reason: string };

export interface DeclaredScramUser {
  readonly name: string;
  /** Undefined: the config leaves it to kafka-dev's local state, which another cluster does not share. */
  readonly password?: string;
}

export interface ScramUserPlan {
  readonly mechanism: ScramMechanismName;
  /** Users without a credential for the mechanism. */
  readonly create: readonly string[];
  /** Users whose login with the declared password was refused. */
  readonly updatePassword: readonly string[];
  /** Users the cluster lacks that the config gives no password: nothing to create them with. */
  readonly notCreated: readonly string[];
  /** Users whose password could not be checked, with why: left as they are. */
  readonly unchecked: readonly { readonly name: string; readonly reason: string }[];
  /** Empty unless pruning: each undeclared user's credentials, by mechanism. */
  readonly remove: readonly { readonly name: string; readonly mechanism: ScramMechanismName }[];
  /** In the cluster and not declared, left alone because the plan does not prune. */
  readonly undeclared: readonly string[];
  readonly unchanged: number;
}

/** Declared users that already hold a credential for the mechanism: the ones whose password a login must check. */
export function usersToCheck(declared: readonly DeclaredScramUser[], actual: readonly ScramUserView[], mechanism: ScramMechanismName): DeclaredScramUser[] {
  return declared.filter((user) => actual.some((view) => view.name === user.name && view.mechanisms.includes(mechanism)));
}

export function planScramUsers(
  declared: readonly DeclaredScramUser[],
  actual: readonly ScramUserView[],
  mechanism: ScramMechanismName,
  checks: ReadonlyMap<string, LoginCheck>,
  { prune = false }: { prune?: boolean } = {},
): ScramUserPlan {
  const existing = new Set(usersToCheck(declared, actual, mechanism).map((user) => user.name));
  const users = [...new Map(declared.map((user) => [user.name, user])).values()];
  const judged = users
    .filter((user) => existing.has(user.name))
    .map((user) => ({ name: user.name, check: checks.get(user.name) ?? { result: 'unchecked' as const, reason: 'no login was tried' } }));
  const missing = users.filter((user) => !existing.has(user.name));
  const names = users.map((user) => user.name);
  const undeclaredUsers = actual.filter((view) => !names.includes(view.name) && view.name !== adminUserName && view.mechanisms.length > 0);
  return {
    mechanism,
    create: missing.filter((user) => user.password !== undefined).map((user) => user.name),
    updatePassword: judged.filter(({ check }) => check.result === 'refused').map(({ name }) => name),
    notCreated: missing.filter((user) => user.password === undefined).map((user) => user.name),
    unchecked: judged.flatMap(({ name, check }) => (check.result === 'unchecked' ? [{ name, reason: check.reason }] : [])),
    remove: prune ? undeclaredUsers.flatMap((view) => view.mechanisms.map((removed) => ({ name: view.name, mechanism: removed }))) : [],
    undeclared: prune ? [] : undeclaredUsers.map((view) => view.name),
    unchanged: judged.filter(({ check }) => check.result === 'accepted').length,
  };
}

/** How many credentials carrying out the plan sets or deletes. */
export const scramChanges = (plan: ScramUserPlan): number => plan.create.length + plan.updatePassword.length + plan.remove.length;

/** What the plan changes and what it could not judge, one line each, naming users and never their passwords. */
export function describeScramPlan(plan: ScramUserPlan): string[] {
  return [
    ...plan.create.map((name) => `+ user ${quoteText(name)} (${plan.mechanism})`),
    ...plan.updatePassword.map((name) => `~ user ${quoteText(name)}: password updated (${plan.mechanism})`),
    ...plan.remove.map(({ name, mechanism }) => `- user ${quoteText(name)} (${mechanism})`),
    ...plan.notCreated.map((name) => `? user ${quoteText(name)}: not created (no password in the config)`),
    ...plan.unchecked.map(({ name, reason }) => `? user ${quoteText(name)}: password not checked (${reason}); left as it is`),
    ...(plan.undeclared.length > 0 ? [`${plural(plan.undeclared.length, 'SCRAM user')} not in the config kept; --prune removes them`] : []),
  ];
}
