/** The discovery's inputs read from this machine: its environment, home, files and sockets. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { DiscoveryInputs } from './discovery.js';

export function machineDiscoveryInputs(contextFlag?: string): DiscoveryInputs {
  return {
    ...(contextFlag !== undefined && { contextFlag }),
    env: process.env,
    platform: process.platform,
    home: homedir(),
    readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    listDir: (path) => (existsSync(path) ? readdirSync(path) : []),
    exists: existsSync,
  };
}
