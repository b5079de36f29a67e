import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime, RunResult } from '../engine/runtime.js';
import { composeLabel, networkName, projectLabels, roleLabel } from '../engine/labels.js';
import type { PathProblem } from '../kafka/diagnose.js';
import { insideHint } from './inside.js';
import { advertisedBrokers, advertisingProblem, metadataRequest, printfEscaped } from '../kafka/metadata-wire.js';

/**
 * The quick INSIDE check: one throwaway container on the project network, with nothing but bash,
 * sends a Kafka Metadata request to every advertised INSIDE address and prints the replies; each
 * must list every broker at its INSIDE address. No JVM starts, so it takes the time of a container
 * (about 0.3 s) instead of two console tools' (about 4 s); the messages stay on OUTSIDE.
 */

export interface ReachRequest {
  readonly runtime: ContainerRuntime;
  readonly config: ResolvedConfig;
  /** Every broker's INSIDE address, e.g. `kafka-1:9093`. */
  readonly addresses: readonly string[];
  readonly runId: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface ReachResult {
  /** The addresses whose reply listed every broker. */
  readonly answered: readonly string[];
  readonly problems: readonly PathProblem[];
}

export const reachMeasures = (network: string) =>
  `a Kafka Metadata request from a throwaway container on ${network} to every advertised INSIDE address, each of which must list every broker at its INSIDE address; no messages (up --full-smoke sends them over INSIDE too)`;

const correlationId = 0x6b64;

/**
 * `up` asks once the brokers answer over OUTSIDE, when INSIDE is bound too: an address that still
 * fails after a few seconds (a name that does not resolve, a listener that refuses) will not heal.
 * Short of the container's own time limit, so the container reports what it saw.
 */
const waitSeconds = (timeoutMs: number) => Math.max(1, Math.min(15, Math.floor(timeoutMs / 1000) - 5));

/** One exchange: connect, write the request, read the size, then that many bytes as hex. */
const exchangeScript =
  'exec 3<>"/dev/tcp/$1/$2" && printf "$SMOKE_REQUEST" >&3 &&' +
  ' size=$(head -c4 <&3 | od -An -tu1 | { read -r a b c d && echo $(( (a<<24)|(b<<16)|(c<<8)|d )); }) &&' +
  ' [ "${size:-0}" -gt 0 ] && head -c "$size" <&3 | od -An -v -tx1 | tr -d " \\n"';

/** Every address in turn, each retried until it answers or the one wait for them all is over: a broker still starting is waited for here. */
const reachScript =
  'deadline=$((SECONDS + SMOKE_WAIT_SECONDS)); for address in $SMOKE_ADDRESSES; do' +
  ' until reply=$(timeout 5 bash -c "$SMOKE_EXCHANGE" _ "${address%:*}" "${address##*:}" 2>/tmp/reach-error) && [ -n "$reply" ]; do' +
  ' if [ "$SECONDS" -ge "$deadline" ]; then echo "fail $address $(tr "\\n" " " </tmp/reach-error | sed "s/_: line 1: //g")"; continue 2; fi; sleep 0.2;' +
  ' done; echo "ok $address $reply"; done';

export async function insideReach(request: ReachRequest): Promise<ReachResult> {
  const { runtime, config, addresses, runId, timeoutMs, signal } = request;
  const result = await runtime.runContainer({
    name: `${config.name}-smoke-reach-${runId}`,
    image: config.images.kafka,
    command: ['bash', '-c', reachScript],
    network: networkName(config.name),
    labels: { ...projectLabels(config.name), [composeLabel.oneoff]: 'True', [roleLabel]: 'smoke-reach' },
    environment: {
      SMOKE_ADDRESSES: addresses.join(' '),
      SMOKE_REQUEST: printfEscaped(metadataRequest(correlationId)),
      SMOKE_EXCHANGE: exchangeScript,
      SMOKE_WAIT_SECONDS: String(waitSeconds(timeoutMs)),
    },
    timeoutMs,
    signal,
  });
  return judgeReplies(addresses, result, config.name);
}

/** Pure: what the container printed, address by address, against the addresses every reply must list. */
function judgeReplies(addresses: readonly string[], result: RunResult, project: string): ReachResult {
  const replies = new Map(
    result.stdout
      .split('\n')
      .map((line) => line.trim().split(' '))
      .filter(([verdict]) => verdict === 'ok' || verdict === 'fail')
      .map(([verdict, address, ...rest]) => [address!, { verdict: verdict!, said: rest.join(' ') }]),
  );
  const answered: string[] = [];
  const problems: PathProblem[] = [];
  for (const address of addresses) {
    const problem = replyProblem(addresses, replies.get(address), result);
    if (problem) problems.push({ problem: `${address}: ${problem}`, hint: insideHint(project) });
    else answered.push(address);
  }
  return { answered, problems };
}

function replyProblem(addresses: readonly string[], reply: { verdict: string; said: string } | undefined, result: RunResult): string | undefined {
  if (!reply) return result.timedOut ? 'no answer before the time limit' : `no answer (the check container exited with code ${result.exitCode}${stderrTail(result)})`;
  if (reply.verdict === 'fail') return `no Kafka answer from a container on the network${reply.said ? `: ${reply.said}` : ''}`;
  const brokers = advertisedBrokers(Buffer.from(reply.said, 'hex'), correlationId);
  return brokers instanceof Error ? brokers.message : advertisingProblem(addresses, brokers);
}

function stderrTail(result: RunResult): string {
  const last = result.stderr.trim().split('\n').at(-1);
  return last ? `: ${last}` : '';
}
