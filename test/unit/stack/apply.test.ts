import { describe, expect, test } from 'vitest';
import { KafkaDevError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { ClientSettings } from '../../../src/model/client-settings.js';
import type { UserConfig } from '../../../src/model/types.js';
import { applyPlan, deletesSomething, describeApplyPlan, describeApplyTarget, pendingChanges, planApply } from '../../../src/stack/apply.js';
import { FakeAdmin } from '../../fakes/fake-admin.js';

const resolved = (user: UserConfig) => parseConfig(user, { source: 'kafka-dev.config.ts', defaultName: 'shop', env: { HOME: '/home/dev' } });
const target: ClientSettings = { bootstrap: ['b1:9093'], protocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'SCRAM-SHA-512', username: 'admin', password: 'pw' } };

const config = resolved({
  brokers: 3,
  topics: [
    { name: 'orders', partitions: 3, replicationFactor: 3 },
    { name: 'audit', partitions: 1, replicationFactor: 1 },
  ],
  security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'app' }], acls: [{ user: 'app', topic: 'orders', operations: ['read', 'write'] }] },
});

/** The config's user has no password (the local stack generates one), so apply can neither create nor check it there, and says so. */
const noPassword = "? user 'app': not created (no password in the config)";

describe('apply to an existing cluster', () => {
  test('plans without changing anything, then applies exactly that plan; a second plan has nothing to do', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    const plan = await planApply(config, target, false, admin.withAdmin);
    expect(admin.calls).toEqual([]);
    expect(describeApplyPlan(plan)).toEqual([
      'orders: created (3 partitions, replication factor 3)',
      'audit: created (1 partition, replication factor 1)',
      "+ ACL User:app may READ topic 'orders'",
      "+ ACL User:app may WRITE topic 'orders'",
      noPassword,
    ]);
    expect(await applyPlan(plan, target, admin.withAdmin)).toEqual(['orders: created (3 partitions, replication factor 3)', 'audit: created (1 partition, replication factor 1)', 'ACLs: 2 added, 0 removed']);
    expect(admin.calls).toEqual(['createTopic orders', 'createTopic audit', 'createAcls 2']);
    const again = await planApply(config, target, false, admin.withAdmin);
    expect(describeApplyPlan(again)).toEqual([noPassword]);
    expect(pendingChanges(again)).toBe(0);
  });

  test('what Kafka cannot change in place is printed as NOT APPLIED and sends nothing', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    await admin.createTopic({ name: 'orders', partitions: 6, replicationFactor: 3, config: {} });
    await admin.createTopic({ name: 'audit', partitions: 1, replicationFactor: 1, config: {} });
    const plan = await planApply(resolved({ brokers: 3, topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }, { name: 'audit' }] }), target, false, admin.withAdmin);
    expect(describeApplyPlan(plan)).toEqual([expect.stringMatching(/^orders: NOT APPLIED: it has 6 partitions, the config says 3/)]);
    // The cluster is not kafka-dev's: recreating the topic is said with Kafka's tools, never `kafka-dev up`.
    expect(describeApplyPlan(plan)[0]).toContain('kafka-topics.sh --delete --topic orders');
    expect(describeApplyPlan(plan)[0]).not.toContain('kafka-dev up');
    expect(pendingChanges(plan)).toBe(0);
    admin.calls.length = 0;
    expect(await applyPlan(plan, target, admin.withAdmin)).toEqual([]);
    expect(admin.calls).toEqual([]);
  });

  test('a user the cluster refuses is told what to grant there, not to run kafka-dev up', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    admin.describeAcls = async () => {
      throw Object.assign(new Error('Cluster authorization failed.'), { apiCode: 31 });
    };
    const refusal = (await planApply(config, target, false, admin.withAdmin).then(() => undefined, (error: unknown) => error)) as KafkaDevError;
    expect(refusal).toBeInstanceOf(KafkaDevError);
    expect(refusal.message).toContain("Not authorized: user 'admin' (SCRAM-SHA-512) may not use the cluster on b1:9093");
    expect(refusal.hint).toContain('Grant User:admin what apply needs');
    expect(refusal.hint).toContain('kafka-acls.sh --add --allow-principal User:admin');
    expect(refusal.hint).not.toContain('kafka-dev up');
    expect(admin.calls).toEqual([]);
  });

  test("the plan names the cluster's Kafka release, and a topic setting that release lacks is refused before anything is sent", async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    // A 3.9 broker's answer: Fetch (api key 1) at version 17 is 3.9's mark, and no 4.x mark.
    admin.apiVersionRanges = [{ apiKey: 0, maxVersion: 11 }, { apiKey: 1, maxVersion: 17 }];
    expect(describeApplyTarget(await planApply(config, target, false, admin.withAdmin))).toBe('b1:9093 (3 brokers, Kafka 3.9)');
    const newer = resolved({ mode: 'kraft', brokers: 3, topics: [{ name: 'orders', config: { 'remote.copy.lag.ms': 1000 } }] });
    await expect(planApply(newer, target, false, admin.withAdmin)).rejects.toThrow("runs Kafka 3.9, which has no topic setting 'remote.copy.lag.ms' (topic 'orders'). Nothing was changed");
    expect(admin.calls).toEqual([]);
  });

  test('a replication factor above the broker count is refused before anything is sent', async () => {
    const admin = new FakeAdmin([1, 2]);
    await expect(planApply(config, target, false, admin.withAdmin)).rejects.toThrow(/has 2 brokers; it cannot hold 'orders' \(replication factor 3\)\. Nothing was changed/);
    expect(admin.calls).toEqual([]);
  });

  test('undeclared topics are deleted only with prune, and then the plan says it deletes', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    await admin.createTopic({ name: 'old', partitions: 1, replicationFactor: 1, config: {} });
    admin.calls.length = 0;
    expect(deletesSomething(await planApply(config, target, false, admin.withAdmin))).toBe(false);
    const pruning = await planApply(config, target, true, admin.withAdmin);
    expect(deletesSomething(pruning)).toBe(true);
    expect(describeApplyPlan(pruning)).toContain('old: not declared, deleted');
  });

  test('a failure part way names what was applied and what was not', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    admin.createTopic = async (topic) => {
      if (topic.name === 'audit') throw new Error('TOPIC_AUTHORIZATION_FAILED');
      return FakeAdmin.prototype.createTopic.call(admin, topic);
    };
    const plan = await planApply(config, target, false, admin.withAdmin);
    await expect(applyPlan(plan, target, admin.withAdmin)).rejects.toThrow(
      /Applied \(1\):\n {2}orders: created.*\nNot applied \(2\):\n {2}audit: created.*\n {2}ACLs: 2 added, 0 removed/s,
    );
  });

  test('a refusal part way says what to grant there and still names what was applied and what was not', async () => {
    const admin = new FakeAdmin([1, 2, 3]);
    admin.createTopic = async (topic) => {
      if (topic.name === 'audit') throw Object.assign(new Error('Topic authorization failed.'), { apiCode: 29 });
      return FakeAdmin.prototype.createTopic.call(admin, topic);
    };
    const plan = await planApply(config, target, false, admin.withAdmin);
    const failure = (await applyPlan(plan, target, admin.withAdmin).then(() => undefined, (error: unknown) => error)) as KafkaDevError;
    expect(failure.message).toMatch(/^Not authorized: user 'admin' \(SCRAM-SHA-512\) may not use the topic on b1:9093.*\nApplied \(1\):\n {2}orders: created.*\nNot applied \(2\):\n {2}audit: created/s);
    expect(failure.hint).toContain('Grant User:admin what apply needs');
  });

  test('a config without ACLs leaves the cluster ACLs alone', async () => {
    const admin = new FakeAdmin([1]);
    const plan = await planApply(resolved({ topics: [{ name: 't' }] }), { bootstrap: ['b:9092'], protocol: 'PLAINTEXT' }, true, admin.withAdmin);
    expect(plan.acls).toBeUndefined();
  });
});
