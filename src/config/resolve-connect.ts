/** `connect` with its defaults: the worker image and its contract, plugin folders made absolute, connector values as strings. */
import { dirname, resolve } from 'node:path';
import { defaults, imageEnv } from '../model/defaults.js';
import type { ConnectConfig, ConnectFlavor, ResolvedConfig, ResolvedConnect } from '../model/types.js';

type Environment = Readonly<Record<string, string | undefined>>;

export function resolveConnect(
  user: ConnectConfig | undefined,
  { source, env, images }: { source: string; env: Environment; images: ResolvedConfig['images'] },
): ResolvedConnect | undefined {
  if (!user) return undefined;
  const image = env[imageEnv.connect] || user.image || defaultConnectImage(images);
  const baseDir = dirname(source);
  return {
    workers: user.workers ?? defaults.connect.workers,
    port: user.port ?? defaults.connect.port,
    image,
    // An image kafka-dev cannot place is refused by the rules, which name both ways out.
    flavor: user.flavor ?? connectFlavorOf(image) ?? 'confluent',
    plugins: (user.plugins ?? []).map((folder) => resolve(baseDir, folder)),
    connectors: (user.connectors ?? []).map(({ name, config }) => ({
      name,
      config: Object.fromEntries(Object.entries(config).map(([key, value]) => [key, String(value)])),
    })),
    heap: user.heap ?? defaults.connect.heap,
  };
}

const confluentKafka = /(^|\/)(cp-kafka|cp-server)(?=:|@|$)/;

/**
 * Next to cp-kafka (or cp-server), Confluent's Connect image of the same registry, namespace and
 * tag (a digest names another image and is dropped); with apache/kafka, the Kafka image itself.
 */
export function defaultConnectImage(images: ResolvedConfig['images']): string {
  if (images.flavor === 'apache') return images.kafka;
  const kafka = confluentKafka.test(images.kafka) ? images.kafka : defaults.images.zookeeperMode.kafka;
  return kafka.replace(/@.*$/, '').replace(confluentKafka, '$1$2-connect');
}

/** The contract an image's name tells, if any. */
export function connectFlavorOf(image: string): ConnectFlavor | undefined {
  const path = image.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
  if (/(^|\/)cp-(kafka|server)-connect(-base)?$/.test(path)) return 'confluent';
  if (/(^|\/)(apache\/kafka|apache-kafka)$/.test(path)) return 'apache';
  return undefined;
}
