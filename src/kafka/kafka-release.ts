/**
 * A broker's Kafka release told from its ApiVersions answer, which every broker gives to any
 * client before authentication. Each release below raised the newest version of some request
 * every broker serves (read from the `validVersions` of the request definitions in
 * kafka-clients 3.5.2 to 4.4.0, unstable versions left out since brokers do not offer them);
 * a broker is the newest release whose mark it reaches. Pure.
 */

export interface ApiVersionRange {
  readonly apiKey: number;
  readonly maxVersion: number;
}

export interface KafkaRelease {
  /** `major.minor`, e.g. `3.9`. */
  readonly version: string;
  /** Newer than this table knows, or older: the release is at least (or at most) `version`. */
  readonly bound?: 'or later' | 'or older';
}

/** Newest first: the release, the request (api key) it raised, and the version it raised it to. */
const marks: readonly (readonly [version: string, apiKey: number, maxVersion: number, request: string])[] = [
  ['4.4', 42, 3, 'DeleteGroups'],
  ['4.3', 35, 5, 'DescribeLogDirs'],
  ['4.2', 8, 10, 'OffsetCommit'],
  ['4.1', 0, 13, 'Produce'],
  ['4.0', 0, 12, 'Produce'],
  ['3.9', 1, 17, 'Fetch'],
  ['3.8', 0, 11, 'Produce'],
  ['3.7', 0, 10, 'Produce'],
  ['3.6', 24, 4, 'AddPartitionsToTxn'],
];

/** The oldest release the admin client speaks to; a broker below every mark is this or older. */
const oldest = '3.5';

export function kafkaReleaseOf(apis: readonly ApiVersionRange[]): KafkaRelease {
  const maxOf = new Map(apis.map((api) => [api.apiKey, api.maxVersion]));
  const index = marks.findIndex(([, apiKey, maxVersion]) => (maxOf.get(apiKey) ?? -1) >= maxVersion);
  if (index === -1) return { version: oldest, bound: 'or older' };
  return { version: marks[index]![0], ...(index === 0 && { bound: 'or later' }) };
}

/** The oldest of the brokers' releases: what the whole cluster can be relied on to have. */
export function oldestRelease(releases: readonly KafkaRelease[]): KafkaRelease | undefined {
  const rank = (release: KafkaRelease) => (release.bound === 'or older' ? marks.length : marks.findIndex(([version]) => version === release.version));
  return [...releases].sort((a, b) => rank(b) - rank(a))[0];
}

/** `Kafka 3.9`, `Kafka 4.4 or later`. */
export const describeRelease = (release: KafkaRelease): string => `Kafka ${release.version}${release.bound ? ` ${release.bound}` : ''}`;
