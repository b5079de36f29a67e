import type { LoadConfigOptions } from '../config/load.js';
import { InvalidArgumentsError } from '../base/errors.js';
import type { UserConfig } from '../model/types.js';

/** Flags every command accepts; the CLI wins over the config file. */
export interface GlobalFlags {
  config?: string;
  projectName?: string;
  mode?: string;
  brokers?: string | number;
  controllers?: string | number;
}

/** Flags become config fields and go through the same validation as the file. */
export function loadOptions(flags: GlobalFlags): LoadConfigOptions {
  const overrides: Record<string, unknown> = {
    name: flags.projectName,
    mode: flags.mode,
    brokers: numberOrText(flags.brokers),
    controllers: numberOrText(flags.controllers),
  };
  return {
    configFile: flags.config,
    overrides: Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as UserConfig,
  };
}

function numberOrText(value: string | number | undefined): number | string | undefined {
  if (value === undefined || typeof value === 'number') return value;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Seconds from a flag, validated, in milliseconds. */
export function secondsFlag(name: string, value: unknown, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentsError(`--${name}`, [{ path: '', message: `got '${String(value)}', expected a number of seconds greater than 0` }]);
  }
  return seconds * 1000;
}

/** A whole number of at least 1 from a flag, validated. */
export function countFlag(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`--${name} expects a whole number of at least 1, got '${String(value)}'`);
  }
  return count;
}
