import type { UserConfig } from '../model/types.js';

/** Identity function that gives a config file its types. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
