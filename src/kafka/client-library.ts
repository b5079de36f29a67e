/**
 * @platformatic/kafka, loaded on first use. Importing it costs about 0.4 s of CPU (it compiles
 * dozens of JSON-schema validators and loads its schema-registry codecs), which a command that
 * only reads a PLAINTEXT cluster never pays (see plain-reads.ts); `up` starts loading it while
 * the brokers boot. Types are imported directly: they cost nothing at run time.
 */
export type KafkaClientLibrary = typeof import('@platformatic/kafka');

let loading: Promise<KafkaClientLibrary> | undefined;

export function kafkaClientLibrary(): Promise<KafkaClientLibrary> {
  return (loading ??= import('@platformatic/kafka'));
}
