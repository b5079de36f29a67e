import { Consumer, MessagesStreamModes, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { startKafka, type RunningKafka } from 'kafka-dev';
import { beforeAll, beforeEach, expect, test } from 'vitest';

const brokers = () => process.env.KAFKA_BROKERS!.split(',');
let kafka: RunningKafka;

beforeAll(async () => {
  // The stack is already up (globalSetup); with reuse this only finds it and checks the topics.
  kafka = await startKafka({ config: './kafka-dev.config.yaml', reuse: true });
});
beforeEach(() => kafka.resetTopics(['orders']));

async function send(values: string[]): Promise<void> {
  const producer = new Producer({ clientId: 'example', bootstrapBrokers: brokers(), serializers: stringSerializers });
  await producer.send({ messages: values.map((value) => ({ topic: 'orders', key: value, value })) });
  await producer.close();
}

/** Everything in the topic: reads until nothing new arrives for a second. */
async function readAll(): Promise<string[]> {
  const consumer = new Consumer({ clientId: 'example', groupId: `example-${Math.random()}`, bootstrapBrokers: brokers(), deserializers: stringDeserializers });
  const stream = await consumer.consume({ topics: ['orders'], mode: MessagesStreamModes.EARLIEST, autocommit: false });
  const values: string[] = [];
  let idle = setTimeout(() => void stream.close(), 5000);
  for await (const message of stream) {
    values.push(message.value as string);
    clearTimeout(idle);
    idle = setTimeout(() => void stream.close(), 1000);
  }
  await consumer.close(true);
  return values.sort();
}

test('an order sent is read back', async () => {
  await send(['order-1', 'order-2', 'order-3']);
  expect(await readAll()).toEqual(['order-1', 'order-2', 'order-3']);
});

test('each test starts with an empty topic', async () => {
  await send(['order-4']);
  expect(await readAll()).toEqual(['order-4']);
});
