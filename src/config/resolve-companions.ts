/** The companions of a validated config with their defaults: image overrides, flavors, ports and mounts parsed. */
import { dirname } from 'node:path';
import { defaults, imageEnv } from '../model/defaults.js';
import { parsePortMapping, parseVolumeMapping, type Parsed } from '../model/companions/mappings.js';
import type { ResolvedConfig, ResolvedSchemaRegistry, SchemaRegistryConfig, SchemaRegistryFlavor, ServiceConfig } from '../model/types.js';

type Environment = Readonly<Record<string, string | undefined>>;

export function resolveSchemaRegistry(user: SchemaRegistryConfig | undefined, env: Environment): ResolvedSchemaRegistry | undefined {
  if (!user) return undefined;
  const image = env[imageEnv.schemaRegistry] || user.image;
  const flavor = user.flavor ?? (image ? registryFlavorOf(image) : 'confluent');
  const { port, bind, storage, images } = defaults.schemaRegistry;
  return {
    flavor,
    storage: user.storage ?? storage,
    image: image ?? images[flavor],
    port: user.port ?? port,
    bind: user.bind ?? bind,
  };
}

/** Apicurio's images carry its name; any other image is taken for Confluent's contract. */
function registryFlavorOf(image: string): SchemaRegistryFlavor {
  return /apicurio/i.test(image) ? 'apicurio' : 'confluent';
}

/** Folders in volumes are relative to the config file's folder. */
export function resolveServices(user: Readonly<Record<string, ServiceConfig>> | undefined, source: string): ResolvedConfig['services'] {
  const baseDir = dirname(source);
  return Object.entries(user ?? {}).map(([name, service]) => ({
    name,
    image: service.image,
    environment: service.environment ?? {},
    ports: (service.ports ?? []).map((text) => parsed(parsePortMapping(text, defaults.services.bind))),
    volumes: (service.volumes ?? []).map((text) => parsed(parseVolumeMapping(text, baseDir))),
    dependsOn: service.dependsOn ?? [],
    ...(service.command && { command: service.command }),
    ...(service.ready && { ready: service.ready }),
  }));
}

/** The schema already refused what does not parse. */
function parsed<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`internal: ${result.problem}`);
  return result.value;
}
