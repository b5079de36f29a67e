import { Readable, Writable } from 'node:stream';
import { clientEnv, consume, consumerGroups, describeTopic, listTopics, produce, status, type ClientSettings, type CommonOptions, type ConsumerGroupView, type StackStatus, type TopicDescription, type TopicListEntry } from '../api.js';

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

/** A message as `consume --json` prints it. */
export interface ConsoleMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly key: string | null;
  readonly value: string;
}

/** How many messages a browse reads from the beginning at most, and how long it waits for more. */
const browseLimit = 100;
const browseIdleMs = 1500;

export interface ConsoleData {
  status(): Promise<StackStatus>;
  topics(): Promise<TopicSummary[]>;
  topic(name: string): Promise<TopicDescription & { declared: boolean }>;
  clientEnv(): Promise<ClientSettings>;
  /** The topic's first messages, oldest first. */
  browse(topic: string): Promise<ConsoleMessage[]>;
  /** Calls `onMessage` for each new message until the signal aborts. */
  tail(topic: string, onMessage: (message: ConsoleMessage) => void, signal: AbortSignal): Promise<void>;
  produce(topic: string, message: { key?: string; value: string }): Promise<void>;
  groups(): Promise<ConsumerGroupView[]>;
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
    browse: async (topic) => {
      const messages: ConsoleMessage[] = [];
      await consume(topic, jsonLines((message) => messages.push(message)), { ...options, json: true, fromBeginning: true, maxMessages: browseLimit, idleMs: browseIdleMs });
      return messages;
    },
    tail: async (topic, onMessage, signal) => {
      await consume(topic, jsonLines(onMessage), { ...options, json: true, signal });
    },
    groups: () => consumerGroups(options),
    produce: async (topic, { key, value }) => {
      // produce() reads lines: a key goes before a tab, as `kafka-dev produce --key-separator` takes it.
      await produce(topic, Readable.from([key === undefined ? value : `${key}\t${value}`]), { ...options, ...(key !== undefined && { keySeparator: '\t' }) });
    },
  };
}

/** A stream that takes `consume --json` output and hands on each message. */
function jsonLines(onMessage: (message: ConsoleMessage) => void): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line) onMessage(JSON.parse(line) as ConsoleMessage);
      done();
    },
  });
}
