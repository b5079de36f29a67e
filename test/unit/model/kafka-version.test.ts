import { describe, expect, test } from 'vitest';
import { configOverrides } from '../../../src/api.js';
import { InvalidArgumentsError } from '../../../src/base/errors.js';
import { chooseImages } from '../../../src/model/images.js';
import type { ImagesConfig, Mode } from '../../../src/model/types.js';

const digest = `sha256:${'4'.repeat(64)}`;

interface Case {
  name: string;
  version: string;
  images?: ImagesConfig;
  mode?: Mode;
  env?: Record<string, string>;
}

describe('kafkaVersion picks the image tag for the flavor', () => {
  test.each<Case & { chosen: object }>([
    { name: '3.9 in ZooKeeper mode: the newest cp 7.9 for Kafka and ZooKeeper', version: '3.9', chosen: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'confluent' } },
    { name: '4.4 in KRaft mode: the newest apache/kafka 4.4', version: '4.4', mode: 'kraft', chosen: { kafka: 'apache/kafka:4.4.0', flavor: 'apache' } },
    { name: 'a patch, where the tag is Kafka’s own version', version: '3.9.1', mode: 'kraft', chosen: { kafka: 'apache/kafka:3.9.1' } },
    { name: 'the configured image, retagged (a config init wrote)', version: '4.4', mode: 'kraft', images: { kafka: 'apache/kafka:4.1.1' }, chosen: { kafka: 'apache/kafka:4.4.0' } },
    { name: 'a registry with a port and no tag', version: '4.4', mode: 'kraft', images: { kafka: 'registry.local:5000/apache/kafka' }, chosen: { kafka: 'registry.local:5000/apache/kafka:4.4.0' } },
    { name: 'cp-kafka in KRaft mode on 3.9', version: '3.9', mode: 'kraft', images: { kafka: 'confluentinc/cp-kafka:7.8.0' }, chosen: { kafka: 'confluentinc/cp-kafka:7.9.11', flavor: 'confluent' } },
    { name: 'an env image of that version, kept', version: '4.4', mode: 'kraft', env: { KAFKA_DEV_KAFKA_IMAGE: 'kafka-dev-local/apache-kafka:4.4' }, chosen: { kafka: 'kafka-dev-local/apache-kafka:4.4' } },
    { name: 'an env cp image of that line, kept', version: '3.9', env: { KAFKA_DEV_KAFKA_IMAGE: 'kafka-dev-local/cp-kafka:7.9' }, chosen: { kafka: 'kafka-dev-local/cp-kafka:7.9', zookeeper: 'confluentinc/cp-zookeeper:7.9.11' } },
  ])('$name', ({ version, images, mode = 'zookeeper', env = {}, chosen }) => {
    const choice = chooseImages(images, mode, env, version);
    expect(choice.issues).toEqual([]);
    expect(choice.images).toMatchObject(chosen);
  });

  test.each<Case & { path: string; message: RegExp }>([
    { name: 'Kafka 4 in ZooKeeper mode', version: '4.4', path: 'kafkaVersion', message: /got '4\.4', but Kafka 4 has no ZooKeeper mode; expected '3\.9' for confluent images in mode 'zookeeper', or mode 'kraft'/ },
    { name: 'a line the flavor has no tag for', version: '4.4', mode: 'kraft', images: { kafka: 'confluentinc/cp-kafka:7.9.11' }, path: 'kafkaVersion', message: /got '4\.4', a Kafka version kafka-dev does not run with confluent images; expected '3\.9'/ },
    { name: 'a patch on vendor-versioned tags', version: '3.9.2', path: 'kafkaVersion', message: /confluent images are tagged by their vendor's version, so only Kafka's line can be chosen; expected '3\.9' \(runs tag 7\.9\.11\)/ },
    { name: 'an env image of another version', version: '3.9', mode: 'kraft', env: { KAFKA_DEV_KAFKA_IMAGE: 'kafka-dev-local/apache-kafka:4.4' }, path: 'KAFKA_DEV_KAFKA_IMAGE', message: /got 'kafka-dev-local\/apache-kafka:4\.4' \(from the environment\), which runs Kafka 4\.4, but kafkaVersion asks for '3\.9'; expected an image of Kafka 3\.9/ },
    { name: 'an image pinned by digest', version: '4.4', mode: 'kraft', images: { kafka: `apache/kafka:4.1.1@${digest}` }, path: 'images.kafka', message: /pinned by digest, so kafkaVersion cannot choose its tag/ },
  ])('refuses $name, naming $path', ({ version, images, mode = 'zookeeper', env = {}, path, message }) => {
    const { issues } = chooseImages(images, mode, env, version);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toMatch(message);
  });
});

describe('--kafka-version', () => {
  test.each(['4.2', '4', '5.0', 'latest', '4.4.x', ' 4.4'])('refuses %j naming the flag and the versions kafka-dev knows', (text) => {
    const refuse = () => configOverrides('kafka-dev up', { kafkaVersion: text }, () => '--kafka-version');
    expect(refuse).toThrow(InvalidArgumentsError);
    try {
      refuse();
    } catch (error) {
      const [issue] = (error as InvalidArgumentsError).issues;
      expect(issue!.path).toBe('--kafka-version');
      expect(issue!.message).toMatch(/expected a Kafka version kafka-dev knows: '3\.9' or '4\.4', optionally with a patch/);
    }
  });

  test.each(['3.9', '4.4', '4.4.0', '3.9.2'])('takes %j as the kafkaVersion field', (text) => {
    expect(configOverrides('kafka-dev up', { kafkaVersion: text }, () => '--kafka-version')).toEqual({ kafkaVersion: text });
  });
});
