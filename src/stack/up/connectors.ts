/**
 * The `up` step for declared connectors: wait until worker 1's REST API answers, plan against the
 * connectors Connect has (create, update, delete only with --prune), apply, then wait until each
 * declared connector and all its tasks are RUNNING. A FAILED task ends the wait with its trace.
 */
import { NotReadyError } from '../../base/errors.js';
import { quoteText } from '../../base/text.js';
import { ConnectRequestError, type ConnectApi } from '../../kafka/connect-client.js';
import { describeConnectorsPlan, planConnectors, summarizeConnectorsPlan, type DeclaredConnector } from '../../kafka/connect-plan.js';
import { connectRestUrl, connectWorkers } from '../../model/companions/connect.js';
import type { ResolvedConnect } from '../../model/types.js';
import { ConnectorsRunning } from '../../wait/connectors-running.js';
import { waitFor } from '../../wait/wait-strategy.js';
import type { Handoff } from '../pipeline.js';
import type { UpContext } from './context.js';
import type { UpResult } from './options.js';

/** Connect scans its plugin path before its REST API answers: tens of seconds on a busy machine. */
const restTimeoutMs = 180_000;
const runningTimeoutMs = 120_000;

export async function reconcileConnectorsStep(
  { config, options, dependencies }: UpContext,
  connect: ResolvedConnect,
  result: UpResult,
  signal: AbortSignal,
): Promise<Handoff<UpResult>> {
  const url = connectRestUrl(connectWorkers(connect)[0]!);
  const client = dependencies.connectClient(url);
  await waitFor(
    { description: `Kafka Connect answers on ${url}`, check: async () => void (await client.info()) },
    { timeoutMs: options.timeoutMs ?? restTimeoutMs, intervalMs: 1000, signal },
  );
  const names = await client.listConnectors();
  const actual = new Map(await Promise.all(names.map(async (name) => [name, await client.connectorConfig(name)] as const)));
  const plan = planConnectors(connect.connectors, actual, { prune: options.prune });
  for (const name of plan.remove) await client.deleteConnector(name);
  const created: string[] = [];
  try {
    for (const connector of [...plan.create, ...plan.update.map(({ connector }) => connector)]) {
      await putConfig(client, connect, connector, config.source);
      if (plan.create.includes(connector)) created.push(connector.name);
    }
    if (connect.connectors.length > 0) {
      await waitFor(new ConnectorsRunning(client, connect.connectors.map((connector) => connector.name)), {
        timeoutMs: options.timeoutMs ?? runningTimeoutMs,
        intervalMs: 500,
        signal,
      });
    }
  } catch (error) {
    // Like the containers of a failed run: what this run created does not stay half-started.
    if (!options.keepOnFailure) await Promise.allSettled(created.map((name) => client.deleteConnector(name)));
    throw error;
  }
  return { value: { ...result, connectors: plan }, summary: [summarizeConnectorsPlan(plan), ...describeConnectorsPlan(plan)].join('\n') };
}

/** Connect validates a config when it is written; its refusal names the connector and the field it came from. */
async function putConfig(client: ConnectApi, connect: ResolvedConnect, connector: DeclaredConnector, source: string): Promise<void> {
  try {
    await client.putConnectorConfig(connector.name, { ...connector.config, name: connector.name });
  } catch (error) {
    if (!(error instanceof ConnectRequestError)) throw error;
    const index = connect.connectors.findIndex((declared) => declared.name === connector.name);
    throw new NotReadyError(`Kafka Connect refused connector ${quoteText(connector.name)} (connect.connectors[${index}] in ${source}): ${error.message}`, {
      hint: 'Fix its config; the connector class must be on the plugin path (GET /connector-plugins lists what the workers have).',
      cause: error,
    });
  }
}
