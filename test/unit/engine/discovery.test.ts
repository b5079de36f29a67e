import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contextDigest, discoverEngine, EngineSelectionError, refuseRemoteEngine, type DiscoveryInputs } from '../../../src/engine/discovery.js';

const home = '/home/dev';

/** A machine with these files (path -> text) and sockets; everything else is absent. */
function machine(options: { env?: Record<string, string>; files?: Record<string, string>; sockets?: string[]; contextFlag?: string; platform?: NodeJS.Platform } = {}): DiscoveryInputs {
  const files = options.files ?? {};
  const present = new Set([...Object.keys(files), ...(options.sockets ?? [])]);
  return {
    ...(options.contextFlag !== undefined && { contextFlag: options.contextFlag }),
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    home,
    readFile: (path) => files[path],
    listDir: (dir) => [...new Set(Object.keys(files).filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1).split('/')[0]!))],
    exists: (path) => present.has(path),
  };
}

/** A context as `docker context create NAME --docker host=HOST` stores it, with TLS files when given. */
function contextFiles(name: string, host: string, options: { configDir?: string; tls?: ('ca' | 'cert' | 'key')[]; skipTlsVerify?: boolean } = {}) {
  const dir = options.configDir ?? `${home}/.docker`;
  const meta = { Name: name, Metadata: { Description: '' }, Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipTlsVerify ?? false } } };
  return {
    [`${dir}/contexts/meta/${contextDigest(name)}/meta.json`]: JSON.stringify(meta),
    ...Object.fromEntries((options.tls ?? []).map((file) => [`${dir}/contexts/tls/${contextDigest(name)}/docker/${file}.pem`, 'PEM'])),
  };
}

const currentContext = (name: string, dir = `${home}/.docker`) => ({ [`${dir}/config.json`]: JSON.stringify({ auths: {}, currentContext: name }) });

function refusal(inputs: DiscoveryInputs): EngineSelectionError {
  try {
    discoverEngine(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineSelectionError);
    return error as EngineSelectionError;
  }
  throw new Error('expected a refusal');
}

describe('discoverEngine: the order of the docker CLI', () => {
  const everything = {
    env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'from-env' },
    files: { ...contextFiles('from-flag', 'unix:///flag.sock'), ...contextFiles('from-env', 'unix:///env.sock'), ...contextFiles('current', 'unix:///current.sock'), ...currentContext('current') },
    sockets: ['/var/run/docker.sock'],
  };

  test('--context wins over everything', () => {
    const endpoint = discoverEngine(machine({ ...everything, contextFlag: 'from-flag' }));
    expect(endpoint).toMatchObject({ url: 'unix:///flag.sock', context: 'from-flag', source: '--context' });
  });

  test('then DOCKER_HOST, which wins over DOCKER_CONTEXT and says so', () => {
    const endpoint = discoverEngine(machine(everything));
    expect(endpoint).toMatchObject({ url: 'tcp://127.0.0.1:2375', context: 'default', source: 'DOCKER_HOST' });
    expect(endpoint.reason).toContain('wins over DOCKER_CONTEXT from-env');
  });

  test('then DOCKER_CONTEXT', () => {
    const endpoint = discoverEngine(machine({ ...everything, env: { DOCKER_CONTEXT: 'from-env' } }));
    expect(endpoint).toMatchObject({ url: 'unix:///env.sock', context: 'from-env', source: 'DOCKER_CONTEXT' });
  });

  test("then config.json's currentContext, under DOCKER_CONFIG when set", () => {
    expect(discoverEngine(machine({ ...everything, env: {} }))).toMatchObject({ url: 'unix:///current.sock', context: 'current', source: 'config.json' });
    const elsewhere = '/etc/docker-cli';
    const files = { ...contextFiles('other', 'unix:///other.sock', { configDir: elsewhere }), ...currentContext('other', elsewhere) };
    expect(discoverEngine(machine({ env: { DOCKER_CONFIG: elsewhere }, files }))).toMatchObject({ url: 'unix:///other.sock', context: 'other' });
  });

  test('then the first default socket that exists, naming every one it looked at', () => {
    const endpoint = discoverEngine(machine({ sockets: [`${home}/.colima/default/docker.sock`, `${home}/.rd/docker.sock`] }));
    expect(endpoint).toMatchObject({ url: `unix://${home}/.colima/default/docker.sock`, context: 'default', source: 'default socket' });
    expect(endpoint.tried).toContain('unix:///var/run/docker.sock (absent)');
    expect(endpoint.tried).toContain(`unix://${home}/.colima/default/docker.sock`);
  });

  test('the default sockets of every engine, in order, Podman under XDG_RUNTIME_DIR too', () => {
    const sockets = [
      '/var/run/docker.sock',
      `${home}/.docker/run/docker.sock`,
      `${home}/.colima/default/docker.sock`,
      `${home}/.orbstack/run/docker.sock`,
      `${home}/.rd/docker.sock`,
      '/run/podman/podman.sock',
      '/run/user/1000/podman/podman.sock',
    ];
    sockets.forEach((socket, index) => {
      const endpoint = discoverEngine(machine({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, sockets: sockets.slice(index) }));
      expect(endpoint.url).toBe(`unix://${socket}`);
    });
  });

  test('no socket at all: the standard one, and the reason says none exists', () => {
    const endpoint = discoverEngine(machine());
    expect(endpoint.url).toBe('unix:///var/run/docker.sock');
    expect(endpoint.reason).toContain('no default socket exists');
  });

  test('Windows: the named pipe', () => {
    expect(discoverEngine(machine({ platform: 'win32' })).url).toBe('npipe:////./pipe/docker_engine');
  });

  test("the context named 'default' means DOCKER_HOST, else the default socket", () => {
    expect(discoverEngine(machine({ contextFlag: 'default', env: { DOCKER_HOST: 'unix:///h.sock' } })).url).toBe('unix:///h.sock');
    expect(discoverEngine(machine({ files: currentContext('default'), sockets: ['/run/podman/podman.sock'] })).url).toBe('unix:///run/podman/podman.sock');
  });
});

