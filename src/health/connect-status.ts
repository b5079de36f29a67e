/**
 * The connectors' side of `status`: every connector Connect runs, its state and its tasks',
 * asked of worker 1's REST API. Null when the config has no Connect or Connect does not answer.
 */
import { ConnectClient, type ConnectApi, type ConnectState } from '../kafka/connect-client.js';
import { connectRestUrl, connectWorkers } from '../model/companions/connect.js';
import type { ResolvedConnect } from '../model/types.js';

export interface ConnectorState {
  readonly name: string;
  readonly state: ConnectState;
  readonly tasks: readonly { readonly id: number; readonly state: ConnectState }[];
  /** Declared in the config (undeclared ones run until `up --prune`). */
  readonly declared: boolean;
}

export async function connectorStates(
  connect: ResolvedConnect | undefined,
  client: (baseUrl: string) => ConnectApi = (baseUrl) => new ConnectClient(baseUrl),
): Promise<ConnectorState[] | null> {
  if (!connect) return null;
  const api = client(connectRestUrl(connectWorkers(connect)[0]!));
  const declared = new Set(connect.connectors.map((connector) => connector.name));
  try {
    const names = await api.listConnectors();
    const statuses = await Promise.all(names.sort().map((name) => api.connectorStatus(name)));
    return statuses.map((status) => ({
      name: status.name,
      state: status.connector.state,
      tasks: status.tasks.map((task) => ({ id: task.id, state: task.state })),
      declared: declared.has(status.name),
    }));
  } catch {
    return null;
  }
}

