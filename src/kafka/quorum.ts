import { splitHostPort } from '../model/cluster.js';
import { kafkaClientLibrary } from './client-library.js';
import { connectionOptions, type KafkaTarget } from './client-options.js';

const clusterMetadataTopic = '__cluster_metadata';

export interface QuorumView {
  /** The active controller. */
  readonly leaderId: number;
  /** Voters whose log has reached the quorum's high watermark. */
  readonly caughtUpVoters: readonly number[];
}

/**
 * The KRaft metadata quorum, asked of any broker (DescribeQuorum, KIP-595). In KRaft the metadata
 * response's controller id is just some broker, so only this tells the active controller.
 * `target` says how to log in on a secured listener.
 */
export async function describeQuorum(bootstrap: string, timeoutMs = 2000, target: KafkaTarget = [bootstrap]): Promise<QuorumView | null> {
  const { host, port } = splitHostPort(bootstrap);
  const { Connection, describeQuorumV0 } = await kafkaClientLibrary();
  const { sasl, tls } = connectionOptions(target);
  const connection = new Connection('kafka-dev', { connectTimeout: timeoutMs, requestTimeout: timeoutMs, ...(sasl && { sasl }), ...(tls && { tls }) });
  // A broker that resets the connection (still starting) also rejects the request below; unheard, the event would end the process.
  connection.on('error', () => undefined);
  try {
    await connection.connect(host, port);
    const response = await describeQuorumV0.api.async(connection, [
      { topicName: clusterMetadataTopic, partitions: [{ partitionIndex: 0 }] },
    ]);
    const partition = response.topics[0]?.partitions[0];
    if (!partition || partition.leaderId < 0) return null;
    return {
      leaderId: partition.leaderId,
      // Until the leader commits in its epoch the high watermark is unknown (-1) or 0: nobody has caught up with anything yet.
      caughtUpVoters: partition.currentVoters
        .filter((voter) => partition.highWatermark > 0 && voter.logEndOffset >= partition.highWatermark)
        .map((voter) => voter.replicaId),
    };
  } catch {
    return null;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
