export { defineConfig } from './config/define.js';
export { loadConfig, findConfigFile } from './config/load.js';
export { parseConfig } from './config/parse.js';
export type * from './config/types.js';
export { renderCompose } from './render/compose.js';
export { buildStackModel } from './render/model.js';
export { brokerServices, bootstrapServers } from './render/listeners.js';
export * from './errors.js';
