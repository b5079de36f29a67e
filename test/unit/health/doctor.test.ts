import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { clusterLabel, projectLabels } from '../../../src/engine/labels.js';
import { dockerEngine, images, insideListeners, outsideListeners, volumesMatchCluster } from '../../../src/health/doctor-checks.js';
import { runDoctor } from '../../../src/health/doctor.js';
import { brokerCertificate, saslMechanism } from '../../../src/health/security-checks.js';
import { connectCheck } from '../../../src/health/connect-checks.js';
import { runningStack } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

const project = 'unit-doctor';
const config = parseConfig({}, { source: 'test', defaultName: project, env: {} });
const allImages = [config.images.kafka, config.images.zookeeper];
// The checks that need neither host ports nor a real cluster.
const checks = [dockerEngine, images, volumesMatchCluster, outsideListeners, insideListeners];

const verdicts = (report: Awaited<ReturnType<typeof runDoctor>>) => report.results.map((result) => [result.check, result.verdict]);

describe('runDoctor', () => {
  test('without an engine, the engine check fails with the fix and every other check is skipped', async () => {
    const runtime = new FakeRuntime();
    runtime.engineDown = true;
    const report = await runDoctor(config, runtime, checks);
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ check: 'Docker engine', verdict: 'fail', detail: 'not reachable: Cannot reach the Docker engine at unix:///var/run/docker.sock: connect ENOENT', fix: expect.stringMatching(/^Start Docker/) });
    expect(report.results.slice(1).map((result) => [result.verdict, result.detail])).toEqual(Array(4).fill(['skip', 'needs the Docker engine']));
  });

  test("a report leaves out the checks of what the config does not have: TLS, SASL, Connect", async () => {
    const applying = [dockerEngine, brokerCertificate, saslMechanism, connectCheck()];
    const plain = await runDoctor(config, new FakeRuntime(allImages), applying);
    expect(plain.results.map((result) => result.check)).toEqual(['Docker engine']);
    const secured = parseConfig(
      { security: { outside: 'SASL_SSL', users: [{ name: 'app', password: 'secret' }] }, connect: {} },
      { source: 'test', defaultName: project, env: { HOME: '/home/dev' } },
    );
    const report = await runDoctor(secured, new FakeRuntime(allImages), applying);
    expect(report.results.map((result) => result.check)).toEqual(['Docker engine', 'TLS certificate (OUTSIDE)', 'SASL mechanism (OUTSIDE)', 'Kafka Connect']);
  });

  test('before the first up, a missing image is a warning and the checks of the running stack are skipped', async () => {
    const report = await runDoctor(config, new FakeRuntime([config.images.zookeeper]), checks);
    expect(verdicts(report)).toEqual([
      ['Docker engine', 'pass'],
      ['Images', 'warn'],
      ['Volumes', 'pass'],
      ['OUTSIDE listeners (from the host)', 'skip'],
      ['INSIDE listeners (from a container on the network)', 'skip'],
    ]);
    expect(report.results[1]!.detail).toBe(`not on this machine: ${config.images.kafka}; 'up' will try to pull it`);
    expect(report.results[4]!.detail).toBe("the stack is not running ('kafka-dev up' starts it)");
    expect(report.ok).toBe(true);
  });

  test('a volume of another cluster fails, naming the volume and both clusters', async () => {
    const runtime = new FakeRuntime(allImages);
    const volume = `${project}_zookeeper-data`;
    runtime.volumes.set(volume, { name: volume, labels: { ...projectLabels(project), [clusterLabel]: 'kraft:abc' } });
    const report = await runDoctor(config, runtime, [volumesMatchCluster]);
    expect(report.results[0]).toMatchObject({ verdict: 'fail', detail: `${volume} holds cluster 'kraft:abc', but the config runs 'zookeeper'` });
    expect(report.ok).toBe(false);
  });

  test('volumes of this cluster pass, counted in words that agree with the count', async () => {
    const runtime = new FakeRuntime(allImages);
    const volume = `${project}_zookeeper-data`;
    runtime.volumes.set(volume, { name: volume, labels: { ...projectLabels(project), [clusterLabel]: 'zookeeper' } });
    const report = await runDoctor(config, runtime, [volumesMatchCluster]);
    expect(report.results[0]).toMatchObject({ verdict: 'pass', detail: "1 volume of cluster 'zookeeper'" });
  });

  test('on a running stack, the INSIDE check probes the brokers from a container on the project network', async () => {
    const runtime = await runningStack(config);
    runtime.runResult = () => ({ exitCode: 0, stdout: 'ok kafka:9093\n', stderr: '', timedOut: false });
    const report = await runDoctor(config, runtime, [insideListeners]);
    expect(report.results[0]).toMatchObject({ verdict: 'pass', detail: 'every broker resolves and answers on the network: kafka:9093' });
    expect(runtime.callsOf('runContainer')).toEqual([expect.stringMatching(new RegExp(`^${project}-doctor-`))]);
  });

  test('on a running stack, a broker the network cannot reach fails the INSIDE check', async () => {
    const runtime = await runningStack(config);
    runtime.runResult = () => ({ exitCode: 0, stdout: 'bad kafka:9093\n', stderr: '', timedOut: false });
    const report = await runDoctor(config, runtime, [insideListeners]);
    expect(report.results[0]).toMatchObject({ verdict: 'fail', detail: `not reachable from the network ${project}_default: kafka:9093` });
  });

  test('a check that throws is reported as failed, not as a crash', async () => {
    const runtime = new FakeRuntime(allImages);
    const broken = { name: 'Broken', needs: 'engine' as const, run: async () => Promise.reject(new Error('boom')) };
    const report = await runDoctor(config, runtime, [broken]);
    expect(report.results).toEqual([{ check: 'Broken', verdict: 'fail', detail: 'the check itself failed: boom' }]);
  });
});
