/**
 * Which container engine to talk to, found the way the docker CLI finds it: the `--context` flag,
 * DOCKER_HOST, DOCKER_CONTEXT, the current context of the Docker CLI config, then the default
 * sockets of the usual engines. Pure: the environment, the files and which sockets exist come in
 * as `DiscoveryInputs`, so every rule is tested without touching the machine.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { z } from 'zod';
import { ExitCode, KafkaDevError } from '../base/errors.js';
import { quoteText } from '../base/text.js';

export interface DiscoveryInputs {
  /** The `--context` flag, as typed. */
  readonly contextFlag?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** A file's text, or undefined when there is none. */
  readonly readFile: (path: string) => string | undefined;
  /** The names in a folder; empty when there is none. */
  readonly listDir: (path: string) => readonly string[];
  readonly exists: (path: string) => boolean;
}

/** Paths of the TLS files a client presents and checks the engine against. */
export interface TlsFiles {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** Check the engine's certificate against `ca`. */
  readonly verify: boolean;
}

export type EngineAddress =
  | { readonly protocol: 'unix' | 'npipe'; readonly path: string }
  | { readonly protocol: 'tcp'; readonly host: string; readonly port: number; readonly tls?: TlsFiles }
  | { readonly protocol: 'ssh'; readonly host: string; readonly port?: number; readonly user?: string };

export type EngineSource = '--context' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config.json' | 'default socket';

export interface EngineEndpoint {
  /** The address as a URL: `unix:///var/run/docker.sock`, `tcp://127.0.0.1:2376`. */
  readonly url: string;
  readonly address: EngineAddress;
  /** The Docker context in use; `default` when none was chosen. */
  readonly context: string;
  readonly source: EngineSource;
  /** Why this engine, in words: `DOCKER_HOST is set`, `the first default socket that exists`. */
  readonly reason: string;
  /** What was looked at on the way, in order. */
  readonly tried: readonly string[];
  /** The engine's host, when it is not this machine (tcp:// or ssh:// to another host). */
  readonly remoteHost?: string;
}

/** A value that selects the engine (flag, variable, config file, context store) cannot be used. */
export class EngineSelectionError extends KafkaDevError {
  override readonly exitCode = ExitCode.config;
}

const addressForms = 'unix:///path/to/socket, tcp://host:port, ssh://[user@]host[:port] or npipe:////./pipe/name';

