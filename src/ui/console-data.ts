import { browseMessages, clientEnv, consoleGroupPrefix, consumerGroups, describeTopic, listTopics, produceMessage, status, tailMessages, topicSizes, type BrowseRequest, type ClientSettings, type CommonOptions, type ConsumerGroupView, type OutgoingMessage, type StackStatus, type TopicDescription, type TopicListEntry } from '../api.js';
import { browseLimits } from './browse-query.js';
import { consoleMessage, type ConsoleMessage } from './message-view.js';

export type { ConsoleMessage } from './message-view.js';

/**
 * What the console's pages show, read through the exported API only, so the console sees the
 * stack as `status`, `topic` and `env` do (same probes, same client settings, a secured stack too).
 */

export interface TopicSummary extends TopicListEntry {
  /** Partitions whose ISR is smaller than their replica set; null when the topic does not exist yet. */
  readonly underReplicated: number | null;
  /** Partitions without a leader. */
  readonly offline: number | null;
  /** Bytes on disk of one copy; null when the topic does not exist or the brokers did not say. */
  readonly bytes?: number | null;
  /** Per partition; empty when the topic does not exist. */
  readonly endOffsets?: readonly number[];
}

export interface ConsoleData {
  status(): Promise<StackStatus>;
  topics(): Promise<TopicSummary[]>;
  topic(name: string): Promise<TopicDescription & { declared: boolean; bytes?: number | null; endOffsets?: readonly number[] }>;
  clientEnv(): Promise<ClientSettings>;
  /** One partition's messages; default: partition 0 from the beginning, the first 100. */
  browse(topic: string, request?: BrowseRequest): Promise<ConsoleMessage[]>;
  /** Calls `onMessage` for each new message until the signal aborts. */
  tail(topic: string, onMessage: (message: ConsoleMessage) => void, signal: AbortSignal): Promise<void>;
  produce(topic: string, message: OutgoingMessage): Promise<void>;
  groups(): Promise<ConsumerGroupView[]>;
}

export function apiConsoleData(options: CommonOptions): ConsoleData {
  return {
    status: () => status(options),
    topics: async () => {
      const [entries, sizes] = await Promise.all([listTopics(options), topicSizes(options)]);
      return Promise.all(
        entries.map(async (entry): Promise<TopicSummary> => {
          if (!entry.exists) return { ...entry, underReplicated: null, offline: null, bytes: null, endOffsets: [] };
          const { partitionDetails } = await describeTopic(entry.name, options);
          return {
            ...entry,
            underReplicated: partitionDetails.filter((partition) => partition.isr.length < partition.replicas.length).length,
            offline: partitionDetails.filter((partition) => partition.leader < 0).length,
            bytes: sizes.get(entry.name)?.bytes ?? null,
            endOffsets: sizes.get(entry.name)?.endOffsets ?? [],
          };
        }),
      );
    },
    topic: async (name) => {
      const [topic, sizes] = await Promise.all([describeTopic(name, options), topicSizes(options)]);
      return { ...topic, bytes: sizes.get(name)?.bytes ?? null, endOffsets: sizes.get(name)?.endOffsets ?? [] };
    },
    // The user's private key stays on disk: the page shows where the files are, not what they hold.
    clientEnv: async () => (await clientEnv(options)).settings,
    browse: async (topic, request = { partition: 0, start: { from: 'beginning' }, limit: browseLimits.default }) => (await browseMessages(topic, request, options)).map(consoleMessage),
    tail: (topic, onMessage, signal) => tailMessages(topic, (record) => onMessage(consoleMessage(record)), { ...options, signal }),
    // The console's own browse and tail groups are not the user's.
    groups: async () => (await consumerGroups(options)).filter((group) => !group.groupId.startsWith(consoleGroupPrefix)),
    produce: (topic, message) => produceMessage(topic, message, options),
  };
}
