export {
  up,
  down,
  status,
  render,
  smoke,
  doctor,
  logs,
  produce,
  consume,
  lint,
  init,
  listTopics,
  describeTopic,
  addTopic,
  deleteTopic,
  loadConfig,
  defaultComposeFile,
  clientEnv,
  clientFormats,
  renderClientSettings,
  type ClientEnv,
  type ClientEnvOptions,
  type ClientFormat,
  type ClientSettings,
  type CommonOptions,
  type StepRunner,
  type TopicListEntry,
  type InitOptions,
  type InitResult,
} from './api.js';
export { defineConfig } from './config/define.js';
export { startKafka, type StartKafkaOptions, type RunningKafka } from './start-kafka.js';
export { startUi, type UiOptions, type RunningUi } from './ui/start-ui.js';
export { findConfigFile, type LoadConfigOptions } from './config/load.js';
export { parseConfig } from './config/parse.js';
export type * from './model/types.js';
export { renderCompose } from './compose/render.js';
export { buildStackModel } from './model/stack.js';
export { clusterNodes, bootstrapServers } from './model/cluster.js';
export type { UpOptions, UpResult } from './stack/up.js';
export type { DownOptions, DownResult } from './stack/down.js';
export type { StackStatus, ServiceStatus } from './health/status.js';
export type { SmokeOptions, SmokeReport, PathReport } from './smoke/smoke.js';
export type { DeliveryStats } from './smoke/stats.js';
export * from './base/errors.js';
