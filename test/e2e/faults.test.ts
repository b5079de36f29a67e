import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cliPath,
  consume,
  docker,
  kafkaDev,
  produce,
  projectDir,
  removeProject,
  requireDocker,
  resourcesOf,
  testImages,
  uniqueProject,
} from './helpers.js';

const nothing = { containers: [], networks: [], volumes: [] };

/** Faults on the real engine: interruptions, concurrent runs, squatted names, brokers that never start. */
describe('faults', () => {
  const projects: string[] = [];
  const newProject = (purpose: string) => {
    const project = uniqueProject(purpose);
    projects.push(project);
    return project;
  };

  beforeAll(requireDocker);
  afterAll(async () => {
    for (const project of projects) await removeProject(project);
  });

  test('Ctrl-C during up stops waiting, removes what the run created, exits 130; the next up works', async () => {
    const project = newProject('sigint');
    const cwd = await projectDir({});
    const run = execa(process.execPath, [cliPath, 'up', '-p', project], {
      cwd,
      env: { CI: '1', NO_COLOR: '1' },
      reject: false,
      forceKillAfterDelay: false,
    });
    await new Promise<void>((resolve) => {
      // Progress is on stderr; stdout carries only the result.
      run.stderr!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Wait for brokers')) resolve();
      });
    });
    run.kill('SIGINT');
    const result = await run;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('Interrupted');
    expect(await resourcesOf(project)).toEqual(nothing);

    const again = await kafkaDev(['up', '-p', project], { cwd });
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect((await kafkaDev(['down', '--volumes', '-p', project], { cwd })).exitCode).toBe(0);
  });

  test('a down started during an up waits for it, then runs: the two never interleave', async () => {
    const project = newProject('lock');
    const cwd = await projectDir({});
    const up = kafkaDev(['up', '-p', project], { cwd });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const down = await kafkaDev(['down', '--volumes', '-p', project], { cwd });
    const upResult = await up;
    expect(upResult.exitCode, upResult.stderr + upResult.stdout).toBe(0);
    expect(down.exitCode, down.stderr).toBe(0);
    expect(down.stderr).toContain(`another kafka-dev up/down is running for project ${project}; waiting for it to finish`);
    expect(down.stdout).toMatch(/stopped .*kafka-1/);
    expect(await resourcesOf(project)).toEqual(nothing);
  });

  test('a container made by hand with a name the stack needs is reported; --force-recreate replaces it', async () => {
    const project = newProject('squat');
    const cwd = await projectDir({});
    const squatter = await docker.createContainer({ name: `${project}-kafka-1`, Image: testImages.confluentKafka, Cmd: ['sleep', '600'] });
    try {
      const refused = await kafkaDev(['up', '-p', project], { cwd });
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain(`container '${project}-kafka-1' (not made by Compose or kafka-dev`);
      expect(refused.stderr).toContain('--force-recreate');
      expect(await resourcesOf(project)).toEqual(nothing);
      expect((await squatter.inspect()).Id).toBe(squatter.id);

      const forced = await kafkaDev(['up', '--force-recreate', '-p', project], { cwd });
      expect(forced.exitCode, forced.stderr + forced.stdout).toBe(0);
      const kafka = (await resourcesOf(project)).containers.find((c) => c.Labels['com.docker.compose.service'] === 'kafka');
      expect(kafka?.Id).not.toBe(squatter.id);
      expect((await kafkaDev(['down', '--volumes', '-p', project], { cwd })).exitCode).toBe(0);
    } finally {
      await squatter.remove({ force: true, v: true }).catch(() => undefined);
    }
  });

  test.each([
    // A class kafka-dev cannot look for (the config check accepts any class name); the broker refuses it at start.
    { name: 'an invalid broker setting', config: { brokerConfig: { 'principal.builder.class': 'com.example.MissingBuilder' } }, cause: "the setting 'principal.builder.class' has an invalid value 'com.example.MissingBuilder'" },
    { name: 'more heap than the machine has', config: { heap: { kafka: '64g' } }, cause: "the JVM heap is larger than the memory Docker can give; lower 'heap.kafka'" },
  ])('a broker that never becomes ready ($name): up fails with its log and the likely cause, and leaves nothing', async ({ config, cause }) => {
    const project = newProject('never');
    const cwd = await projectDir(config);
    const result = await kafkaDev(['up', '--timeout', '60', '-p', project], { cwd });
    expect(result.exitCode).toBe(6);
    expect(result.stderr).toContain(`--- last 40 log lines of ${project}-kafka-1 ---`);
    expect(result.stderr).toContain(`Likely cause: ${cause}`);
    expect(await resourcesOf(project)).toEqual(nothing);
  });

  test('acks=all messages survive docker restart of the broker and an up that changes an unrelated setting', async () => {
    const project = newProject('safe');
    const cwd = await projectDir({ topics: [{ name: 'ledger' }] });
    expect((await kafkaDev(['up', '-p', project], { cwd })).exitCode).toBe(0);
    const values = Array.from({ length: 25 }, (_, index) => `entry-${index}`);
    await produce('localhost:9092', 'ledger', values);

    await docker.getContainer(`${project}-kafka-1`).restart();
    const afterRestart = await kafkaDev(['up', '-p', project], { cwd });
    expect(afterRestart.exitCode, afterRestart.stderr + afterRestart.stdout).toBe(0);
    expect(await consume('localhost:9092', 'ledger', values.length)).toEqual(values);

    const changed = await projectDir({ topics: [{ name: 'ledger' }], brokerConfig: { 'log.retention.hours': 2 } });
    const recreated = await kafkaDev(['up', '-p', project], { cwd: changed });
    expect(recreated.exitCode, recreated.stderr + recreated.stdout).toBe(0);
    expect(recreated.stdout).toContain('recreate kafka');
    expect(await consume('localhost:9092', 'ledger', values.length)).toEqual(values);
    expect((await kafkaDev(['down', '--volumes', '-p', project], { cwd })).exitCode).toBe(0);
  });
});
