import { startKafka } from 'kafka-dev';

export default async function setup() {
  const started = performance.now();
  const kafka = await startKafka({ config: './kafka-dev.config.yaml', reuse: true });
  console.log(`kafka-dev: ${kafka.bootstrapServers.join(',')} ready in ${Math.round(performance.now() - started)} ms`);
  process.env.KAFKA_BROKERS = kafka.bootstrapServers.join(',');
  return () => kafka.stop();
}
