/**
 * The flavor registry: everything kafka-dev knows about an image family, read from
 * `templates/flavors/<name>.yaml` over `base.yaml`. Image names, how a tag tells the Kafka
 * version, how settings become environment variables and back, data directories, tools, modes,
 * and (for the families kafka-dev renders) the environment templates.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { packageFile } from '../base/package-files.js';
import { wholeNumber } from '../base/whole-number.js';
import type { ImageFlavor } from './types.js';
import type { ImageReference } from './image-reference.js';

const environment = z.record(z.string(), z.coerce.string());
const variables = z.array(z.string()).default([]);
const dataVolumes = z.record(z.string(), z.string());

const readSchema = z.object({
  description: z.string(),
  render: z.boolean(),
  modes: z.array(z.enum(['zookeeper', 'kraft'])),
  /** Several flavors may share a name (`cp-kafka` vs `apache/kafka`): the longest match wins. */
  images: z.object({ kafka: variables, zookeeper: variables }),
  kafkaVersion: z
    .object({
      latest: z.number().int(),
      byTagMajor: z.record(z.string(), z.number().int()).optional(),
      /** Kafka `major.minor` -> the tag that runs it (kafkaVersion, --kafka-version). */
      tags: z.record(z.string(), z.string()).default({}),
    })
    .optional(),
  kafka: z.object({
    dataVolumes,
    dataDirs: z.array(z.string()).optional(),
    markers: variables,
    settingsEnv: z.object({ prefix: z.string(), replace: z.array(z.tuple([z.string(), z.string()])), notSettings: variables }),
    listenersFromAdvertised: z.boolean(),
    readsUnknownImages: z.boolean().default(false),
    toolEnvironment: environment,
  }),
  zookeeper: z.object({ dataVolumes: dataVolumes.optional(), dataDirs: z.array(z.string()).optional(), markers: variables }).default({ markers: [] }),
});

const renderSchema = z.object({
  zookeeper: z.object({ dataVolumes, environment }).optional(),
  kafka: z.object({
    dataVolumes,
    environment,
    brokerEnvironment: environment,
    zookeeperModeEnvironment: environment.optional(),
    kraftModeEnvironment: environment,
    tools: z.object({ topics: z.string(), consoleProducer: z.string(), consoleConsumer: z.string() }),
    /** What a secured stack relies on: the image's entrypoint, and its storage and configs tools for SCRAM users. */
    security: z.object({ run: z.string(), storageTool: z.string(), configsTool: z.string() }),
  }),
});

type FlavorData = z.infer<typeof readSchema>;

export interface Flavor extends Omit<FlavorData, 'kafka' | 'zookeeper'> {
  readonly name: ImageFlavor;
  readonly kafka: FlavorData['kafka'] & { readonly dataDirs: readonly string[] };
  /** `dataDirs` undefined: where the image keeps ZooKeeper data is not known. */
  readonly zookeeper: FlavorData['zookeeper'];
  /** Environment templates and tools; only for flavors kafka-dev renders. */
  readonly templates?: z.infer<typeof renderSchema>;
}

export type ImageRole = 'kafka' | 'zookeeper';

/** Every flavor file by name; `satisfies` keeps the list and the ImageFlavor type in step. */
const flavorFiles = { confluent: true, apache: true, bitnami: true, wurstmeister: true, zookeeper: true } satisfies Record<ImageFlavor, true>;
export const imageFlavors = Object.keys(flavorFiles) as ImageFlavor[];

/** A flavor file as written (`base` or a flavor's own), before merging and checking. */
export const readFlavorFile = (name: string): unknown => parseYaml(readFileSync(packageFile('templates', 'flavors', `${name}.yaml`), 'utf8'));
const loaded = new Map<ImageFlavor, Flavor>();

export function loadFlavor(name: ImageFlavor): Flavor {
  let flavor = loaded.get(name);
  if (!flavor) {
    const merged = mergeOver(readFlavorFile('base'), readFlavorFile(name));
    const data = readSchema.parse(merged);
    const zookeeperDirs = data.zookeeper.dataDirs ?? (data.zookeeper.dataVolumes && Object.values(data.zookeeper.dataVolumes));
    flavor = {
      ...data,
      name,
      kafka: { ...data.kafka, dataDirs: data.kafka.dataDirs ?? Object.values(data.kafka.dataVolumes) },
      zookeeper: { ...data.zookeeper, ...optionalDirs(zookeeperDirs) },
      ...(data.render && { templates: renderSchema.parse(merged) }),
    };
    loaded.set(name, flavor);
  }
  return flavor;
}

function optionalDirs(dirs: string[] | undefined): { dataDirs?: string[] } {
  return dirs ? { dataDirs: dirs } : {};
}

/** A flavor's own file over the base: mappings merge key by key (base keys first), anything else is replaced. */
function mergeOver(base: unknown, own: unknown): unknown {
  if (!isMapping(base) || !isMapping(own)) return own === undefined ? base : own;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) merged[key] = mergeOver(base[key], value);
  return merged;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The flavors kafka-dev renders a stack for (the others are read from compose files only). */
export function renderedFlavors(): ImageFlavor[] {
  return imageFlavors.filter((name) => loadFlavor(name).render);
}

