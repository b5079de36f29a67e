/**
 * The Kafka client nests the broker's answer inside aggregate errors ("Creating topics failed."
 * around "Topic with this name already exists."); these helpers reach the leaves.
 */
export function kafkaErrorMessage(error: unknown): string {
  const leaves = new Set<string>();
  const visit = (current: unknown) => {
    if (current === null || typeof current !== 'object') return leaves.add(String(current));
    const { errors, message, serverErrorMessage } = current as { errors?: unknown[]; message?: string; serverErrorMessage?: string | null };
    if (Array.isArray(errors) && errors.length > 0) errors.forEach(visit);
    // The broker's own words (e.g. "Replication factor: 3 larger than available brokers: 1") say the most.
    else leaves.add(serverErrorMessage && serverErrorMessage !== message ? `${message} (${serverErrorMessage})` : (message ?? String(current)));
  };
  visit(error);
  const outer = error instanceof Error ? error.message : '';
  const details = [...leaves].filter((leaf) => leaf !== outer);
  return details.length > 0 ? `${outer} ${details.join('; ')}`.trim() : outer;
}

/** Whether the broker answered with this Kafka error code somewhere in the tree. */
export function hasKafkaErrorCode(error: unknown, code: number): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { apiCode, errors } = error as { apiCode?: number; errors?: unknown[] };
  return apiCode === code || (Array.isArray(errors) && errors.some((inner) => hasKafkaErrorCode(inner, code)));
}

export const kafkaErrorCodes = { topicAlreadyExists: 36, invalidReplicationFactor: 38 } as const;
