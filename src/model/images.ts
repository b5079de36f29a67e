import type { ImageFlavor } from './types.js';

/** What an image reference tells about its contract and Kafka version, for defaults and early errors. */
const flavorPatterns: [RegExp, ImageFlavor][] = [
  [/(^|\/)cp-kafka(:|@|$)/, 'confluent'],
  [/(^|\/)(apache\/kafka|apache-kafka)(:|@|$)/, 'apache'],
];

export function guessFlavor(image: string): ImageFlavor | undefined {
  return flavorPatterns.find(([pattern]) => pattern.test(image))?.[1];
}

/** Kafka's major version from the tag: apache/kafka:4.1.1 -> 4, cp-kafka:7.9.1 -> 3 (Confluent = Kafka + 4). */
export function kafkaMajorVersion(image: string, flavor: ImageFlavor): number | undefined {
  const tag = /:(\d+)(\.\d+)*[^/]*$/.exec(image);
  if (!tag) return undefined;
  const major = Number(tag[1]);
  return flavor === 'confluent' ? major - 4 : major;
}
