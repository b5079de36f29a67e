/**
 * How a Connect worker image is configured, read from the `connect:` section of
 * `templates/flavors/<flavor>.yaml`: either an env contract (every variable with a prefix becomes
 * a worker property) or a command that takes the worker properties as its arguments.
 */
import { z } from 'zod';
import { readFlavorFile } from '../flavor.js';
import type { ConnectFlavor } from '../types.js';

const connectSection = z.object({
  images: z.array(z.string()),
  /** Where the image's own connectors are; kafka-dev adds the mounted plugin folders. */
  pluginPath: z.array(z.string()),
  propertiesEnvPrefix: z.string().optional(),
  /** Run with one `key=value` argument per worker property after these words. */
  command: z.array(z.string()).optional(),
});

export type ConnectFlavorData = z.infer<typeof connectSection>;

const loaded = new Map<ConnectFlavor, ConnectFlavorData>();

export function connectFlavor(name: ConnectFlavor): ConnectFlavorData {
  let data = loaded.get(name);
  if (!data) {
    const file = readFlavorFile(name) as { connect?: unknown };
    data = connectSection.parse(file.connect);
    loaded.set(name, data);
  }
  return data;
}

/** A worker property as cp-kafka-connect's variable: the inverse of its env_to_props (`.` -> `_`, `_` -> `__`, `-` -> `___`). */
export function propertyToEnv(prefix: string, key: string): string {
  return prefix + key.replace(/[-_.]/g, (character) => envSpelling[character]!).toUpperCase();
}

const envSpelling: Readonly<Record<string, string>> = { '-': '___', _: '__', '.': '_' };
