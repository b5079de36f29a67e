/**
 * The `security` section of a config: its field shape (zod) and its defaults. Rules that need
 * the rest of the config (images, host names) are in `security-rules.ts`.
 */
import { z } from 'zod';
import { adminUserName, aclOperations, saslMechanisms, securityProtocols, type ResolvedSecurity } from '../model/security.js';
import { defaults } from '../model/defaults.js';
import type { SecurityConfig } from '../model/types.js';

const choices = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

const protocol = z.enum(securityProtocols, { error: `expected one of ${choices(securityProtocols)}` });

/** A SASL user name that is a JAAS option key (`user_<name>`), a SCRAM entity name and a certificate CN as written. */
export const userNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Characters a password may not hold: it is written between double quotes in the broker's JAAS
 * configuration, where a quote ends it, a backslash starts an escape and a line break ends the
 * entry; and into Kafka's SCRAM credential syntax (`SCRAM-SHA-512=[name=app,password=...]`), where
 * a comma or a square bracket ends it.
 */
export const passwordBreakers = /["\\,[\]\p{Cc}]/u;

const password = z
  .string({ error: 'expected a password (a string)' })
  // The value is a secret: the message names its problem, and describeIssue never shows a password.
  .check((ctx) => {
    const problem = passwordProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, continue: true });
  });

const breakerNames: Readonly<Record<string, string>> = { '"': 'a double quote', '\\': 'a backslash', ',': 'a comma', '[': 'a square bracket', ']': 'a square bracket' };

export function passwordProblem(value: string): string | undefined {
  if (value.length === 0) return 'expected a password of at least one character';
  if (value.length > 256) return `got a password of ${value.length} characters; expected at most 256`;
  const breaker = passwordBreakers.exec(value);
  if (!breaker) return undefined;
  return `got a password with ${breakerNames[breaker[0]] ?? 'a control character (such as a line break)'} at position ${breaker.index + 1}; expected no double quotes, backslashes, commas, square brackets or control characters, which would break the broker's JAAS file or Kafka's SCRAM credential syntax`;
}

const user = z.strictObject({
  name: z
    .string({ error: 'expected a user name' })
    .regex(userNamePattern, { error: "expected a user name of 1 to 64 characters from a-z, A-Z, 0-9, '.', '_' and '-', starting with a letter or digit" })
    .refine((name) => name !== adminUserName, { error: `'${adminUserName}' is kafka-dev's own user; expected another name` }),
  password: password.optional(),
});

const resourceName = (noun: string) =>
  z.string({ error: `expected a ${noun} name or '*'` }).regex(/^(\*|[a-zA-Z0-9._-]{1,249})$/, { error: `expected a ${noun} name or '*' (every ${noun})` });

const acl = z
  .strictObject({
    user: z.string({ error: 'expected the name of a user in security.users' }),
    topic: resourceName('topic').optional(),
    group: resourceName('group').optional(),
    operations: z
      .array(z.enum(aclOperations, { error: `expected one of ${choices(aclOperations)}` }), { error: 'expected a list of operations' })
      .min(1, { error: 'expected at least one operation' }),
  })
  .refine((rule) => (rule.topic === undefined) !== (rule.group === undefined), {
    error: "expected exactly one of 'topic' or 'group'",
  });

export const securitySchema = z
  .strictObject({
    outside: protocol.optional(),
    inside: protocol.optional(),
    sasl: z.strictObject({ mechanism: z.enum(saslMechanisms, { error: `expected one of ${choices(saslMechanisms)}` }).optional() }).optional(),
    tls: z.strictObject({ clientAuth: z.enum(['none', 'required'], { error: "expected 'none' or 'required'" }).optional() }).optional(),
    users: z.array(user, { error: 'expected a list of users' }).min(1, { error: 'expected at least one user' }).optional(),
    acls: z.array(acl, { error: 'expected a list of ACLs' }).optional(),
  })
  .superRefine((security, ctx) => {
    const names = (security.users ?? defaults.security.users).map((entry) => entry.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) ctx.addIssue({ code: 'custom', path: ['users', index, 'name'], message: `'${name}' is named twice; expected each user once` });
    });
    security.acls?.forEach((rule, index) => {
      if (!names.includes(rule.user)) {
        ctx.addIssue({
          code: 'custom',
          path: ['acls', index, 'user'],
          input: rule.user,
          message: `expected one of the users in security.users (${names.map((name) => `'${name}'`).join(', ')})`,
        });
      }
    });
  }) satisfies z.ZodType<SecurityConfig>;

export function resolveSecurity(user: SecurityConfig | undefined, directory: string): ResolvedSecurity {
  const fallback = defaults.security;
  return {
    outside: user?.outside ?? fallback.outside,
    inside: user?.inside ?? fallback.inside,
    sasl: { mechanism: user?.sasl?.mechanism ?? fallback.sasl.mechanism },
    tls: { clientAuth: user?.tls?.clientAuth ?? fallback.tls.clientAuth },
    users: (user?.users ?? fallback.users).map(({ name, password }) => ({ name, ...(password !== undefined && { password }) })),
    acls: (user?.acls ?? []).map(({ user: name, topic, group, operations }) => ({
      user: name,
      resource: topic !== undefined ? { type: 'topic', name: topic } : { type: 'group', name: group! },
      operations,
    })),
    directory,
  };
}
