/**
 * Field-by-field shape of `connect`. Which connector names repeat, which ports clash and which
 * plugin folders exist are judged in `connect-rules.ts`, where the whole config is known.
 */
import { z } from 'zod';
import type { ConnectConfig } from '../model/types.js';
import { port } from './schema-fields.js';

/** Connect's REST API takes a connector name in a URL path; control characters and '/' break it. */
const connectorName = z
  .string({ error: 'expected a connector name' })
  .regex(/^[^/\p{Cc}]{1,249}$/u, { error: "expected a connector name: 1 to 249 characters, without '/' or control characters" });

const connectorValue = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' });

const connector = z.strictObject({
  name: connectorName,
  config: z.record(z.string().min(1, { error: 'expected a setting name' }), connectorValue, {
    error: "expected the connector's settings, such as { 'connector.class': 'FileStreamSource', file: '/data/in.txt', topic: 'lines' }",
  }),
});

/** `heap`: the heap-size field the rest of the config uses. */
export function connectSchema(heap: z.ZodType<string>) {
  return z.strictObject({
    workers: z
      .number({ error: 'expected a number of workers' })
      .int({ error: 'expected a whole number' })
      .min(1, { error: 'expected at least 1 worker' })
      .max(9, { error: 'expected at most 9 workers, as many as brokers' }),
    port,
    plugins: z.array(z.string({ error: 'expected a folder' }).min(1, { error: 'expected a folder' }), {
      error: "expected a list of folders, such as ['./connectors']",
    }),
    connectors: z.array(connector, { error: 'expected a list of connectors, such as [{ name, config }]' }),
    image: z.string({ error: 'expected an image reference' }).min(1, { error: 'expected an image reference' }),
    flavor: z.enum(['confluent', 'apache'], { error: "expected 'confluent' (cp-kafka-connect) or 'apache' (apache/kafka)" }),
    heap,
  }).partial() satisfies z.ZodType<ConnectConfig>;
}
