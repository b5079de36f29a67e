import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import { chooseImages } from '../../../src/model/images.js';
import type { ImagesConfig, Mode } from '../../../src/model/types.js';

const digest = `sha256:${'4'.repeat(64)}`;

describe('chooseImages', () => {
  test.each<{ name: string; images?: ImagesConfig; mode?: Mode; env?: Record<string, string>; path: string; message: RegExp }>([
    { name: 'upper case', images: { kafka: 'UPPER:tag' }, path: 'images.kafka', message: /got 'UPPER:tag', which has upper-case letters .*expected an image reference such as/ },
    { name: 'a space', images: { kafka: 'a b' }, path: 'images.kafka', message: /got 'a b', which is not an image reference/ },
    { name: 'a newline, escaped', images: { zookeeper: 'zk\n:1' }, path: 'images.zookeeper', message: /got 'zk\\n:1', which is not an image reference/ },
    { name: 'a bare digest', images: { kafka: digest }, path: 'images.kafka', message: /which is a digest without a repository name/ },
    { name: 'a long value, shortened', images: { kafka: `A${'a'.repeat(300)}` }, path: 'images.kafka', message: /got 'Aaaa+…' \(301 characters\)/ },
    { name: 'a bad env override, named', env: { KAFKA_DEV_KAFKA_IMAGE: 'Local/Kafka' }, path: 'KAFKA_DEV_KAFKA_IMAGE', message: /got 'Local\/Kafka' \(from the environment\), which has upper-case/ },
    { name: 'a bad ZooKeeper env override', env: { KAFKA_DEV_ZOOKEEPER_IMAGE: 'zk zk' }, path: 'KAFKA_DEV_ZOOKEEPER_IMAGE', message: /got 'zk zk' \(from the environment\)/ },
    { name: 'a read-only flavor', images: { kafka: 'bitnami/kafka:3.9' }, path: 'images.kafka', message: /follows the 'bitnami' image contract: .* does not render it; expected a cp-kafka or apache\/kafka image \(or set images.flavor to 'confluent' or 'apache'/ },
    { name: 'an unknown image without a tag', images: { kafka: `mycorp/kafka@${digest}` }, path: 'images.kafka', message: /neither its name nor a tag tells .*; set images.flavor to 'confluent' or 'apache'/ },
  ])('refuses $name, naming $path', ({ images, mode = 'zookeeper', env = {}, path, message }) => {
    const { issues } = chooseImages(images, mode, env);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toMatch(message);
  });

  test.each<{ name: string; images?: ImagesConfig; mode?: Mode; env?: Record<string, string>; chosen: object }>([
    { name: 'the defaults', chosen: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'confluent' } },
    { name: 'the KRaft defaults', mode: 'kraft', chosen: { kafka: 'apache/kafka:4.4.0', flavor: 'apache' } },
    { name: 'an env override over the file', images: { kafka: 'mine/kafka:1' }, env: { KAFKA_DEV_KAFKA_IMAGE: 'kafka-dev-local/apache-kafka:4.4' }, mode: 'kraft', chosen: { kafka: 'kafka-dev-local/apache-kafka:4.4', flavor: 'apache' } },
    { name: 'an unknown tagged image, on the mode default', images: { kafka: 'mycorp/kafka:custom' }, chosen: { flavor: 'confluent' } },
    { name: 'an untagged image with its flavor set', images: { kafka: `mycorp/kafka@${digest}`, flavor: 'apache' }, mode: 'kraft', chosen: { flavor: 'apache' } },
    { name: 'a registry with a port and a digest', images: { kafka: `registry.local:5000/team/cp-kafka:7.9.1@${digest}` }, chosen: { flavor: 'confluent' } },
  ])('accepts $name', ({ images, mode = 'zookeeper', env = {}, chosen }) => {
    const choice = chooseImages(images, mode, env);
    expect(choice.issues).toEqual([]);
    expect(choice.images).toMatchObject(chosen);
  });

  test('a digest is never read as the Kafka version, and every problem comes in one ConfigError', () => {
    const parse = (images: ImagesConfig, env: Record<string, string> = {}) => parseConfig({ images }, { source: 'test', defaultName: 'x', env });
    expect(parse({ kafka: `confluentinc/cp-kafka@${digest}` }).images.kafka).toContain('@sha256:');
    expect(() => parse({ kafka: 'UPPER:tag' }, { KAFKA_DEV_ZOOKEEPER_IMAGE: 'a b' })).toThrow(ConfigError);
    try {
      parse({ kafka: 'UPPER:tag' }, { KAFKA_DEV_ZOOKEEPER_IMAGE: 'a b' });
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['images.kafka', 'KAFKA_DEV_ZOOKEEPER_IMAGE']);
    }
  });
});
