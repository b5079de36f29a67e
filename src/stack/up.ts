import type { ResolvedConfig } from '../model/types.js';
import { ConfigError, KafkaDevError, NotReadyError } from '../base/errors.js';
import { whileClusterSettles, withAdmin } from '../kafka/admin.js';
import { reconcileTopics, summarizeReconciled, type TopicsReconciled } from '../kafka/reconcile-topics.js';
import { runSmoke, smokeFailure, summarizeSmoke, type SmokeReport } from '../smoke/smoke.js';
import { bootstrapServers, reachableHost } from '../model/cluster.js';
import { buildStackModel, type ServiceSpec } from '../model/stack.js';
import type { Operation, Step } from './steps.js';
import type { ContainerRuntime, NamedResource } from '../engine/runtime.js';
import { clusterIdentity, clusterLabel, composeLabel, containerLabels, containerName, projectLabels, volumeName } from '../engine/labels.js';
import { defaultStopTimeoutSeconds } from './down.js';
import { describePlan, planUp, type ServicePlan, type UpPlan } from '../engine/plan.js';
import { likelyCause } from '../health/log-diagnosis.js';
import { assertPortsFree } from '../engine/ports.js';
import { BrokersRegistered } from '../wait/brokers-registered.js';
import { waitFor, type WaitStrategy } from '../wait/wait-strategy.js';
import { ZookeeperReady } from '../wait/zookeeper-ready.js';

export interface UpOptions {
  /** How long to wait for ZooKeeper and for the brokers, each. Default 120 s. */
  timeoutMs?: number;
  /** Leave what this run created in place when it fails, for inspection. */
  keepOnFailure?: boolean;
  /** Recreate every container, including ones that only share a service's container name. */
  forceRecreate?: boolean;
  /** Delete topics the config does not declare. */
  prune?: boolean;
  /** List the topics the config does not declare (they are left alone unless `prune`). */
  verbose?: boolean;
  /** Run the smoke check as the last step. Default true. */
  smoke?: boolean;
  /** Messages per path for that smoke check. Default 100. */
  smokeMessages?: number;
}

export interface UpResult {
  readonly project: string;
  readonly plan: string;
  /** What reconciling the declared topics found and did. */
  readonly topics: TopicsReconciled;
  /** Null when skipped (`smoke: false`). */
  readonly smoke: SmokeReport | null;
  readonly bootstrapServers: { readonly host: readonly string[]; readonly containers: readonly string[] };
}

const logLinesOnFailure = 40;
const logLinesScanned = 400;
/**
 * What a failed or interrupted run created is removed, data and all: a broker stopped in the middle
 * of its start-up can take 30 s to act on SIGTERM, which is not worth waiting for after Ctrl-C.
 */
const cleanupStopTimeoutSeconds = 10;

/**
 * A broker that was killed (not stopped) leaves its ZooKeeper session, and the node
 * /brokers/ids/N, alive until the session times out (zookeeper.session.timeout.ms); a new broker with that id
 * exits at once. Starting it again once the session expired is the repair, so `up` does that.
 */
const staleBrokerSession = /Error while creating ephemeral at \/brokers\/ids\/\d+, node already exists/;
const maxStaleSessionRestarts = 20;