describe('discoverEngine: addresses', () => {
  test.each([
    ['unix:///var/run/docker.sock', { protocol: 'unix', path: '/var/run/docker.sock' }],
    ['npipe:////./pipe/docker_engine', { protocol: 'npipe', path: '//./pipe/docker_engine' }],
    ['tcp://127.0.0.1:2375', { protocol: 'tcp', host: '127.0.0.1', port: 2375 }],
    ['tcp://localhost', { protocol: 'tcp', host: 'localhost', port: 2375 }],
    ['tcp://[::1]:2375', { protocol: 'tcp', host: '::1', port: 2375 }],
    ['ssh://dev@build-box:2222', { protocol: 'ssh', host: 'build-box', port: 2222, user: 'dev' }],
    ['ssh://build-box', { protocol: 'ssh', host: 'build-box' }],
  ])('DOCKER_HOST=%s', (host, address) => {
    expect(discoverEngine(machine({ env: { DOCKER_HOST: host } })).address).toEqual(address);
  });

  test.each(['/var/run/docker.sock', 'unix://relative.sock', 'tcp://', 'tcp://host:port', 'tcp://host:2375/path', 'http://host:2375', 'fd://', 'ssh://', 'tcp://user@host:2375'])(
    'a malformed DOCKER_HOST %s is refused naming the variable, the value and the forms',
    (host) => {
      const { message } = refusal(machine({ env: { DOCKER_HOST: host } }));
      expect(message).toContain(`DOCKER_HOST: got '${host}', expected unix:///path/to/socket, tcp://host:port`);
    },
  );

  test('any text in DOCKER_HOST is either an address or a refusal that names DOCKER_HOST (never a crash)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((rest) => `tcp://${rest}`), fc.string().map((rest) => `ssh://${rest}`)), (host) => {
        fc.pre(host !== '');
        try {
          const endpoint = discoverEngine(machine({ env: { DOCKER_HOST: host } }));
          expect(endpoint.source).toBe('DOCKER_HOST');
        } catch (error) {
          expect(error).toBeInstanceOf(EngineSelectionError);
          expect((error as Error).message).toContain('DOCKER_HOST: got ');
        }
      }),
    );
  });

  test('tcp:// or ssh:// to another host is remote; loopback is not', () => {
    expect(discoverEngine(machine({ env: { DOCKER_HOST: 'tcp://10.1.2.3:2376' } })).remoteHost).toBe('10.1.2.3');
    expect(discoverEngine(machine({ env: { DOCKER_HOST: 'ssh://dev@build-box' } })).remoteHost).toBe('build-box');
    for (const host of ['tcp://127.0.0.1:2375', 'tcp://localhost:2375', 'tcp://[::1]:2375', 'unix:///var/run/docker.sock']) {
      expect(discoverEngine(machine({ env: { DOCKER_HOST: host } })).remoteHost).toBeUndefined();
    }
  });

  test('up refuses a remote engine with the fix; a local one passes', () => {
    const remote = discoverEngine(machine({ env: { DOCKER_HOST: 'tcp://10.1.2.3:2376' } }));
    expect(() => refuseRemoteEngine(remote)).toThrow(/runs on 10\.1\.2\.3, another host.*nothing was started/);
    expect(() => refuseRemoteEngine(discoverEngine(machine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } })))).not.toThrow();
  });
});

