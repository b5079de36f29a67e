import { kafkaClientLibrary } from '../kafka/client-library.js';
import { closeConsumer } from '../kafka/close-consumer.js';
import { connectionOptions, type KafkaTarget } from '../kafka/client-options.js';
import type { PathResult, SmokeRun } from './path.js';
import { smokeSeq, smokeValue } from './message.js';
import { deliveryStats, type Receipt } from './stats.js';

const producerBatch = 1000;

export const outsideMeasures =
  "latency: from the producer's send call (batches of up to 1,000 messages) to the consumer having the message, both in kafka-dev on the host; throughput: messages received per second from the first send to the last receipt; connecting the clients is not included";

/** The OUTSIDE path: an idempotent producer and a consumer in this process, through the published bootstrap address. */
export async function outsidePath(target: KafkaTarget, run: SmokeRun): Promise<PathResult> {
  // Retries ride out a cluster that just started (its group coordinator may still move) or just lost a broker (its partitions move).
  const common = { clientId: 'kafka-dev-smoke', ...connectionOptions(target), timeout: 10_000, retries: 40, retryDelay: 250 };
  const { Consumer, MessagesStreamModes, ProduceAcks, Producer } = await kafkaClientLibrary();
  const consumer = new Consumer({ ...common, groupId: run.topic });
  const producer = new Producer({ ...common, idempotent: true, acks: ProduceAcks.ALL });
  const sentAt: number[] = [];
  const receipts: Receipt[] = [];
  let started = 0;
  let lastReceipt = 0;
  try {
    // One unnumbered message per partition first, while the consumer joins its group: connections and the
    // producer id are set up before the clock starts (on a fresh cluster, joining and the first acks=all
    // write to new replicas take about a second each; side by side they overlap).
    const warmUp = Array.from({ length: run.partitions }, (_, partition) => ({ topic: run.topic, partition, value: Buffer.from('warm-up') }));
    const [stream] = await Promise.all([
      consumer.consume({ topics: [run.topic], mode: MessagesStreamModes.EARLIEST, autocommit: false }),
      producer.send({ messages: warmUp }),
    ]);
    const received = new Set<number>();
    const watchdog = stopWhenStalled(run, () => received.size, () => void stream.close());
    const consumed = (async () => {
      for await (const message of stream) {
        const seq = smokeSeq(message.value.toString(), run.runId);
        if (seq === undefined) continue;
        lastReceipt = performance.now();
        receipts.push({ seq, partition: message.partition, latencyMs: lastReceipt - sentAt[seq]! });
        received.add(seq);
        if (received.size >= run.messages) break;
      }
    })();
    // Awaited below; until then a failed stream must not count as an unhandled rejection.
    consumed.catch(() => undefined);
    try {
      started = performance.now();
      for (let first = 0; first < run.messages; first += producerBatch) {
        const seqs = Array.from({ length: Math.min(producerBatch, run.messages - first) }, (_, index) => first + index);
        const now = performance.now();
        for (const seq of seqs) sentAt[seq] = now;
        await producer.send({
          messages: seqs.map((seq) => ({
            topic: run.topic,
            partition: seq % run.partitions,
            key: Buffer.from(String(seq)),
            value: Buffer.from(smokeValue(run.runId, seq)),
          })),
        });
      }
      watchdog.producingDone();
      await consumed;
    } finally {
      watchdog.stop();
      await stream.close().catch(() => undefined);
    }
  } finally {
    await Promise.all([producer.close().catch(() => undefined), closeConsumer(consumer).catch(() => undefined)]);
  }
  return { stats: deliveryStats(run.messages, receipts, lastReceipt - started), problems: [] };
}

/**
 * Stops consuming once nothing new arrived for `idleMs` after the producer finished (the rest is
 * lost), or at the path's deadline, or on abort; counts are read through `progress`.
 */
function stopWhenStalled(run: SmokeRun, progress: () => number, stop: () => void) {
  const deadline = performance.now() + run.timeoutMs;
  let producing = true;
  let lastCount = -1;
  let lastChange = performance.now();
  const timer = setInterval(() => {
    const count = progress();
    if (count !== lastCount) {
      lastCount = count;
      lastChange = performance.now();
    }
    const stalled = !producing && performance.now() - lastChange > run.idleMs;
    if (stalled || performance.now() > deadline || run.signal?.aborted) stop();
  }, 200);
  return {
    producingDone: () => {
      producing = false;
      lastChange = performance.now();
    },
    stop: () => clearInterval(timer),
  };
}
