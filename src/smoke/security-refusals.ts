import { Readable } from 'node:stream';
import { KafkaDevError } from '../base/errors.js';
import type { ClientSettings } from '../model/client-settings.js';
import { authorizerOn, type ResolvedSecurity } from '../model/security.js';
import { withAdmin } from '../kafka/admin.js';
import { aclEntriesOf } from '../kafka/acl-plan.js';
import { produceLines } from '../kafka/console.js';
import type { PathProblem } from '../kafka/diagnose.js';

/**
 * The half of a secured smoke check that must fail: over OUTSIDE, a login with a wrong password
 * is refused, and a user is denied a write no ACL grants (to the run's own topic). Each refusal
 * that does not come is a problem; so is one that comes for another reason.
 */
export async function securityRefusals(security: ResolvedSecurity, user: ClientSettings, topic: string): Promise<PathProblem[]> {
  const problems: PathProblem[] = [];
  if (user.sasl) {
    const wrong = { ...user, sasl: { ...user.sasl, password: `${user.sasl.password}-wrong` } };
    const outcome = await refusal(() => withAdmin(wrong, (admin) => admin.describeCluster(), { timeoutMs: 5000 }));
    if (!/SASL authentication failed/.test(outcome ?? '')) {
      problems.push({
        problem: outcome === undefined ? `a wrong password for user '${user.sasl.username}' was accepted` : `a wrong password was not refused as such: ${outcome}`,
        hint: 'The listener must check passwords: kafka-dev down && kafka-dev up recreates the brokers with the security settings of the config.',
      });
    }
  }
  if (authorizerOn(security) && user.sasl && !mayWrite(security, user.sasl.username, topic)) {
    const outcome = await refusal(() => produceLines(user, topic, Readable.from(['denied by the ACLs'])));
    if (!/Not authorized/.test(outcome ?? '')) {
      problems.push({
        problem: outcome === undefined ? `user '${user.sasl.username}' could write to ${topic}, which no ACL grants` : `a write no ACL grants was not refused as such: ${outcome}`,
        hint: "The authorizer must be on when security.acls is set: kafka-dev down && kafka-dev up recreates the brokers with it.",
      });
    }
  }
  return problems;
}

/** Whether a declared ACL lets the user write to the topic (then a denial cannot be shown with it). */
function mayWrite(security: ResolvedSecurity, user: string, topic: string): boolean {
  return aclEntriesOf(security).some(
    (entry) =>
      entry.principal.endsWith(`:${user}`) &&
      entry.resourceType === 'topic' &&
      (entry.resourceName === topic || entry.resourceName === '*') &&
      (entry.operation === 'WRITE' || entry.operation === 'ALL'),
  );
}

/** The message of kafka-dev's refusal, or undefined when the request went through. */
async function refusal(request: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await request();
    return undefined;
  } catch (error) {
    return error instanceof KafkaDevError ? error.message : String((error as Error)?.message ?? error);
  }
}
