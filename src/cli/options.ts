import type { LoadConfigOptions } from '../config/load.js';

/** Flags every command accepts; the CLI wins over the config file. */
export interface GlobalFlags {
  config?: string;
  projectName?: string;
}

export function loadOptions(flags: GlobalFlags): LoadConfigOptions {
  return {
    configFile: flags.config,
    overrides: flags.projectName === undefined ? {} : { name: flags.projectName },
  };
}

/** Seconds from a flag, validated, in milliseconds. */
export function secondsFlag(name: string, value: unknown, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new TypeError(`--${name} expects a number of seconds greater than 0, got '${String(value)}'`);
  }
  return seconds * 1000;
}
