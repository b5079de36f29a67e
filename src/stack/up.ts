import type { ResolvedConfig } from '../model/types.js';
import { bootstrapServers } from '../model/cluster.js';
import { buildStackModel } from '../model/stack.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import { Pipeline } from './pipeline.js';
import type { Operation } from './steps.js';
import { checkImages, createNetworkAndVolumes, startContainers } from './up/apply.js';
import { awaitBrokers, awaitZookeeper } from './up/await-ready.js';
import { CreatedResources } from './up/cleanup.js';
import type { UpContext } from './up/context.js';
import { liveDependencies, type UpDependencies } from './up/dependencies.js';
import type { UpOptions, UpResult } from './up/options.js';
import { planStep } from './up/plan-step.js';
import { checkTopology } from './up/topology-check.js';
import { migrateVolumes } from './up/migrate-volumes.js';
import { prepareSecurityMaterial } from './up/security-material.js';
import { authorizerOn, isSecured } from '../model/security.js';
import { reconcileAclsStep } from './up/acls.js';
import { hasScramUsers, reconcileUsersStep } from './up/users.js';
import { reconcileTopicsStep, smokeStep } from './up/verify.js';
import { reconcileConnectorsStep } from './up/connectors.js';
import { startCompanions } from './up/companions.js';

export type { UpOptions, UpResult } from './up/options.js';
export type { UpDependencies } from './up/dependencies.js';

/**
 * `up`: plan from the config and what exists, check ports and images, then create, start, wait,
 * reconcile topics and smoke-check. Each step receives what the step before it handed on.
 */
export function upOperation(
  config: ResolvedConfig,
  runtime: ContainerRuntime,
  options: UpOptions = {},
  dependencies: UpDependencies = liveDependencies,
): Operation<UpResult> {
  const context: UpContext = { config, model: buildStackModel(config), bootstrap: bootstrapServers(config), runtime, options, dependencies };
  const created = new CreatedResources();
  const prepared = Pipeline.from(undefined)
    .check('Connect to the Docker engine', async () => {
      const info = await runtime.info();
      return `${info.kind ?? 'Docker'} ${info.version} (API ${info.apiVersion})`;
    })
    .step('Plan', () => planStep(context))
    .check('Check images', (plan) => checkImages(context, plan))
    .check('Check brokers and their data', (plan) => checkTopology(context, plan))
    .step('Migrate volumes', (plan) => migrateVolumes(context, plan, created))
    .check('Create network and volumes', (plan) => createNetworkAndVolumes(context, plan, created));
  const secured = isSecured(config.security) ? prepared.check('Prepare TLS and SASL material', () => prepareSecurityMaterial(context)) : prepared;
  const started = secured.check('Start containers', (plan, signal) => startContainers(context, plan, created, signal));
  const zookeeperReady =
    config.mode === 'zookeeper' ? started.check('Wait for ZooKeeper', (plan, signal) => awaitZookeeper(context, plan, signal)) : started;
  const brokersReady = zookeeperReady.check('Wait for brokers', (plan, signal) => awaitBrokers(context, plan, signal));
  const hasCompanions = context.model.services.some((service) => service.companion);
  const reconciled = (hasCompanions ? brokersReady.check('Start and wait for services', (plan, signal) => startCompanions(context, plan, created, signal)) : brokersReady)
    .step('Reconcile topics', (plan) => reconcileTopicsStep(context, plan));
  const withUsers = hasScramUsers(config.security) ? reconciled.check('Reconcile SCRAM users', () => reconcileUsersStep(context)) : reconciled;
  const authorized = authorizerOn(config.security) ? withUsers.check('Reconcile ACLs', () => reconcileAclsStep(context)) : withUsers;
  const { connect } = config;
  const connected = connect ? authorized.step('Reconcile connectors', (result, signal) => reconcileConnectorsStep(context, connect, result, signal)) : authorized;
  const done = options.smoke === false ? connected : connected.step('Smoke check', (result, signal) => smokeStep(context, result, signal));

  return {
    lock: context.model.project,
    steps: done.steps,
    async onFailure() {
      if (!options.keepOnFailure) await created.cleanUp(runtime);
    },
    result: () => done.result(),
  };
}
