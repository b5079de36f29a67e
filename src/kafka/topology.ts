/**
 * What a change of the broker set does to the partitions that exist, decided from plain data
 * before anything is stopped: a change that takes a partition offline (none of its replicas on a
 * remaining broker) or leaves a topic more replicas than brokers is refused; scaling up never is.
 */

import { plural, pluralForm } from '../base/plural.js';

export interface PartitionAssignment {
  readonly topic: string;
  readonly partition: number;
  /** Broker ids holding a replica. */
  readonly replicas: readonly number[];
}

/** `offline`: no replica left on a remaining broker; `under-replicated`: more replicas than brokers left. */
export type PartitionOutcome = 'offline' | 'under-replicated';

export interface PartitionProblem extends PartitionAssignment {
  readonly outcome: PartitionOutcome;
}

export interface TopologyChange {
  /** Brokers holding replicas that the next broker set leaves out. */
  readonly removedBrokers: readonly number[];
  readonly problems: readonly PartitionProblem[];
  readonly refused: boolean;
}

export function planTopologyChange(current: readonly PartitionAssignment[], nextBrokerIds: readonly number[]): TopologyChange {
  const next = new Set(nextBrokerIds);
  const problems = current.flatMap((assignment): PartitionProblem[] => {
    if (!assignment.replicas.some((broker) => next.has(broker))) return [{ ...assignment, outcome: 'offline' }];
    if (assignment.replicas.length > next.size) return [{ ...assignment, outcome: 'under-replicated' }];
    return [];
  });
  const removedBrokers = [...new Set(current.flatMap((assignment) => assignment.replicas))]
    .filter((broker) => !next.has(broker))
    .sort((a, b) => a - b);
  return { removedBrokers, problems, refused: problems.length > 0 };
}

const problemsListed = 20;

/** The first 20 items, then how many more partitions there are. */
function firstListed(items: readonly string[]): string[] {
  const more = items.length - problemsListed;
  return more > 0 ? [...items.slice(0, problemsListed), `and ${plural(more, 'more partition')}`] : [...items];
}

const where = ({ topic, partition, replicas }: PartitionAssignment) =>
  `${topic}-${partition} (replicas on ${pluralForm(replicas.length, 'broker')} ${replicas.join(', ')})`;

/** One line per partition (the first 20), saying what the change would do to it. */
export function describePartitionProblems(change: TopologyChange, nextBrokerIds: readonly number[]): string[] {
  return firstListed(
    change.problems.map((problem) =>
      problem.outcome === 'offline'
        ? `${where(problem)}: no replica would remain, so it goes offline and its messages are hidden until ${pluralForm(problem.replicas.length, 'that broker is', 'one of those brokers is')} back`
        : `${where(problem)}: ${problem.replicas.length} replicas but only ${plural(nextBrokerIds.length, 'broker')} would remain, so it stays under-replicated (acks=all may be refused)`,
    ),
  );
}

/** What a change made with `force` left behind, in one line: the partitions offline until their brokers are back, the under-replicated ones. */
export function describeForcedChange(change: TopologyChange): string {
  const withOutcome = (outcome: PartitionOutcome) => change.problems.filter((problem) => problem.outcome === outcome);
  const offline = withOutcome('offline');
  const underReplicated = withOutcome('under-replicated');
  const missing = [...new Set(offline.flatMap((problem) => problem.replicas))].sort((a, b) => a - b);
  return `forced: ${[
    offline.length > 0 &&
      `${firstListed(offline.map(where)).join(', ')} offline until ${pluralForm(missing.length, 'broker')} ${missing.join(', ')} ${pluralForm(missing.length, 'is', 'are')} back (the data stays in ${pluralForm(missing.length, 'its volume', 'their volumes')})`,
    underReplicated.length > 0 && `${firstListed(underReplicated.map(where)).join(', ')} under-replicated (acks=all may be refused)`,
  ]
    .filter(Boolean)
    .join('; ')}`;
}

/** The ways out of a refused change, most data-keeping first. */
export function topologyFixes(change: TopologyChange): string {
  const keep = Math.max(...change.problems.flatMap((problem) => problem.replicas));
  return [
    `keep 'brokers: ${keep}'`,
    `move the partitions to the remaining brokers first (kafka-reassign-partitions), or delete those topics`,
    `run 'kafka-dev down --volumes' to start fresh (deletes all data)`,
    `or run 'kafka-dev up --force' to go on anyway (the data of the removed brokers stays in their volumes, out of sight)`,
  ].join('; ');
}

export interface QuorumVoter {
  readonly id: number;
  /** Its metadata log survived from an earlier run (its volume existed). */
  readonly hasLog: boolean;
}

export interface VoterStartOrder {
  /** Started at once, with every node that is not a voter. */
  readonly first: readonly number[];
  /** Started once the voters of `first` have caught up with the quorum's leader. */
  readonly later: readonly number[];
}

/**
 * A static KRaft quorum that grows (1 -> 3 combined nodes) gains voters with empty logs. When those
 * are a majority they can elect one of themselves, and the voters that hold the metadata then
 * truncate their log to the empty one: every topic is gone. So only as many new voters start
 * first as make a majority with the old ones (they cannot out-vote them), and the rest once
 * those have caught up.
 */
export function voterStartOrder(voters: readonly QuorumVoter[]): VoterStartOrder {
  const majority = Math.floor(voters.length / 2) + 1;
  const withLog = voters.filter((voter) => voter.hasLog);
  const empty = voters.filter((voter) => !voter.hasLog);
  const ids = (some: readonly QuorumVoter[]) => some.map((voter) => voter.id);
  if (withLog.length === 0 || empty.length < majority) return { first: ids(voters), later: [] };
  const joining = Math.max(0, majority - withLog.length);
  return { first: ids([...withLog, ...empty.slice(0, joining)]), later: ids(empty.slice(joining)) };
}
