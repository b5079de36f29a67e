/** What `up` will do, computed from plain data before anything is touched (plan, then apply). */
import { plural } from '../base/plural.js';
import type { ServiceSpec, StackModel } from '../model/stack.js';
import type { ContainerSummary } from './runtime.js';
import { composeLabel, configHash, containerName, madeFrom, networkName, volumeName } from './labels.js';

export type ServiceAction = 'create' | 'recreate' | 'start' | 'keep';

export interface ServicePlan {
  readonly spec: ServiceSpec;
  readonly action: ServiceAction;
  readonly hash: string;
  /** The container found for this service, if any. */
  readonly existing?: ContainerSummary;
}

export interface UpPlan {
  readonly project: string;
  readonly network: { readonly name: string; readonly exists: boolean };
  readonly volumes: readonly { readonly name: string; readonly volume: string; readonly exists: boolean }[];
  readonly services: readonly ServicePlan[];
  /** Containers of this project whose service is no longer in the config. */
  readonly orphans: readonly ContainerSummary[];
  /** Containers that hold a service's container name without being this project's (made by hand, or by another tool). */
  readonly blockers: readonly ContainerSummary[];
}

export interface ActualState {
  /** Containers carrying this project's label. */
  readonly containers: readonly ContainerSummary[];
  /** Every container on the engine, to find names taken by others. */
  readonly allContainers?: readonly ContainerSummary[];
  readonly networks: readonly string[];
  readonly volumes: readonly string[];
}

export interface PlanOptions {
  /** Recreate every service, and replace containers that merely share a service's name. */
  readonly forceRecreate?: boolean;
}

export function planUp(model: StackModel, actual: ActualState, { forceRecreate = false }: PlanOptions = {}): UpPlan {
  const byService = new Map(actual.containers.map((container) => [container.labels[composeLabel.service], container]));
  const network = networkName(model.project);
  const strangers = model.services.flatMap((spec) => {
    const name = containerName(model.project, spec.name);
    const stranger = (actual.allContainers ?? []).find(
      (container) => container.name === name && container.labels[composeLabel.project] !== model.project,
    );
    return stranger ? [[spec.name, stranger] as const] : [];
  });
  const strangerOf = new Map(strangers);
  return {
    project: model.project,
    network: { name: network, exists: actual.networks.includes(network) },
    volumes: model.volumes.map((volume) => {
      const name = volumeName(model.project, volume);
      return { name, volume, exists: actual.volumes.includes(name) };
    }),
    services: model.services.map((spec) => {
      const hash = configHash(spec);
      const existing = byService.get(spec.name) ?? (forceRecreate ? strangerOf.get(spec.name) : undefined);
      const action = forceRecreate && existing ? 'recreate' : serviceAction(existing, spec);
      return { spec, hash, existing, action };
    }),
    orphans: actual.containers.filter(
      (container) => !model.services.some((spec) => spec.name === container.labels[composeLabel.service]),
    ),
    blockers: forceRecreate ? [] : strangers.map(([, container]) => container),
  };
}

function serviceAction(existing: ContainerSummary | undefined, spec: ServiceSpec): ServiceAction {
  if (!existing) return 'create';
  if (!madeFrom(existing.labels, spec)) return 'recreate';
  return existing.state === 'running' ? 'keep' : 'start';
}

export function isNoop(plan: UpPlan): boolean {
  return (
    plan.network.exists &&
    plan.volumes.every((volume) => volume.exists) &&
    plan.services.every((service) => service.action === 'keep') &&
    plan.orphans.length === 0
  );
}

export function describePlan(plan: UpPlan): string {
  if (isNoop(plan)) return 'nothing to change';
  const parts = plan.services
    .filter((service) => service.action !== 'keep')
    .map((service) => `${service.action} ${service.spec.name}`);
  if (plan.orphans.length > 0) parts.push(`remove ${plan.orphans.map((orphan) => orphan.name).join(', ')}`);
  if (!plan.network.exists) parts.push(`create network ${plan.network.name}`);
  const newVolumes = plan.volumes.filter((volume) => !volume.exists);
  if (newVolumes.length > 0) parts.push(`create ${plural(newVolumes.length, 'volume')}`);
  return parts.join(', ');
}
