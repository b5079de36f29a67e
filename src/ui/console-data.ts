import { clientEnv, describeTopic, listTopics, status, type ClientSettings, type CommonOptions, type StackStatus, type TopicDescription, type TopicListEntry } from '../api.js';

/**
 * What the console's pages show, read through the exported API only, so the console sees the
 * stack as `status`, `topic` and `env` do (same probes, same client settings, a secured stack too).
 */

export interface TopicSummary extends TopicListEntry {
  /** Partitions whose ISR is smaller than their replica set; null when the topic does not exist yet. */
  readonly underReplicated: number | null;
  /** Partitions without a leader. */
  readonly offline: number | null;
}

export interface ConsoleData {
  status(): Promise<StackStatus>;
  topics(): Promise<TopicSummary[]>;
  topic(name: string): Promise<TopicDescription & { declared: boolean }>;
  clientEnv(): Promise<ClientSettings>;
}

export function apiConsoleData(options: CommonOptions): ConsoleData {
  return {
    status: () => status(options),
    topics: async () => {
      const entries = await listTopics(options);
      return Promise.all(
        entries.map(async (entry): Promise<TopicSummary> => {
          if (!entry.exists) return { ...entry, underReplicated: null, offline: null };
          const { partitionDetails } = await describeTopic(entry.name, options);
          return {
            ...entry,
            underReplicated: partitionDetails.filter((partition) => partition.isr.length < partition.replicas.length).length,
            offline: partitionDetails.filter((partition) => partition.leader < 0).length,
          };
        }),
      );
    },
    topic: (name) => describeTopic(name, options),
    // The user's private key stays on disk: the page shows where the files are, not what they hold.
    clientEnv: async () => (await clientEnv(options)).settings,
  };
}
