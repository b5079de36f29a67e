import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ImageFlavor } from './types.js';

/** What differs between image families, read from `templates/flavors/<name>.yaml`. */
const environment = z.record(z.string(), z.coerce.string());
const flavorSchema = z.object({
  description: z.string(),
  modes: z.array(z.enum(['zookeeper', 'kraft'])),
  zookeeper: z.object({ dataVolumes: z.record(z.string(), z.string()), environment }).optional(),
  kafka: z.object({
    dataVolumes: z.record(z.string(), z.string()),
    environment,
    brokerEnvironment: environment,
    zookeeperModeEnvironment: environment.optional(),
    kraftModeEnvironment: environment,
    settingsEnv: z.object({
      prefix: z.string(),
      replace: z.array(z.tuple([z.string(), z.string()])),
    }),
    tools: z.object({ topics: z.string(), consoleProducer: z.string(), consoleConsumer: z.string() }),
  }),
});

export type Flavor = z.infer<typeof flavorSchema>;

const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
const loaded = new Map<ImageFlavor, Flavor>();

export function loadFlavor(name: ImageFlavor): Flavor {
  let flavor = loaded.get(name);
  if (!flavor) {
    const file = `${templatesDir}flavors/${name}.yaml`;
    flavor = flavorSchema.parse(parseYaml(readFileSync(file, 'utf8')));
    loaded.set(name, flavor);
  }
  return flavor;
}

/** `log.retention.hours` -> `KAFKA_LOG_RETENTION_HOURS`, following the flavor's escapes. */
export function settingToEnv(flavor: Flavor, key: string): string {
  const { prefix, replace } = flavor.kafka.settingsEnv;
  const escaped = replace.reduce((name, [from, to]) => name.split(from).join(to), key);
  return prefix + escaped.toUpperCase();
}

/** Fills `${name}` placeholders; an unknown placeholder is a bug in a template, so it throws. */
export function fillPlaceholders(
  environment: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string | number>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, template]) => [
      name,
      template.replace(/\$\{([\w.]+)\}/g, (_, key: string) => {
        const value = values[key];
        if (value === undefined) throw new Error(`template placeholder \${${key}} in ${name} has no value`);
        return String(value);
      }),
    ]),
  );
}