/** The templates of a flavor kafka-dev renders; the config refuses the others, so a miss is a bug. */
export function flavorTemplates(flavor: Flavor): NonNullable<Flavor['templates']> {
  if (!flavor.templates) throw new Error(`internal: flavor ${flavor.name} is read only and has no templates`);
  return flavor.templates;
}

/** The flavor whose image names (for this role) end the reference's path, the longest such name first. */
export function flavorOfReference(reference: ImageReference, role: ImageRole): ImageFlavor | undefined {
  const components = reference.path.split('/');
  const matches = imageFlavors.flatMap((name) =>
    loadFlavor(name)
      .images[role].map((image) => image.split('/'))
      .filter((image) => image.join('/') === components.slice(-image.length).join('/'))
      .map((image) => ({ name, length: image.length })),
  );
  return matches.sort((a, b) => b.length - a.length)[0]?.name;
}

/** A flavor whose marker variables the environment sets (bitnami's `KAFKA_CFG_*`), for images no flavor names. */
export function flavorOfVariables(variables: readonly string[], role: ImageRole): ImageFlavor | undefined {
  return imageFlavors.find((name) => variables.some((variable) => loadFlavor(name)[role].markers.some((marker) => globMatches(marker, variable))));
}

/** The contract an image no flavor names is read with: the plainest one (`_` as `.`, no escapes). */
export function unknownImageFlavor(): Flavor {
  const flavor = imageFlavors.map(loadFlavor).find((candidate) => candidate.kafka.readsUnknownImages);
  if (!flavor) throw new Error('internal: no flavor file sets kafka.readsUnknownImages');
  return flavor;
}

/** A Kafka version as far as a tag tells it: the major always, the minor when the tag says it. */
export interface KafkaVersion {
  readonly major: number;
  readonly minor?: number;
}

/**
 * Kafka's version from the tag (`latest` when there is none), by the flavor's version line: a tag
 * of Kafka's own version tells major and minor; a vendor's (cp 7.9.x) the major, and the minor
 * where the flavor's `tags` name that line. A digest alone tells nothing.
 */
export function kafkaVersionOfTag(flavor: Flavor, reference: ImageReference): KafkaVersion | undefined {
  const { kafkaVersion } = flavor;
  if (!kafkaVersion || (reference.tag === undefined && reference.digest !== undefined)) return undefined;
  const tag = reference.tag ?? 'latest';
  if (tag === 'latest') return { major: kafkaVersion.latest };
  const [, majorText = '', minorText] = /^(\d+)(?:\.(\d+))?(?:\.\d+)*(?:[-_+.]|$)/.exec(tag) ?? [];
  const tagMajor = wholeNumber(majorText);
  if (tagMajor === undefined) return undefined;
  const tagMinor = minorText === undefined ? undefined : wholeNumber(minorText);
  if (!kafkaVersion.byTagMajor) return { major: tagMajor, ...(tagMinor !== undefined && { minor: tagMinor }) };
  const major = kafkaVersion.byTagMajor[String(tagMajor)];
  if (major === undefined) return undefined;
  const line = Object.entries(kafkaVersion.tags).find(([, known]) => sameLine(known, tagMajor, tagMinor))?.[0];
  return { major, ...(line !== undefined && { minor: Number(line.split('.')[1]) }) };
}

/** Whether a known tag (`7.9.11`) is of the line `major.minor` (7.9). */
function sameLine(tag: string, major: number, minor: number | undefined): boolean {
  return minor !== undefined && tag.split('.').slice(0, 2).join('.') === `${major}.${minor}`;
}

/** Kafka's major version from the tag, as kafkaVersionOfTag reads it. */
export function kafkaMajorOfTag(flavor: Flavor, reference: ImageReference): number | undefined {
  return kafkaVersionOfTag(flavor, reference)?.major;
}

/** `log.retention.hours` -> `KAFKA_LOG_RETENTION_HOURS`, following the flavor's escapes. */
export function settingToEnv(flavor: Flavor, key: string): string {
  const { prefix, replace } = flavor.kafka.settingsEnv;
  const escaped = replace.reduce((name, [from, to]) => name.split(from).join(to), key);
  return prefix + escaped.toUpperCase();
}

/**
 * The broker setting an environment variable stands for, or undefined: `settingToEnv` reversed,
 * the longest escape first in one pass (`___` -> `-`, `__` -> `_`, `_` -> `.`), as the images read them.
 */
export function envToSetting(flavor: Flavor, variable: string): string | undefined {
  const { prefix, replace, notSettings } = flavor.kafka.settingsEnv;
  if (!variable.startsWith(prefix) || notSettings.some((pattern) => globMatches(pattern, variable))) return undefined;
  const unescape = new Map(replace.map(([from, to]) => [to, from]));
  const escapes = [...unescape.keys()].sort((a, b) => b.length - a.length).map((escape) => escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const name = variable.slice(prefix.length).toLowerCase();
  return escapes.length === 0 ? name : name.replace(new RegExp(escapes.join('|'), 'g'), (escape) => unescape.get(escape) ?? escape);
}

/** `KAFKA_JMX_*` matches `KAFKA_JMX_PORT`; without `*` only the name itself. */
function globMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) && name.length > pattern.length - 1 : name === pattern;
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
