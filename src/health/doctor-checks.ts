import { statfs } from 'node:fs/promises';
import { plural, pluralForm } from '../base/plural.js';
import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime, ContainerSummary, EngineInfo, NamedResource } from '../engine/runtime.js';
import { describeEngine, knownLimits } from '../engine/discovery-kind.js';
import { clusterIdentity, clusterLabel, composeLabel, networkName, projectLabels, roleLabel } from '../engine/labels.js';
import { findPortHolders, requestedPorts } from '../engine/ports.js';
import { planUp } from '../engine/plan.js';
import { foreignVolumes } from '../engine/volumes.js';
import { diagnoseOutside } from '../kafka/diagnose.js';
import { describeEachBroker } from '../kafka/probe.js';
import { bootstrapServers, brokerNodes } from '../model/cluster.js';
import { buildStackModel } from '../model/stack.js';
import { imageEnv } from '../model/defaults.js';

export type Verdict = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  readonly check: string;
  readonly verdict: Verdict;
  readonly detail: string;
  /** What to do, when the verdict is not a pass. */
  readonly fix?: string;
}

/** What the checks share: gathered once, so each check stays a small pure-ish reading of it. */
export interface DoctorContext {
  readonly config: ResolvedConfig;
  readonly runtime: ContainerRuntime;
  readonly engine: (EngineInfo & { rootDir?: string }) | null;
  /** Why the engine could not be chosen or reached, when it could not. */
  readonly engineProblem?: string;
  readonly projectContainers: readonly ContainerSummary[];
  readonly allContainers: readonly ContainerSummary[];
  readonly projectVolumes: readonly NamedResource[];
}

export interface Check {
  readonly name: string;
  /** Checks that read the running stack are skipped when it is not running. */
  readonly needs: 'engine' | 'stack' | 'nothing';
  /** Checks of something the config may not have (TLS, SASL, Connect) are left out of a report without it. */
  appliesTo?(config: ResolvedConfig): boolean;
  run(context: DoctorContext): Promise<Omit<CheckResult, 'check'>>;
}

const pass = (detail: string) => ({ verdict: 'pass' as const, detail });

export const dockerEngine: Check = {
  name: 'Docker engine',
  needs: 'nothing',
  async run({ engine, engineProblem }) {
    if (!engine) {
      return {
        verdict: 'fail',
        detail: `not reachable: ${engineProblem ?? 'no answer'}`,
        fix: 'Start Docker (Docker Desktop, Colima, OrbStack, Podman, or `sudo dockerd &` / `sudo systemctl start docker`); choose another engine with --context, DOCKER_CONTEXT or DOCKER_HOST.',
      };
    }
    const limits = knownLimits(engine.kind, engine.endpoint);
    const detail = `reachable, ${describeEngine(engine)}`;
    if (limits.length === 0) return pass(detail);
    return { verdict: 'warn', detail: `${detail}; known limits: ${limits.join('; ')}`, fix: 'See the README, "What differs between engines".' };
  },
};

export const images: Check = {
  name: 'Images',
  needs: 'engine',
  async run({ config, runtime }) {
    const wanted = [...new Set(buildStackModel(config).services.map((service) => service.image))];
    const missing = [];
    for (const image of wanted) if (!(await runtime.imageExists(image))) missing.push(image);
    if (missing.length === 0) return pass(`present: ${wanted.join(', ')}`);
    return {
      verdict: 'warn',
      detail: `not on this machine: ${missing.join(', ')}; 'up' will try to pull ${pluralForm(missing.length, 'it', 'them')}`,
      fix: `Pull now (docker pull ${missing.join(' && docker pull ')}) or, offline, build local stand-ins and set ${Object.values(imageEnv).join(' / ')}.`,
    };
  },
};

export const ports: Check = {
  name: 'Ports',
  needs: 'engine',
  async run({ config, projectContainers, allContainers }) {
    // Plan as if from nothing, so every port the stack publishes is examined; this project's own containers may hold them.
    const requests = requestedPorts(planUp(buildStackModel(config), { containers: [], networks: [], volumes: [] }));
    const held = await findPortHolders(requests, allContainers, new Set(projectContainers.map((container) => container.id)));
    const list = requests.map((port) => `${port.bind}:${port.host}`).join(', ');
    if (held.length === 0) return pass(`${list} free or held by this project`);
    return {
      verdict: 'fail',
      detail: held.map(({ port, holder }) => `${port.bind}:${port.host} (${port.field}) is taken by ${holder}`).join('; '),
      fix: `Stop what holds the port, or move this stack (${[...new Set(held.map((h) => h.port.field))].join(', ')}).`,
    };
  },
};

