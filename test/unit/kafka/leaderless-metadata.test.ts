import { MultipleErrors, NetworkError, ResponseError } from '@platformatic/kafka';
import { describe, expect, test } from 'vitest';
import { clusterMetadataOf, leaderlessAnswer, topicNamesOf } from '../../../src/kafka/leaderless-metadata.js';

const metadataApi = 3;
const partition = (partitionIndex: number, leaderId: number, replicas: number[], errorCode = 0) => ({
  errorCode,
  partitionIndex,
  leaderId,
  leaderEpoch: 0,
  replicaNodes: replicas,
  isrNodes: leaderId < 0 ? [] : replicas,
  offlineReplicas: leaderId < 0 ? replicas : [],
});
// What a broker answers after `up --force` left `spread` partitions 1 and 2 without their brokers.
const answer = {
  throttleTimeMs: 0,
  brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }],
  clusterId: 'cluster-a',
  controllerId: 1,
  topics: [
    { errorCode: 0, name: 'spread', topicId: 'id-spread', isInternal: false, topicAuthorizedOperations: 0, partitions: [partition(2, -1, [3], 5), partition(0, 1, [1]), partition(1, -1, [2], 5)] },
    { errorCode: 0, name: '__consumer_offsets', topicId: 'id-offsets', isInternal: true, topicAuthorizedOperations: 0, partitions: [partition(0, 1, [1])] },
    { errorCode: 0, name: 'test', topicId: 'id-test', isInternal: false, topicAuthorizedOperations: 0, partitions: [partition(0, 1, [1])] },
  ],
};
const leaderless = new ResponseError(metadataApi, 12, { '/topics/0/partitions/0': [5, null], '/topics/0/partitions/2': [5, null] }, answer);

describe('leaderlessAnswer', () => {
  test('takes the answer of a metadata request whose only errors are partitions without a leader', () => {
    expect(leaderlessAnswer(leaderless)).toBe(answer);
  });

  test('reaches it through the wrapping of retries and listTopics, taking the last attempt', () => {
    const older = new ResponseError(metadataApi, 12, { '/topics/0/partitions/0': [5, null] }, { ...answer, controllerId: -1 });
    const retried = new MultipleErrors('metadata failed 2 times.', [older, leaderless]);
    expect(leaderlessAnswer(new MultipleErrors('Listing topics failed.', [retried]))).toBe(answer);
  });

  test.each([
    ['a topic-level error', new ResponseError(metadataApi, 12, { '/topics/0': [5, null] }, answer)],
    ['another partition error', new ResponseError(metadataApi, 12, { '/topics/0/partitions/1': [5, null], '/topics/0/partitions/2': [6, null] }, answer)],
    ['a last attempt that never reached a broker', new MultipleErrors('metadata failed 2 times.', [leaderless, new NetworkError('Connection refused.')])],
    ['no error object at all', undefined],
  ])('is undefined for %s, so the error stays', (_, error) => {
    expect(leaderlessAnswer(error)).toBeUndefined();
  });
});

describe('clusterMetadataOf', () => {
  test('gives the asked topics in the client shape, partitions in order and leaderless ones with leader -1', () => {
    const metadata = clusterMetadataOf(answer, ['spread', 'missing']);
    expect(metadata).toMatchObject({ id: 'cluster-a', controllerId: 1 });
    expect([...metadata.brokers]).toEqual([[1, { host: 'localhost', port: 9092, rack: null }]]);
    expect([...metadata.topics.keys()]).toEqual(['spread']);
    const spread = metadata.topics.get('spread')!;
    expect(spread.partitionsCount).toBe(3);
    expect(spread.partitions.map(({ leader, replicas }) => ({ leader, replicas }))).toEqual([
      { leader: 1, replicas: [1] },
      { leader: -1, replicas: [2] },
      { leader: -1, replicas: [3] },
    ]);
  });

  test('topicNamesOf leaves the internal topics out, as listTopics does', () => {
    expect(topicNamesOf(answer)).toEqual(['spread', 'test']);
  });
});
