import { describe, expect, test } from 'vitest';
import { describeEngine, engineKind, knownLimits } from '../../../src/engine/discovery-kind.js';
import { discoverEngine } from '../../../src/engine/discovery.js';
import { dockerEngine, type DoctorContext } from '../../../src/health/doctor-checks.js';

// Parts of the /version and /info answers each engine gives (other fields left out); Docker Engine 20.10 and
// Podman 4.3 as they answered on this project's CI machines, the others from their users' reports.
const answers = {
  'Docker Engine': {
    version: { Platform: { Name: '' }, Components: [{ Name: 'Engine' }, { Name: 'containerd' }, { Name: 'runc' }, { Name: 'docker-init' }], Version: '20.10.24+dfsg1', ApiVersion: '1.41' },
    info: { OperatingSystem: 'Debian GNU/Linux 12 (bookworm)', Name: 'vm' },
  },
  'Docker Desktop': {
    version: { Platform: { Name: 'Docker Desktop 4.38.0 (181591)' }, Components: [{ Name: 'Engine' }], Version: '27.5.1', ApiVersion: '1.47' },
    info: { OperatingSystem: 'Docker Desktop', Name: 'docker-desktop' },
  },
  Podman: {
    version: { Platform: { Name: 'linux/amd64/debian-12' }, Components: [{ Name: 'Podman Engine' }, { Name: 'Conmon' }, { Name: 'OCI Runtime (runc)' }], Version: '4.3.1', ApiVersion: '1.41' },
    info: { OperatingSystem: 'debian', Name: 'vm' },
  },
  Colima: { version: { Components: [{ Name: 'Engine' }], Version: '27.4.0' }, info: { OperatingSystem: 'Ubuntu 24.04.1 LTS', Name: 'colima' } },
  OrbStack: { version: { Components: [{ Name: 'Engine' }], Version: '27.5.1' }, info: { OperatingSystem: 'OrbStack', Name: 'orbstack' } },
  'Rancher Desktop': { version: { Components: [{ Name: 'Engine' }], Version: '27.3.1' }, info: { OperatingSystem: 'Alpine Linux v3.20', Name: 'lima-rancher-desktop' } },
} as const;

const env = (variables: Record<string, string>) =>
  discoverEngine({ env: variables, platform: 'linux', home: '/home/dev', readFile: () => undefined, listDir: () => [], exists: () => false });

describe('engineKind', () => {
  test.each(Object.entries(answers))('%s is recognised from its answers', (kind, { version, info }) => {
    expect(engineKind(version, info)).toBe(kind);
  });

  test('an engine that says little is Docker Engine', () => {
    expect(engineKind({}, {})).toBe('Docker Engine');
  });
});

describe('the engine in words', () => {
  test('kind, version, API, address, context and why', () => {
    const endpoint = env({ DOCKER_HOST: 'unix:///run/podman/podman.sock' });
    expect(describeEngine({ version: '4.3.1', apiVersion: '1.41', kind: 'Podman', endpoint })).toBe(
      'Podman 4.3.1 (API 1.41) at unix:///run/podman/podman.sock (context default: DOCKER_HOST is set)',
    );
  });

  const doctorEngine = (engine: DoctorContext['engine']) => dockerEngine.run({ engine } as DoctorContext);

  test("doctor passes a plain local Docker Engine and names it", async () => {
    const endpoint = env({ DOCKER_HOST: 'unix:///var/run/docker.sock' });
    expect(await doctorEngine({ version: '20.10.24', apiVersion: '1.41', kind: 'Docker Engine', endpoint })).toEqual({
      verdict: 'pass',
      detail: 'reachable, Docker Engine 20.10.24 (API 1.41) at unix:///var/run/docker.sock (context default: DOCKER_HOST is set)',
    });
  });

  test("doctor warns about Podman's and a remote engine's known limits", async () => {
    const podman = await doctorEngine({ version: '4.3.1', apiVersion: '1.41', kind: 'Podman', endpoint: env({ DOCKER_HOST: 'unix:///run/podman/podman.sock' }) });
    expect(podman).toMatchObject({ verdict: 'warn', detail: expect.stringContaining('known limits: Podman: rootless Podman') });
    const remote = await doctorEngine({ version: '27.0.1', apiVersion: '1.46', kind: 'Docker Engine', endpoint: env({ DOCKER_HOST: 'tcp://10.1.2.3:2375' }) });
    expect(remote).toMatchObject({ verdict: 'warn', detail: expect.stringContaining("the engine runs on 10.1.2.3, another host") });
  });

  test('engines in a VM warn that their volumes are out of sight', () => {
    for (const kind of ['Docker Desktop', 'Colima', 'OrbStack', 'Rancher Desktop'] as const) expect(knownLimits(kind, undefined)).toEqual([expect.stringContaining(`${kind} runs the engine in a VM`)]);
    expect(knownLimits('Docker Engine', undefined)).toEqual([]);
  });
});