export const volumesMatchCluster: Check = {
  name: 'Volumes',
  needs: 'engine',
  async run({ config, projectVolumes }) {
    const expected = clusterIdentity(config);
    const foreign = foreignVolumes(config, projectVolumes);
    if (foreign.length === 0) return pass(projectVolumes.length > 0 ? `${plural(projectVolumes.length, 'volume')} of cluster '${expected}'` : 'none yet');
    return {
      verdict: 'fail',
      detail: `${foreign.map((v) => `${v.name} holds cluster '${v.labels[clusterLabel]}'`).join('; ')}, but the config runs '${expected}'`,
      fix: "Start fresh with 'kafka-dev down --volumes' (deletes that data), or set clusterId / mode back to what the volumes hold.",
    };
  },
};

const gib = 1024 ** 3;

export const diskSpace: Check = {
  name: 'Disk space',
  needs: 'engine',
  async run({ engine }) {
    if (!engine?.rootDir) return { verdict: 'skip', detail: 'the engine did not say where it keeps volumes' };
    const stats = await statfs(engine.rootDir).catch(() => null);
    if (!stats) return { verdict: 'skip', detail: `${engine.rootDir} is not on this machine (remote engine)` };
    const free = (stats.bavail * stats.bsize) / gib;
    const detail = `${free.toFixed(1)} GiB free where Docker keeps volumes (${engine.rootDir})`;
    if (free >= 2) return pass(detail);
    return { verdict: free < 0.5 ? 'fail' : 'warn', detail, fix: "Free space, e.g. 'docker system prune' (removes unused images and containers)." };
  },
};

export const outsideListeners: Check = {
  name: 'OUTSIDE listeners (from the host)',
  needs: 'stack',
  async run({ config }) {
    const bootstrap = bootstrapServers(config).host;
    const views = await describeEachBroker(bootstrap);
    const silent = bootstrap.filter((_, index) => views[index] === null);
    if (silent.length > 0) {
      return {
        verdict: 'fail',
        detail: `no broker answers on ${silent.join(', ')}`,
        fix: "A broker is down; 'kafka-dev status' shows which, 'kafka-dev up' starts it again.",
      };
    }
    const problems = await diagnoseOutside(bootstrap);
    if (problems.length === 0) return pass(`every broker answers and advertises a reachable address: ${bootstrap.join(',')}`);
    return { verdict: 'fail', detail: problems.map((p) => p.problem).join('; '), fix: problems[0]!.hint };
  },
};

export const insideListeners: Check = {
  name: 'INSIDE listeners (from a container on the network)',
  needs: 'stack',
  async run({ config, runtime }) {
    const addresses = brokerNodes(config).map(({ broker }) => `${broker.inside.host}:${broker.inside.port}`);
    // Resolve and connect from a throwaway container, the way another service on the network would.
    const probe = addresses
      .map((address) => {
        const [host, port] = address.split(':');
        return `if getent hosts ${host} >/dev/null && timeout 3 bash -c 'exec 3<>/dev/tcp/${host}/${port}' 2>/dev/null; then echo "ok ${address}"; else echo "bad ${address}"; fi`;
      })
      .join('; ');
    const result = await runtime.runContainer({
      name: `${config.name}-doctor-${Date.now().toString(36)}`,
      image: config.images.kafka,
      command: ['bash', '-c', probe],
      network: networkName(config.name),
      labels: { ...projectLabels(config.name), [composeLabel.oneoff]: 'True', [roleLabel]: 'doctor' },
      timeoutMs: 30_000,
    });
    const failing = addresses.filter((address) => !result.stdout.includes(`ok ${address}`));
    if (failing.length === 0) return pass(`every broker resolves and answers on the network: ${addresses.join(',')}`);
    return {
      verdict: 'fail',
      detail: `not reachable from the network ${networkName(config.name)}: ${failing.join(', ')}`,
      fix: "A broker is down or was not created by this config; 'kafka-dev status' shows which, 'kafka-dev up' repairs it.",
    };
  },
};

export const allChecks: readonly Check[] = [dockerEngine, images, ports, volumesMatchCluster, diskSpace, outsideListeners, insideListeners];

export function stackRunning(context: DoctorContext): boolean {
  return context.projectContainers.some((container) => container.state === 'running' && container.labels[roleLabel] === 'broker');
}
