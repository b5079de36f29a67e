import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { exposesEngineSocket } from '../../../src/model/engine-socket.js';
import { configIssues } from '../config-issues.js';

const parse = (volumes: string[]) => parseConfig({ services: { app: { image: 'my/app:dev', volumes } } }, { source: '/home/dev/project/kafka-dev.config.ts', defaultName: 'app', env: {} });

describe('the container engine socket is never mounted', () => {
  test('the sockets of Docker, Podman and containerd, and the system folders that hold them', () => {
    for (const path of ['/var/run/docker.sock', '/run/docker.sock', '//var/run//docker.sock', '/run/podman/podman.sock', '/run/user/1000/podman/podman.sock', '/home/dev/.docker/run/docker.sock', '/home/dev/.colima/default/docker.sock', '/var/run', '/run/', '/var', '/']) {
      expect(exposesEngineSocket(path), path).toBe(true);
    }
    for (const path of ['/home/dev/project/data', '/var/lib/kafka', '/run/secrets', '/srv/docker.sockets']) expect(exposesEngineSocket(path), path).toBe(false);
  });

  test('any socket file of an engine, wherever it lies, is refused as a service volume, naming the field', () => {
    const folder = fc.array(fc.stringMatching(/^[a-z0-9._-]{1,8}$/), { maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(folder, fc.constantFrom('docker.sock', 'podman.sock', 'containerd.sock'), fc.boolean(), (dir, socket, relative) => {
        const source = relative ? `./${dir}/${socket}`.replace('//', '/') : `/${dir}/${socket}`.replace('//', '/');
        const [issue] = configIssues(() => parse([`${source}:/var/run/docker.sock`]));
        expect(issue).toEqual({ path: 'services.app.volumes[0]', message: expect.stringContaining("container engine's socket") });
      }),
    );
  });

  test('folders of the project still mount', () => {
    expect(parse(['./data:/data', 'cache:/cache']).services[0]!.volumes).toHaveLength(2);
  });
});