/** `up`: plan from the config and what exists, check ports and images, then create, start, wait, reconcile topics and smoke-check. */
export function upOperation(config: ResolvedConfig, runtime: ContainerRuntime, options: UpOptions = {}): Operation<UpResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const model = buildStackModel(config);
  const project = model.project;
  const bootstrap = bootstrapServers(config);
  const created = {
    containers: [] as { id: string; role: ServiceSpec['role'] }[],
    network: undefined as string | undefined,
    volumes: [] as string[],
  };
  let plan: UpPlan | undefined;
  let topics: TopicsReconciled | undefined;
  let smoke: SmokeReport | null = null;

  const planned = () => {
    if (!plan) throw new KafkaDevError('internal: up steps ran out of order');
    return plan;
  };
  /** A graceful stop first, so a broker deregisters from ZooKeeper instead of leaving a stale session. */
  const stopAndRemove = async (id: string, timeoutSeconds = defaultStopTimeoutSeconds) => {
    await runtime.stopContainer(id, timeoutSeconds);
    await runtime.removeContainer(id);
  };
  const servicesWithRole = (role: ServiceSpec['role']) => planned().services.filter((service) => service.spec.role === role);

  const startServices = async (services: readonly ServicePlan[]): Promise<string> => {
    const started = await Promise.all(
      services.map(async ({ spec, action, existing }) => {
        if (action === 'keep') return undefined;
        if (action === 'start' && existing) {
          await runtime.startContainer(existing.id);
          return `${spec.name} started`;
        }
        if (existing) await stopAndRemove(existing.id);
        const id = await runtime.createContainer({
          name: containerName(project, spec.name),
          image: spec.image,
          hostname: spec.hostname,
          environment: spec.environment,
          labels: containerLabels(project, spec),
          ports: spec.ports,
          mounts: spec.volumes.map((mount) => ({ source: volumeName(project, mount.volume), target: mount.target })),
          network: planned().network.name,
          aliases: [spec.name],
        });
        created.containers.push({ id, role: spec.role });
        await runtime.startContainer(id);
        return `${spec.name} ${action === 'recreate' ? 'recreated' : 'created'}`;
      }),
    );
    const done = started.filter(Boolean);
    return done.length > 0 ? done.join(', ') : 'already running';
  };

  /** Waits, and on failure attaches the last log lines of the containers concerned. */
  const waitForServices = async (strategy: WaitStrategy, services: readonly ServicePlan[], signal: AbortSignal) => {
    const names = services.map((service) => containerName(project, service.spec.name));
    let restarts = 0;
    const exited = async () => {
      for (const name of names) {
        const details = await runtime.inspectContainer(name);
        if (!details) return `container ${name} was removed`;
        if (details.state === 'running' || details.state === 'restarting') continue;
        if (restarts < maxStaleSessionRestarts && staleBrokerSession.test(await runtime.containerLogs(name, 200))) {
          restarts += 1;
          await runtime.startContainer(name);
          continue;
        }
        return `container ${name} stopped (${details.state}, exit code ${details.exitCode})`;
      }
      return null;
    };
    try {
      await waitFor(strategy, { timeoutMs, gaveUp: exited, signal });
    } catch (error) {
      if (!(error instanceof NotReadyError)) throw error;
      const logs = await Promise.all(names.map((name) => runtime.containerLogs(name, logLinesScanned).catch(() => '')));
      const shown = names.map((name, index) => {
        const tail = logs[index]!.trimEnd().split('\n').slice(-logLinesOnFailure).join('\n');
        return `--- last ${logLinesOnFailure} log lines of ${name} ---\n${tail || '(no logs)'}`;
      });
      const cause = logs.map(likelyCause).find((found) => found !== null);
      throw new NotReadyError(`${error.message}\n${shown.join('\n')}${cause ? `\nLikely cause: ${cause}.` : ''}`, {
        hint: `Read the log above for the cause; 'kafka-dev logs' shows more. Run 'kafka-dev up --keep-on-failure' to keep the containers for inspection.`,
        cause: error,
      });
    }
  };

  /**
   * ZooKeeper is waited for on its own (its answer names the problem best); dedicated KRaft
   * controllers are proved by the brokers registering.
   */
  const waitForZookeeper = (): Step[] => {
    if (config.mode !== 'zookeeper') return [];
    return [
      {
        title: 'Wait for ZooKeeper',
        async run(signal) {
          const host = reachableHost(config.zookeeper.bind);
          await waitForServices(new ZookeeperReady(host, config.zookeeper.port), servicesWithRole('zookeeper'), signal);
          return `answers on ${host}:${config.zookeeper.port}`;
        },
      },
    ];
  };

  const steps: Step[] = [
    {
      title: 'Connect to the Docker engine',
      async run() {
        const info = await runtime.info();
        return `Docker ${info.version} (API ${info.apiVersion})`;
      },
    },
    {
      title: 'Plan',
      async run() {
        const labels = projectLabels(project);
        const [containers, networks, volumes, allContainers] = await Promise.all([
          runtime.listContainers(labels),
          runtime.listNetworks(labels),
          runtime.listVolumes(labels),
          runtime.listContainers(),
        ]);
        plan = planUp(
          model,
          { containers, allContainers, networks: networks.map((network) => network.name), volumes: volumes.map((volume) => volume.name) },
          { forceRecreate: options.forceRecreate },
        );
        assertNoBlockers(plan);
        assertVolumesMatchCluster(config, volumes);
        await assertPortsFree(plan, allContainers);
        return describePlan(plan);
      },
    },
    {
      title: 'Check images',
      async run() {
        const images = [...new Set(planned().services.filter((s) => s.action !== 'keep').map((s) => s.spec.image))];
        const pulled: string[] = [];
        for (const image of images) {
          if (await runtime.imageExists(image)) continue;
          await runtime.pullImage(image);
          pulled.push(image);
        }
        return pulled.length > 0 ? `pulled ${pulled.join(', ')}` : `present: ${images.join(', ') || 'nothing needed'}`;
      },
    },
    {
      title: 'Create network and volumes',
      async run() {
        const { network, volumes, orphans } = planned();
        for (const orphan of orphans) await stopAndRemove(orphan.id);
        if (!network.exists) {
          await runtime.createNetwork(network.name, { ...projectLabels(project), [composeLabel.network]: 'default' });
          created.network = network.name;
        }
        const missing = volumes.filter((volume) => !volume.exists);
        for (const volume of missing) {
          await runtime.createVolume(volume.name, {
            ...projectLabels(project),
            [composeLabel.volume]: volume.volume,
            [clusterLabel]: clusterIdentity(config),
          });
          created.volumes.push(volume.name);
        }
        return `network ${network.name}${network.exists ? ' (kept)' : ''}, ${missing.length} new volume(s), ${volumes.length - missing.length} kept`;
      },
    },
    {
      // All at once: brokers wait for ZooKeeper or the controllers themselves, so their JVMs boot in parallel.
      title: 'Start containers',
      run: () => startServices(planned().services),
    },
    ...waitForZookeeper(),
    {
      title: 'Wait for brokers',
      async run(signal) {
        const brokers = servicesWithRole('broker');
        const expected = brokers.map(({ spec }) => {
          const { outside } = spec.node!.broker!;
          return { id: spec.node!.id, address: `${outside.host}:${outside.port}` };
        });
        await waitForServices(new BrokersRegistered(expected), brokers, signal);
        return `${expected.length} of ${expected.length} answer and are registered, at ${bootstrap.host.join(',')}`;
      },
    },
    {
      title: 'Reconcile topics',
      async run() {
        topics = await withAdmin(
          bootstrap.host,
          (admin) => reconcileTopics(admin, config.topics, { prune: options.prune }),
          whileClusterSettles,
        );
        return summarizeReconciled(topics, Boolean(options.verbose));
      },
    },
    ...(options.smoke === false
      ? []
      : [
          {
            title: 'Smoke check',
            async run(signal: AbortSignal) {
              smoke = await runSmoke(config, runtime, { messages: options.smokeMessages, signal });
              if (!smoke.passed) throw smokeFailure(smoke);
              return summarizeSmoke(smoke);
            },
          },
        ]),
  ];

  return {
    lock: project,
    steps,
    async onFailure() {
      if (options.keepOnFailure) return;
      // Brokers first, so they deregister while ZooKeeper or the controllers still run.
      const brokersFirst = [...created.containers].sort((a, b) => Number(b.role === 'broker') - Number(a.role === 'broker'));
      for (const { id } of brokersFirst) await stopAndRemove(id, cleanupStopTimeoutSeconds).catch(() => undefined);
      if (created.network) await runtime.removeNetwork(created.network).catch(() => undefined);
      for (const volume of created.volumes) await runtime.removeVolume(volume).catch(() => undefined);
    },
    result: () => {
      if (!topics) throw new KafkaDevError('internal: up steps ran out of order');
      return { project, plan: describePlan(planned()), topics, smoke, bootstrapServers: bootstrap };
    },
  };
}

