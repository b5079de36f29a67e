/**
 * Field-by-field shape of the companions: `schemaRegistry` and `services`. Which names
 * `dependsOn` may use and which ports clash are judged in rules, where the whole stack is known.
 */
import { z } from 'zod';
import { parsePortMapping, parseVolumeMapping, type Parsed } from '../model/companions/mappings.js';
import type { ReadyConfig, SchemaRegistryConfig, ServiceConfig } from '../model/types.js';
import { defaults } from '../model/defaults.js';
import { bindAddress, dnsLabel, port } from './schema-fields.js';

const imageReference = z.string({ error: 'expected an image reference' }).min(1, { error: 'expected an image reference' });

/** A string that a parser from `mappings.ts` accepts; its problem is the message. */
const mapping = (parse: (text: string) => Parsed<unknown>, expected: string) =>
  z.string({ error: expected }).superRefine((text, context) => {
    const parsed = parse(text);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.problem, input: text });
  });

const regularExpression = z.string({ error: 'expected a regular expression a log line matches' }).superRefine((text, context) => {
  try {
    new RegExp(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `expected a regular expression (${(error as Error).message})`, input: text });
  }
});

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL the host reaches, such as 'http://localhost:8080/health'" });

const readyKeys = ['http', 'tcp', 'log', 'command'] as const;

export const readySchema = z
  .strictObject({
    http: httpUrl.optional(),
    tcp: port.optional(),
    log: regularExpression.optional(),
    command: z
      .array(z.string({ error: 'expected a word of the command' }), { error: "expected the command as a list of words, such as ['curl', '-f', 'http://localhost:8080']" })
      .min(1, { error: 'expected at least the program to run' })
      .optional(),
  })
  .refine((ready) => readyKeys.filter((key) => ready[key] !== undefined).length === 1, {
    error: `expected exactly one of ${readyKeys.join(', ')}, such as { http: 'http://localhost:8080/health' } or { log: 'Started' }`,
  })
  .transform((ready) => ready as ReadyConfig);

export const serviceSchema = z.strictObject({
  image: imageReference,
  environment: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, { error: 'expected an environment variable name' }), z.string({ error: 'expected a string' })).optional(),
  ports: z.array(mapping((text) => parsePortMapping(text, defaults.services.bind), "expected a port mapping such as '8080:8080'"), { error: 'expected a list of port mappings' }).optional(),
  volumes: z.array(mapping((text) => parseVolumeMapping(text, '/'), "expected a volume mapping such as 'data:/data'"), { error: 'expected a list of volume mappings' }).optional(),
  dependsOn: z.array(z.string({ error: 'expected a service name' }), { error: 'expected a list of service names' }).optional(),
  command: z.array(z.string({ error: 'expected a word of the command' }), { error: 'expected the command as a list of words' }).min(1, { error: 'expected at least the program to run' }).optional(),
  ready: readySchema.optional(),
}) satisfies z.ZodType<ServiceConfig>;

export const servicesSchema = z.record(
  z.string().regex(dnsLabel, { error: "expected a service name: a DNS label of lower-case letters, digits and '-' such as 'myapp'" }),
  serviceSchema,
  { error: 'expected services by name, such as { myapp: { image: ... } }' },
);

export const schemaRegistrySchema = z.strictObject({
  port: port.optional(),
  bind: bindAddress.optional(),
  flavor: z.enum(['confluent', 'apicurio'], { error: "expected 'confluent' or 'apicurio'" }).optional(),
  storage: z.enum(['kafka', 'memory'], { error: "expected 'kafka' or 'memory'" }).optional(),
  image: imageReference.optional(),
}) satisfies z.ZodType<SchemaRegistryConfig>;
