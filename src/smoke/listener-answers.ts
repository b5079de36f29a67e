import type { ResolvedConfig } from '../model/types.js';
import { brokerNodes, hostAndPort } from '../model/cluster.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import { composeLabel, networkName, projectLabels } from '../engine/labels.js';
import type { PathProblem } from '../kafka/diagnose.js';
import { exchange } from '../kafka/plain-reads.js';
import { advertisedBrokers, advertisingProblem, metadataRequest, type AdvertisedBroker } from '../kafka/metadata-wire.js';

/**
 * The check of a repeated `up` on an unchanged stack: every broker answers a Kafka Metadata
 * request on both listeners, from the host, and lists every broker at that listener's address.
 * OUTSIDE is asked at its published address; INSIDE at the broker container's address on the
 * project network, which the host reaches on Linux. No container, no JVM and no Kafka client
 * library: a few milliseconds. Where the host cannot reach the network (Docker Desktop), INSIDE
 * is `unreachable` and the caller asks from a container instead.
 */

export interface ListenerAnswers {
  readonly answered: readonly string[];
  readonly problems: readonly PathProblem[];
}

export interface AnswersFound {
  readonly outside: ListenerAnswers;
  readonly inside: ListenerAnswers | 'unreachable';
}

export const outsideAnswersMeasures =
  'a Kafka Metadata request from the host to every broker at its published address, each of which must list every broker at its OUTSIDE address; no messages (the stack was unchanged; up --full-smoke sends them)';
export const insideAnswersMeasures = (network: string) =>
  `a Kafka Metadata request from the host to every broker container's address on ${network}, each of which must list every broker at its INSIDE address; no messages (the stack was unchanged; up --full-smoke sends them)`;

const correlationId = 0x6b65;
const recreateHint = "The brokers' listeners were changed outside kafka-dev: 'kafka-dev down && kafka-dev up' recreates them from the config.";

export async function listenerAnswers(config: ResolvedConfig, runtime: ContainerRuntime, timeoutMs = 2000): Promise<AnswersFound> {
  const brokers = brokerNodes(config);
  const network = networkName(config.name);
  const containers = await runtime.listContainers(projectLabels(config.name));
  const containerAddress = (service: string) =>
    containers.find((container) => container.labels[composeLabel.service] === service && container.state === 'running')?.addresses?.[network];
  const outsideAddresses = brokers.map(({ broker }) => hostAndPort(broker.outside));
  const insideAddresses = brokers.map(({ broker }) => hostAndPort(broker.inside));
  const [outside, insideReplies] = await Promise.all([
    Promise.all(brokers.map(({ broker }) => askMetadata(broker.outside.host, broker.outside.port, timeoutMs))),
    Promise.all(
      brokers.map(({ service, broker }) => {
        const address = containerAddress(service);
        return address ? askMetadata(address, broker.inside.port, timeoutMs) : Promise.resolve(new Error('no address on the network'));
      }),
    ),
  ]);
  // Any INSIDE broker the host cannot ask: let a container on the network judge them all.
  const inside = insideReplies.some((reply) => reply instanceof Error) ? 'unreachable' : judge(insideAddresses, insideReplies);
  return { outside: judge(outsideAddresses, outside), inside };
}

/** Each address must have answered and listed every one of `addresses`. */
function judge(addresses: readonly string[], replies: readonly (AdvertisedBroker[] | Error)[]): ListenerAnswers {
  const answered: string[] = [];
  const problems: PathProblem[] = [];
  addresses.forEach((address, index) => {
    const reply = replies[index]!;
    const problem = reply instanceof Error ? undefined : advertisingProblem(addresses, reply);
    if (reply instanceof Error) problems.push({ problem: `${address}: ${reply.message}`, hint: "Run 'kafka-dev status' to see whether every service is healthy." });
    else if (problem) problems.push({ problem: `${address}: ${problem}`, hint: recreateHint });
    else answered.push(address);
  });
  return { answered, problems };
}

/** One Metadata exchange over a plain socket: the brokers the listener advertises, or why not. */
export async function askMetadata(host: string, port: number, timeoutMs: number): Promise<AdvertisedBroker[] | Error> {
  const reply = await exchange(host, port, metadataRequest(correlationId), timeoutMs);
  return reply instanceof Error ? reply : advertisedBrokers(reply, correlationId);
}