/**
 * Kafka refuses data written by another cluster (InconsistentClusterIdException) or another mode,
 * so volumes carry the cluster they were made for, and a mismatch stops `up` before it starts.
 */
function assertVolumesMatchCluster(config: ResolvedConfig, volumes: readonly NamedResource[]): void {
  const expected = clusterIdentity(config);
  const foreign = volumes.filter((volume) => volume.labels[clusterLabel] && volume.labels[clusterLabel] !== expected);
  if (foreign.length === 0) return;
  const found = foreign[0]!.labels[clusterLabel]!;
  const keep = found.startsWith('kraft:') ? ` or keep the data with clusterId: '${found.slice('kraft:'.length)}' in the config` : '';
  throw new ConfigError(config.source, [
    {
      path: config.mode === 'kraft' && found.startsWith('kraft:') ? 'clusterId' : 'mode',
      message: `volume${foreign.length > 1 ? 's' : ''} ${foreign.map((v) => v.name).join(', ')} hold${foreign.length > 1 ? '' : 's'} data of cluster '${found}', but this config runs '${expected}'; start fresh with 'kafka-dev down --volumes' (deletes that data)${keep}`,
    },
  ]);
}

function assertNoBlockers(plan: UpPlan): void {
  if (plan.blockers.length === 0) return;
  const names = plan.blockers.map((container) => {
    const owner = container.labels[composeLabel.project];
    return `'${container.name}' (${owner ? `compose project '${owner}'` : 'not made by Compose or kafka-dev'}, image ${container.image})`;
  });
  throw new KafkaDevError(`Cannot start: container ${names.join(', ')} already uses a name this stack needs. Nothing was changed.`, {
    hint: `Remove it (docker rm -f ${plan.blockers.map((c) => c.name).join(' ')}), choose another project name (-p), or run 'kafka-dev up --force-recreate' to replace it.`,
  });
}
