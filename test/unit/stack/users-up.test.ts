import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { KafkaDevError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { KafkaTarget } from '../../../src/kafka/client-options.js';
import { saltedPassword } from '../../../src/kafka/scram-credential.js';
import { adminUserName } from '../../../src/model/security.js';
import type { UserConfig } from '../../../src/model/types.js';
import { runOperation } from '../../../src/stack/steps.js';
import { upOperation } from '../../../src/stack/up.js';
import type { FakeAdmin } from '../../fakes/fake-admin.js';
import { fakeUpDependencies } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-users-up';
let stateDir: string;
beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'kafka-dev-users-up-'));
});

const configOf = (users: { name: string; password: string }[], outside: 'SASL_PLAINTEXT' | 'PLAINTEXT' = 'SASL_PLAINTEXT') =>
  parseConfig({ security: { outside, inside: outside === 'PLAINTEXT' ? 'SASL_PLAINTEXT' : 'PLAINTEXT', users } } satisfies UserConfig, {
    source: 'test',
    defaultName: project,
    env: { KAFKA_DEV_STATE_DIR: stateDir },
  });

/** kafka-dev's own PLAIN login always passes; a user's SCRAM login passes when its password matches the fake cluster's credential. */
function scramLogins(admin: FakeAdmin): FakeAdmin['withAdmin'] {
  return (async (target: KafkaTarget, work: (client: FakeAdmin) => Promise<unknown>) => {
    const sasl = 'sasl' in target ? target.sasl : undefined;
    if (sasl && sasl.username !== adminUserName) {
      const credential = admin.scramCredentials.find((entry) => entry.name === sasl.username);
      if (!credential || !saltedPassword(credential.mechanism, sasl.password, credential.salt).equals(credential.saltedPassword)) {
        throw new KafkaDevError('SASL authentication failed', { cause: { code: 'PLT_KFK_AUTHENTICATION' } });
      }
    }
    return work(admin);
  }) as FakeAdmin['withAdmin'];
}

describe('up with SCRAM users', () => {
  const runtime = new FakeRuntime(['confluentinc/cp-kafka:7.9.0', 'confluentinc/cp-zookeeper:7.9.0']);
  const dependencies = fakeUpDependencies(runtime);
  const withLogins = { ...dependencies, withAdmin: scramLogins(dependencies.admin) };

  async function up(config: ReturnType<typeof configOf>): Promise<string> {
    runtime.images.add(config.images.kafka).add(config.images.zookeeper);
    const steps: string[] = [];
    await runOperation(upOperation(config, runtime, { smoke: false, timeoutMs: 300 }, withLogins), { onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`) });
    return steps.find((step) => step.startsWith('Reconcile SCRAM users')) ?? 'no users step';
  }

  test('each up sets the users added or changed since, judged by their own login, and says so without a password', async () => {
    expect(await up(configOf([{ name: 'app', password: 'one' }]))).toBe("Reconcile SCRAM users: 1 created, 0 with a new password, 0 users unchanged; + user 'app' (SCRAM-SHA-512)");
    expect(await up(configOf([{ name: 'app', password: 'one' }]))).toBe('Reconcile SCRAM users: 0 created, 0 with a new password, 1 user unchanged');
    const changed = await up(configOf([{ name: 'app', password: 'two' }, { name: 'new', password: 'three' }]));
    expect(changed).toBe("Reconcile SCRAM users: 1 created, 1 with a new password, 0 users unchanged; + user 'new' (SCRAM-SHA-512); ~ user 'app': password updated (SCRAM-SHA-512)");
    expect(changed).not.toMatch(/two|three/);
  });

  test('without SASL on OUTSIDE the host cannot log in: the plan says the password was not checked', async () => {
    expect(await up(configOf([{ name: 'app', password: 'four' }], 'PLAINTEXT'))).toContain("? user 'app': password not checked (OUTSIDE does not use SASL, so the host cannot log in)");
  });
});
