import { describe, expect, test } from 'vitest';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { configFromCompose } from '../../../src/init/from-compose.js';

// The shape of cp-all-in-one's Connect worker next to a cp-kafka broker.
const compose = `
services:
  zookeeper:
    image: confluentinc/cp-zookeeper:7.9.1
    environment:
      ZOOKEEPER_CLIENT_PORT: 2181
  kafka:
    image: confluentinc/cp-kafka:7.9.1
    ports: ['9092:9092']
    environment:
      KAFKA_BROKER_ID: 1
      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181
      KAFKA_LISTENERS: INSIDE://0.0.0.0:9093,OUTSIDE://0.0.0.0:9092
      KAFKA_ADVERTISED_LISTENERS: INSIDE://kafka:9093,OUTSIDE://localhost:9092
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INSIDE:PLAINTEXT,OUTSIDE:PLAINTEXT
      KAFKA_INTER_BROKER_LISTENER_NAME: INSIDE
  connect:
    image: confluentinc/cp-kafka-connect:7.9.1
    ports: ['18083:8083']
    environment:
      CONNECT_BOOTSTRAP_SERVERS: kafka:9093
      CONNECT_GROUP_ID: compose-connect-group
      CONNECT_REST_ADVERTISED_HOST_NAME: connect
`;

describe('init --from-compose with a Kafka Connect worker', () => {
  test('becomes connect with its published REST port and image, and a note that connectors are declared in the config', () => {
    const { config, notCarried } = configFromCompose(parseComposeDocument(compose, 'docker-compose.yml'));
    expect(config.connect).toEqual({ port: 18083, image: 'confluentinc/cp-kafka-connect:7.9.1' });
    expect(config.services).toBeUndefined();
    expect(notCarried).toContain('connect: a Kafka Connect worker; its connectors are kept by Connect, not in the compose file: declare them in connect.connectors');
  });
});
