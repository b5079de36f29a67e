import { readFileSync } from 'node:fs';
import { Document } from 'yaml';
import type { ResolvedConfig, ResolvedService, ServiceConfig, UserConfig } from '../model/types.js';
import { jsLiteral } from '../base/js-literal.js';
import { packageFile } from '../base/package-files.js';
import { fillTemplate } from './fill-template.js';

/** The formats `kafka-dev init` writes; all three load with `loadConfig`. */
export const configFormats = ['ts', 'json', 'yaml'] as const;
export type ConfigFormat = (typeof configFormats)[number];

export const configFileNames: Readonly<Record<ConfigFormat, string>> = {
  ts: 'kafka-dev.config.ts',
  json: 'kafka-dev.config.json',
  yaml: 'kafka-dev.config.yaml',
};

const templateFile = packageFile('templates', 'init', 'kafka-dev.config.ts.template');

/**
 * Every field of a resolved config that applies to its mode, so the written file shows each knob
 * with its value. The cluster id is written only when it was chosen (the derived one follows the name).
 */
export function spelledOut(config: ResolvedConfig, chosen: { clusterId: boolean }): UserConfig {
  const kraft = config.mode === 'kraft';
  return {
    name: config.name,
    mode: config.mode,
    brokers: config.brokers,
    ...(kraft && { controllers: config.controllers }),
    ...(chosen.clusterId && { clusterId: config.clusterId }),
    listeners: {
      inside: { ...config.listeners.inside },
      outside: { ...config.listeners.outside },
      ...(kraft && { controller: { ...config.listeners.controller } }),
    },
    ...(!kraft && { zookeeper: { ...config.zookeeper } }),
    images: { kafka: config.images.kafka, ...(!kraft && { zookeeper: config.images.zookeeper }) },
    topics: config.topics.map(({ config: settings, ...topic }) => ({ ...topic, ...(Object.keys(settings).length > 0 && { config: { ...settings } }) })),
    brokerConfig: { ...config.brokerConfig },
    heap: kraft ? { kafka: config.heap.kafka } : { ...config.heap },
    ...(config.schemaRegistry && { schemaRegistry: { ...config.schemaRegistry } }),
    ...(config.services.length > 0 && { services: Object.fromEntries(config.services.map((service) => [service.name, serviceConfigOf(service)])) }),
  };
}

/** A resolved service as a config writes it: ports and volumes in Compose's short syntax. */
function serviceConfigOf(service: ResolvedService): ServiceConfig {
  const host = (bind: string) => (bind.includes(':') ? `[${bind}]` : bind);
  const mode = (readOnly: boolean) => (readOnly ? ':ro' : '');
  return {
    image: service.image,
    ...(Object.keys(service.environment).length > 0 && { environment: { ...service.environment } }),
    ...(service.ports.length > 0 && { ports: service.ports.map((port) => `${host(port.bind)}:${port.host}:${port.container}`) }),
    ...(service.volumes.length > 0 && {
      volumes: service.volumes.map((mount) => `${mount.kind === 'volume' ? mount.volume : mount.source}:${mount.target}${mode(mount.readOnly)}`),
    }),
    ...(service.dependsOn.length > 0 && { dependsOn: [...service.dependsOn] }),
    ...(service.command && { command: [...service.command] }),
    ...(service.ready && { ready: service.ready }),
  };
}

/** The file's text; `header` lines open it as comments (TypeScript, YAML) and are left out of JSON. */
export function configFileText(config: UserConfig, format: ConfigFormat, header: readonly string[]): string {
  if (format === 'json') return `${JSON.stringify(config, null, 2)}\n`;
  if (format === 'yaml') {
    const document = new Document(config);
    document.commentBefore = header.map((line) => ` ${line}`).join('\n');
    return document.toString({ lineWidth: 0 });
  }
  const literal = (value: unknown) => (value === undefined ? undefined : jsLiteral(value));
  return fillTemplate(readFileSync(templateFile, 'utf8'), {
    header: header.join('\n'),
    name: literal(config.name),
    mode: literal(config.mode),
    brokers: literal(config.brokers),
    controllers: literal(config.controllers),
    clusterId: literal(config.clusterId),
    'listeners.inside': literal(config.listeners?.inside),
    'listeners.outside': literal(config.listeners?.outside),
    'listeners.controller': literal(config.listeners?.controller),
    zookeeper: literal(config.zookeeper),
    'images.kafka': literal(config.images?.kafka),
    'images.zookeeper': literal(config.images?.zookeeper),
    topics: literal(config.topics),
    brokerConfig: literal(config.brokerConfig),
    heap: literal(config.heap),
    schemaRegistry: literal(config.schemaRegistry),
    services: literal(config.services),
  });
}
