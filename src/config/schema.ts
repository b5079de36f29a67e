/**
 * Field-by-field shape of a config file. Cross-field rules (port collisions, replication
 * factor against broker count) live in `rules.ts`, where the whole config is known.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { plural, pluralForm } from '../base/plural.js';
import { maxBrokers, maxControllers } from '../model/defaults.js';
import { renderedFlavors } from '../model/flavor.js';
import { knownKafkaVersions } from '../model/kafka-settings/catalog-for.js';
import type { UserConfig } from '../model/types.js';
import { securitySchema } from './security.js';
import { bindAddress, dnsLabel, port } from './schema-fields.js';
import { schemaRegistrySchema, servicesSchema } from './companions-schema.js';
import { connectSchema } from './connect-schema.js';

const kafkaVersionExpected = `expected a Kafka version kafka-dev knows: ${knownKafkaVersions.map((version) => `'${version}'`).join(' or ')}, optionally with a patch ('${knownKafkaVersions.at(-1)}.0')`;
const hostName = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
const settingKey = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/** A JVM heap a development node can run with: below 64m Kafka does not start, and above 64g it is a typo rather than a development broker. */
const heapRange = { min: '64m', max: '64g' } as const;
const unitBytes: Readonly<Record<string, number>> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
const heapBytes = (size: string) => Number(size.slice(0, -1)) * unitBytes[size.slice(-1).toLowerCase()]!;

const heapSize = (formatError: string) =>
  z
    .string()
    .regex(/^\d+[kmg]$/i, { error: formatError })
    .refine((size) => heapBytes(size) >= heapBytes(heapRange.min) && heapBytes(size) <= heapBytes(heapRange.max), {
      error: `expected a heap from ${heapRange.min} to ${heapRange.max}`,
    });

export const topicNamePattern = /^[a-zA-Z0-9._-]{1,249}$/;

const settings = z.record(
  z.string().regex(settingKey, { error: 'expected a Kafka setting name such as log.retention.hours' }),
  z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' }),
);

const count = (noun: string, { min = 1, max }: { min?: number; max?: number } = {}) => {
  // "a number of" takes the plural, as a count of zero does.
  const base = z.number({ error: `expected a number of ${pluralForm(0, noun)}` }).int({ error: 'expected a whole number' });
  const atLeast = base.min(min, { error: `expected at least ${plural(min, noun)}` });
  return max === undefined ? atLeast : atLeast.max(max, { error: `expected at most ${plural(max, noun)}` });
};

const topic = z.strictObject({
  name: z
    .string({ error: 'expected a topic name' })
    .regex(topicNamePattern, {
      error: "expected a topic name of 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'",
    })
    .refine((name) => name !== '.' && name !== '..', { error: "'.' and '..' are not valid topic names" }),
  partitions: count('partition').optional(),
  replicationFactor: count('replica').optional(),
  config: settings.optional(),
});

export const userConfigSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, {
      error: 'expected a compose project name: lower-case letters, digits, "-" and "_", starting with a letter or digit',
    })
    .optional(),
  mode: z.enum(['zookeeper', 'kraft'], { error: "expected 'zookeeper' or 'kraft'" }).optional(),
  brokers: count('broker', { max: maxBrokers }).optional(),
  controllers: count('controller', { min: 0, max: maxControllers }).optional(),
  clusterId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, { error: 'expected 22 characters of base64url (16 random bytes), as kafka-storage random-uuid prints' })
    .optional(),
  listeners: z
    .strictObject({
      inside: z
        .strictObject({
          host: z
            .string()
            .regex(dnsLabel, {
              error:
                "expected the broker's service name on the compose network (a DNS label such as 'kafka'): containers resolve the INSIDE host through Docker's DNS",
            })
            .optional(),
          port: port.optional(),
        })
        .optional(),
      outside: z
        .strictObject({
          host: z
            .string()
            .refine((value) => hostName.test(value) || isIP(value) === 6, { error: 'expected a host name or IP address such as localhost, 127.0.0.1 or ::1' })
            .optional(),
          port: port.optional(),
          bind: bindAddress.optional(),
        })
        .optional(),
      controller: z.strictObject({ port: port.optional() }).optional(),
    })
    .optional(),
  zookeeper: z.strictObject({ port: port.optional(), bind: bindAddress.optional() }).optional(),
  images: z
    .strictObject({
      kafka: z.string().min(1, { error: 'expected an image reference' }).optional(),
      zookeeper: z.string().min(1, { error: 'expected an image reference' }).optional(),
      flavor: z.enum(renderedFlavors(), { error: `expected ${renderedFlavors().map((name) => `'${name}'`).join(' or ')}` }).optional(),
    })
    .optional(),
  kafkaVersion: z
    .string({ error: kafkaVersionExpected })
    .refine((value) => /^\d+\.\d+(\.\d+)?$/.test(value) && (knownKafkaVersions as string[]).includes(value.split('.').slice(0, 2).join('.')), { error: kafkaVersionExpected })
    .optional(),
  topics: z.array(topic, { error: 'expected a list of topics' }).optional(),
  brokerConfig: settings.optional(),
  heap: z
    .strictObject({
      kafka: heapSize("expected a JVM heap size such as '512m' or '1g'").optional(),
      zookeeper: heapSize("expected a JVM heap size such as '256m'").optional(),
    })
    .optional(),
  security: securitySchema.optional(),
  schemaRegistry: schemaRegistrySchema.optional(),
  services: servicesSchema.optional(),
  connect: connectSchema(heapSize("expected a JVM heap size such as '512m'")).optional(),
}, { error: 'expected the config object, as in export default defineConfig({ ... })' }) satisfies z.ZodType<UserConfig>;