export function discoverEngine(inputs: DiscoveryInputs): EngineEndpoint {
  const { env } = inputs;
  const configDir = env.DOCKER_CONFIG || posix.join(inputs.home, '.docker');
  if (inputs.contextFlag !== undefined) {
    if (inputs.contextFlag.trim() === '') throw selectionError('--context', inputs.contextFlag, 'a context name (see docker context ls)');
    return fromContext(inputs, configDir, inputs.contextFlag, '--context', `--context ${inputs.contextFlag} was given`);
  }
  if (env.DOCKER_HOST) return fromDockerHost(inputs, configDir, []);
  if (env.DOCKER_CONTEXT) return fromContext(inputs, configDir, env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', `DOCKER_CONTEXT is ${env.DOCKER_CONTEXT}`);
  const configFile = posix.join(configDir, 'config.json');
  const current = currentContext(inputs, configFile);
  if (current) return fromContext(inputs, configDir, current, 'config.json', `it is the current context in ${configFile}`);
  return fromDefaultSockets(inputs, [`DOCKER_HOST, DOCKER_CONTEXT: not set`, `${configFile}: no current context`]);
}

/** The context store's folder name for a context: the SHA-256 of its name, as the docker CLI writes it. */
export const contextDigest = (name: string) => createHash('sha256').update(name).digest('hex');

function fromContext(inputs: DiscoveryInputs, configDir: string, name: string, source: EngineSource, reason: string): EngineEndpoint {
  // `default` is the docker CLI's name for "DOCKER_HOST, else the default socket".
  if (name === 'default') {
    const tried = [`context default (${reason})`];
    return inputs.env.DOCKER_HOST ? fromDockerHost(inputs, configDir, tried) : fromDefaultSockets(inputs, tried);
  }
  const metaFile = posix.join(configDir, 'contexts', 'meta', contextDigest(name), 'meta.json');
  const text = inputs.readFile(metaFile);
  if (text === undefined) {
    const known = knownContexts(inputs, configDir);
    throw selectionError(source, name, `a context in ${posix.join(configDir, 'contexts')}; known: ${['default', ...known].join(', ')}`, {
      hint: "Create it with 'docker context create', choose another with --context, or unset DOCKER_CONTEXT.",
    });
  }
  const endpoint = parseFile(contextMetaSchema, text, metaFile).Endpoints.docker;
  const tlsDir = posix.join(configDir, 'contexts', 'tls', contextDigest(name), 'docker');
  const files = Object.fromEntries(
    (['ca', 'cert', 'key'] as const).filter((file) => inputs.exists(posix.join(tlsDir, `${file}.pem`))).map((file) => [file, posix.join(tlsDir, `${file}.pem`)]),
  );
  const tls = Object.keys(files).length > 0 ? { ...files, verify: endpoint.SkipTLSVerify !== true } : undefined;
  const address = parseAddress(endpoint.Host, `${metaFile} (context ${name})`, tls);
  const withTls = tls ? `, with TLS from ${tlsDir}${tls.verify ? '' : ' (the engine\'s certificate unchecked: SkipTLSVerify)'}` : '';
  return endpointOf(address, { context: name, source, reason: reason + withTls, tried: [`context ${name}: ${metaFile}`] });
}

function fromDockerHost(inputs: DiscoveryInputs, configDir: string, tried: readonly string[]): EngineEndpoint {
  const { DOCKER_HOST: host = '', DOCKER_TLS_VERIFY: verify, DOCKER_CERT_PATH: certPath, DOCKER_CONTEXT: context } = inputs.env;
  const tls = verify ? tlsFromCertPath(inputs, certPath || configDir) : undefined;
  const address = parseAddress(host, 'DOCKER_HOST', tls);
  const reason = `DOCKER_HOST is set${context ? ` (it wins over DOCKER_CONTEXT ${context}, as in the docker CLI)` : ''}${tls ? `, with TLS from ${certPath || configDir}` : ''}`;
  return endpointOf(address, { context: 'default', source: 'DOCKER_HOST', reason, tried: [...tried, `DOCKER_HOST=${host}`] });
}

/** DOCKER_TLS_VERIFY: the client presents cert.pem/key.pem and checks the engine against ca.pem, all from DOCKER_CERT_PATH. */
function tlsFromCertPath(inputs: DiscoveryInputs, dir: string): TlsFiles {
  const files = { ca: posix.join(dir, 'ca.pem'), cert: posix.join(dir, 'cert.pem'), key: posix.join(dir, 'key.pem') };
  const missing = Object.values(files).filter((file) => !inputs.exists(file));
  if (missing.length > 0) {
    const variable = inputs.env.DOCKER_CERT_PATH ? 'DOCKER_CERT_PATH' : 'DOCKER_CERT_PATH (unset, so the Docker config folder)';
    throw selectionError(variable, dir, `a folder with ca.pem, cert.pem and key.pem because DOCKER_TLS_VERIFY is set; missing: ${missing.join(', ')}`, {
      hint: 'Point DOCKER_CERT_PATH at the folder with the certificates, or unset DOCKER_TLS_VERIFY for an engine without TLS.',
    });
  }
  return { ...files, verify: true };
}

/** The sockets Docker Engine, Docker Desktop, Colima, OrbStack, Rancher Desktop and Podman listen on, in that order. */
export function defaultSockets(inputs: Pick<DiscoveryInputs, 'env' | 'home' | 'platform'>): string[] {
  if (inputs.platform === 'win32') return ['npipe:////./pipe/docker_engine', 'npipe:////./pipe/dockerDesktopLinuxEngine', 'npipe:////./pipe/podman-machine-default'];
  const home = (path: string) => posix.join(inputs.home, path);
  const runtimeDir = inputs.env.XDG_RUNTIME_DIR;
  return [
    '/var/run/docker.sock',
    home('.docker/run/docker.sock'),
    home('.colima/default/docker.sock'),
    home('.orbstack/run/docker.sock'),
    home('.rd/docker.sock'),
    '/run/podman/podman.sock',
    ...(runtimeDir ? [posix.join(runtimeDir, 'podman/podman.sock')] : []),
  ].map((path) => `unix://${path}`);
}

function fromDefaultSockets(inputs: DiscoveryInputs, tried: readonly string[]): EngineEndpoint {
  const candidates = defaultSockets(inputs);
  const found = candidates.find((url) => inputs.exists(socketPath(url)));
  const url = found ?? candidates[0]!;
  const reason = found ? 'it is the first default socket that exists' : 'no default socket exists, so the standard one';
  const looked = candidates.map((candidate) => `${candidate}${inputs.exists(socketPath(candidate)) ? '' : ' (absent)'}`);
  return endpointOf(parseAddress(url, 'default socket'), { context: 'default', source: 'default socket', reason, tried: [...tried, ...looked] });
}

const socketPath = (url: string) => url.replace(/^(unix|npipe):\/\//, '');

/** An engine address as the docker CLI accepts it; anything else is refused naming where it came from. */
export function parseAddress(text: string, origin: string, tls?: TlsFiles): EngineAddress {
  const scheme = /^([a-z]+):\/\//.exec(text)?.[1];
  if (scheme === 'unix' || scheme === 'npipe') {
    const path = text.slice(scheme.length + 3);
    if (path.startsWith('/')) return { protocol: scheme, path };
  }
  if (scheme === 'tcp' || scheme === 'ssh') {
    const url = URL.canParse(text) ? new URL(text) : undefined;
    const onlyHost = url && (url.pathname === '' || url.pathname === '/') && !url.search && !url.hash;
    if (url?.hostname && onlyHost && (scheme === 'ssh' || !url.username)) {
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (scheme === 'ssh') return { protocol: 'ssh', host, ...(url.port && { port: Number(url.port) }), ...(url.username && { user: decodeURIComponent(url.username) }) };
      return { protocol: 'tcp', host, port: url.port ? Number(url.port) : tls ? 2376 : 2375, ...(tls && { tls }) };
    }
  }
  throw selectionError(origin, text, addressForms);
}

function endpointOf(address: EngineAddress, rest: Omit<EngineEndpoint, 'url' | 'address' | 'remoteHost'>): EngineEndpoint {
  const remote = (address.protocol === 'tcp' || address.protocol === 'ssh') && !isLoopback(address.host);
  return { url: urlOf(address), address, ...rest, ...(remote && { remoteHost: address.host }) };
}

export function urlOf(address: EngineAddress): string {
  if (address.protocol === 'tcp') return `tcp://${bracketed(address.host)}:${address.port}`;
  if (address.protocol === 'ssh') return `ssh://${address.user ? `${address.user}@` : ''}${bracketed(address.host)}${address.port ? `:${address.port}` : ''}`;
  return `${address.protocol}://${address.path}`;
}

const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** This machine: published ports on 127.0.0.1 of such an engine are reachable here. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function currentContext(inputs: DiscoveryInputs, configFile: string): string | undefined {
  const text = inputs.readFile(configFile);
  return text === undefined ? undefined : parseFile(configFileSchema, text, configFile).currentContext || undefined;
}

function knownContexts(inputs: DiscoveryInputs, configDir: string): string[] {
  const metaDir = posix.join(configDir, 'contexts', 'meta');
  return inputs
    .listDir(metaDir)
    .flatMap((digest) => {
      const text = inputs.readFile(posix.join(metaDir, digest, 'meta.json'));
      const meta = text === undefined ? undefined : contextMetaSchema.safeParse(jsonOrText(text)).data;
      return meta ? [meta.Name] : [];
    })
    .sort();
}

/** The parts of the Docker CLI's files kafka-dev reads; other fields are theirs and are left alone. */
const configFileSchema = z.object({ currentContext: z.string().optional() });
const contextMetaSchema = z.object({
  Name: z.string(),
  Endpoints: z.object({ docker: z.object({ Host: z.string().min(1), SkipTLSVerify: z.boolean().optional() }) }),
});

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseFile<T>(schema: z.ZodType<T>, text: string, file: string): T {
  const parsed = schema.safeParse(jsonOrText(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw selectionError(file, text, `JSON as the docker CLI writes it (${issue.message}${where})`);
}

function selectionError(origin: string, value: string, expected: string, options: { hint?: string } = {}): EngineSelectionError {
  return new EngineSelectionError(`Cannot choose the container engine: ${origin}: got ${quoteText(value)}, expected ${expected}`, {
    hint: options.hint ?? 'Fix or unset it; kafka-dev finds the engine the way the docker CLI does (see the README, "Which engine").',
  });
}

/** The context and why it was chosen, for messages: `context default: DOCKER_HOST is set`. */
export function describeEndpoint(endpoint: EngineEndpoint): string {
  return `context ${endpoint.context}: ${endpoint.reason}`;
}

/**
 * A stack on an engine of another host would publish its ports on that host's 127.0.0.1 and
 * advertise localhost, so no client here could reach it: refused before anything is created.
 */
export function refuseRemoteEngine(endpoint: EngineEndpoint): void {
  if (!endpoint.remoteHost) return;
  throw new KafkaDevError(
    `The engine at ${endpoint.url} (${describeEndpoint(endpoint)}) runs on ${endpoint.remoteHost}, another host: the brokers would publish their ports on that host's 127.0.0.1 and advertise localhost, which clients on this machine cannot reach; nothing was started`,
    { hint: `Run kafka-dev on ${endpoint.remoteHost} itself, or choose an engine on this machine (--context default, DOCKER_HOST=unix:///var/run/docker.sock).` },
  );
}
