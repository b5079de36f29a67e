/**
 * Which engine answers, from what it says about itself in /version and /info, and what kafka-dev
 * knows about its limits. Pure: the recorded answers of each engine are its unit tests.
 */
import { describeEndpoint, type EngineEndpoint } from './discovery.js';

export type EngineKind = 'Docker Engine' | 'Docker Desktop' | 'Podman' | 'Colima' | 'OrbStack' | 'Rancher Desktop';

/** The fields of /version and /info that tell engines apart. */
interface VersionAnswer {
  readonly Components?: readonly { readonly Name?: string }[];
  readonly Platform?: { readonly Name?: string };
}
interface InfoAnswer {
  readonly OperatingSystem?: unknown;
  readonly Name?: unknown;
}

export function engineKind(version: VersionAnswer, info: InfoAnswer): EngineKind {
  const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : '');
  // Podman's compatible API names its component "Podman Engine"; Docker's is "Engine".
  if (version.Components?.some((component) => component.Name === 'Podman Engine')) return 'Podman';
  const system = text(info.OperatingSystem);
  const name = text(info.Name);
  if (system === 'docker desktop' || text(version.Platform?.Name).includes('docker desktop')) return 'Docker Desktop';
  if (system.includes('orbstack')) return 'OrbStack';
  if (name.includes('rancher-desktop')) return 'Rancher Desktop';
  if (name.startsWith('colima')) return 'Colima';
  return 'Docker Engine';
}

/** What doctor warns about for this engine: each known limit with what kafka-dev does about it. */
export function knownLimits(kind: EngineKind | undefined, endpoint: EngineEndpoint | undefined): string[] {
  const limits: string[] = [];
  if (endpoint?.remoteHost) {
    limits.push(
      `the engine runs on ${endpoint.remoteHost}, another host: its ports are published on that host's 127.0.0.1, which this machine cannot reach, so 'up' refuses; use a local engine, or an SSH tunnel and DOCKER_HOST=tcp://127.0.0.1:<port>`,
    );
  }
  if (kind === 'Podman') {
    limits.push(
      'Podman: rootless Podman publishes ports through a user-space proxy (slirp4netns or pasta) and cannot bind ports below 1024; its containers may also need higher ulimits than the host allows (a failure to set an rlimit); kafka-dev uses only named volumes, labels, one bridge network and published ports, which its Docker-compatible API serves',
    );
  }
  if (kind === 'Docker Desktop' || kind === 'Colima' || kind === 'OrbStack' || kind === 'Rancher Desktop') {
    limits.push(`${kind} runs the engine in a VM: volumes live inside that VM, so the disk-space check cannot see them`);
  }
  return limits;
}

/** The engine in one line, for the first progress line and doctor: kind, version, address, context and why. */
export function describeEngine(engine: { version: string; apiVersion: string; kind?: EngineKind; endpoint?: EngineEndpoint }): string {
  const where = engine.endpoint ? ` at ${engine.endpoint.url} (${describeEndpoint(engine.endpoint)})` : '';
  return `${engine.kind ?? 'Docker'} ${engine.version} (API ${engine.apiVersion})${where}`;
}
