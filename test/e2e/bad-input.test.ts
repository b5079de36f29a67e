import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { badInputs } from './bad-inputs.js';
import { docker, kafkaDev, requireDocker } from './helpers.js';

const projectLabel = 'com.docker.compose.project';

/**
 * Everything on the engine that a refused command could have made, to prove it made nothing:
 * resources of other Compose projects (e.g. a benchmark beside) and anonymous volumes are left out.
 */
async function engineState(): Promise<string[]> {
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listNetworks(),
    docker.listVolumes(),
  ]);
  const ours = (labels: Record<string, string> | undefined) => !labels?.[projectLabel] || labels[projectLabel].startsWith('kdt-bad-');
  return [
    ...containers.filter((c) => ours(c.Labels)).map((container) => `container ${container.Id} ${container.State}`),
    ...networks.filter((n) => ours(n.Labels)).map((network) => `network ${network.Id}`),
    ...(volumes.Volumes ?? []).filter((v) => ours(v.Labels) && !/^[0-9a-f]{64}$/.test(v.Name)).map((volume) => `volume ${volume.Name}`),
  ].sort();
}

describe(`${badInputs.length} bad inputs`, () => {
  beforeAll(requireDocker);

  test.each(badInputs)('$name: exit $exitCode, a message that names problem and fix, nothing changed', async ({ files, env, args, exitCode, message }) => {
    // The folder names the project (kdt-bad-...), so the sweep of the next run removes whatever a regression let start.
    const cwd = await mkdtemp(join(tmpdir(), 'kdt-bad-'));
    for (const [name, text] of Object.entries(files ?? {})) await writeFile(join(cwd, name), text);
    const before = await engineState();
    // Without image overrides, so the config's own images are what the rules judge.
    const result = await kafkaDev([...args], { cwd, env: { KAFKA_DEV_KAFKA_IMAGE: '', KAFKA_DEV_ZOOKEEPER_IMAGE: '', ...env } });
    expect(result.exitCode).toBe(exitCode);
    expect(result.stderr).toMatch(message);
    expect(await engineState()).toEqual(before);
  });
});
