/**
 * What a change of the broker set does to the partitions that exist, decided from plain data
 * before anything is stopped: a change that takes a partition offline (none of its replicas on a
 * remaining broker) or leaves a topic more replicas than brokers is refused; scaling up never is.
 */
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

/** One line per partition (the first 20), saying what the change would do to it. */
export function describePartitionProblems(change: TopologyChange, nextBrokerIds: readonly number[]): string[] {
  const lines = change.problems.slice(0, problemsListed).map(({ topic, partition, replicas, outcome }) => {
    const where = `${topic}-${partition} (replicas on broker${replicas.length === 1 ? '' : 's'} ${replicas.join(', ')})`;
    return outcome === 'offline'
      ? `${where}: no replica would remain, so it goes offline and its messages are hidden until ${replicas.length === 1 ? 'that broker is' : 'one of those brokers is'} back`
      : `${where}: ${replicas.length} replicas but only ${nextBrokerIds.length} broker${nextBrokerIds.length === 1 ? '' : 's'} would remain, so it stays under-replicated (acks=all may be refused)`;
  });
  const more = change.problems.length - problemsListed;
  return more > 0 ? [...lines, `and ${more} more partition${more === 1 ? '' : 's'}`] : lines;
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