describe('discoverEngine: TLS', () => {
  const certs = (dir: string, files = ['ca', 'cert', 'key']) => Object.fromEntries(files.map((file) => [posix.join(dir, `${file}.pem`), 'PEM']));

  test('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH: the three files, verified, port 2376 by default', () => {
    const endpoint = discoverEngine(machine({ env: { DOCKER_HOST: 'tcp://127.0.0.1', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, files: certs('/certs') }));
    expect(endpoint.address).toEqual({ protocol: 'tcp', host: '127.0.0.1', port: 2376, tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true } });
    expect(endpoint.reason).toContain('with TLS from /certs');
  });

  test('without DOCKER_CERT_PATH the certificates come from the Docker config folder', () => {
    const endpoint = discoverEngine(machine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1' }, files: certs(`${home}/.docker`) }));
    expect(endpoint.address).toMatchObject({ tls: { ca: `${home}/.docker/ca.pem` } });
  });

  test('a missing certificate file is refused naming DOCKER_CERT_PATH, the folder and the file', () => {
    const { message, hint } = refusal(machine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, files: certs('/certs', ['ca', 'cert']) }));
    expect(message).toContain("DOCKER_CERT_PATH: got '/certs', expected a folder with ca.pem, cert.pem and key.pem");
    expect(message).toContain('missing: /certs/key.pem');
    expect(hint).toContain('DOCKER_TLS_VERIFY');
  });

  test("a context's TLS material comes from the store; SkipTLSVerify turns verification off", () => {
    const files = { ...contextFiles('remote-tls', 'tcp://127.0.0.1:2376', { tls: ['ca', 'cert', 'key'], skipTlsVerify: true }) };
    const { address, reason } = discoverEngine(machine({ contextFlag: 'remote-tls', files }));
    const dir = `${home}/.docker/contexts/tls/${contextDigest('remote-tls')}/docker`;
    expect(reason).toBe(`--context remote-tls was given, with TLS from ${dir} (the engine's certificate unchecked: SkipTLSVerify)`);
    expect(address).toEqual({ protocol: 'tcp', host: '127.0.0.1', port: 2376, tls: { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem`, verify: false } });
  });
});

describe('discoverEngine: bad selections', () => {
  test('an unknown context is refused naming where it came from and the known contexts', () => {
    const files = { ...contextFiles('colima', 'unix:///c.sock'), ...contextFiles('desktop-linux', 'unix:///d.sock') };
    const { message, hint } = refusal(machine({ contextFlag: 'colma', files }));
    expect(message).toContain("--context: got 'colma', expected a context in /home/dev/.docker/contexts; known: default, colima, desktop-linux");
    expect(hint).toContain('docker context create');
    expect(refusal(machine({ env: { DOCKER_CONTEXT: 'gone' } })).message).toContain("DOCKER_CONTEXT: got 'gone'");
    expect(refusal(machine({ files: currentContext('gone') })).message).toContain("config.json: got 'gone'");
  });

  test('an empty --context is refused', () => {
    expect(refusal(machine({ contextFlag: '' })).message).toContain("--context: got '', expected a context name");
  });

  test('a config.json or meta.json that is not what the docker CLI writes is refused naming the file', () => {
    expect(refusal(machine({ files: { [`${home}/.docker/config.json`]: '{not json' } })).message).toContain(`${home}/.docker/config.json: got '{not json'`);
    const meta = `${home}/.docker/contexts/meta/${contextDigest('x')}/meta.json`;
    const { message } = refusal(machine({ contextFlag: 'x', files: { [meta]: JSON.stringify({ Name: 'x', Endpoints: {} }) } }));
    expect(message).toContain(`${meta}: got `);
    expect(message).toContain('Endpoints.docker');
  });

  test("a context whose Host is not an address is refused naming the context's file", () => {
    const { message } = refusal(machine({ contextFlag: 'bad', files: contextFiles('bad', 'somewhere') }));
    expect(message).toContain(`(context bad): got 'somewhere', expected unix:///path/to/socket`);
  });
});
