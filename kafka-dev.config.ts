import { defineConfig } from 'kafka-dev';

// The stack this repository's own examples and compose/docker-compose.yml use:
// the built-in defaults, spelled out so every knob is visible.
export default defineConfig({
  name: 'kafka-dev',
  mode: 'zookeeper',
  brokers: 1,
  listeners: {
    inside: { host: 'kafka', port: 9093 }, // containers on the compose network: kafka:9093
    outside: { host: 'localhost', port: 9092, bind: '127.0.0.1' }, // programs on the host: localhost:9092
  },
  zookeeper: { port: 2181, bind: '127.0.0.1' },
  images: {
    kafka: 'confluentinc/cp-kafka:7.9.11',
    zookeeper: 'confluentinc/cp-zookeeper:7.9.11',
    flavor: 'confluent',
  },
  topics: [{ name: 'test', partitions: 1, replicationFactor: 1 }],
  heap: { kafka: '512m', zookeeper: '256m' },
});
