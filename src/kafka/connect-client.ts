/**
 * The Kafka Connect REST API, the only place kafka-dev speaks it: list, read, write and delete
 * connectors and read their status. Connect answers 409 while its workers rebalance; those
 * requests are retried for a while, everything else fails with Connect's own message.
 */
import pRetry, { AbortError } from 'p-retry';
import { shortText } from '../base/text.js';
import type { ConnectorConfig } from './connect-plan.js';

export type ConnectState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING';

export interface ConnectorStatus {
  readonly name: string;
  readonly connector: { readonly state: ConnectState; readonly worker_id: string; readonly trace?: string };
  readonly tasks: readonly { readonly id: number; readonly state: ConnectState; readonly worker_id: string; readonly trace?: string }[];
}

/** A request Connect refused or could not answer: its status and Connect's message. */
export class ConnectRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectRequestError';
  }
}

/** What kafka-dev asks of Connect; the unit tests give an in-memory one. */
export interface ConnectApi {
  info(): Promise<{ version: string; kafka_cluster_id: string }>;
  listConnectors(): Promise<string[]>;
  connectorConfig(name: string): Promise<ConnectorConfig>;
  putConnectorConfig(name: string, config: ConnectorConfig): Promise<void>;
  deleteConnector(name: string): Promise<void>;
  connectorStatus(name: string): Promise<ConnectorStatus>;
}

const requestTimeoutMs = 10_000;
const rebalanceRetries = 20;

export class ConnectClient implements ConnectApi {
  /** `baseUrl`: a worker's REST address as the host reaches it, e.g. `http://127.0.0.1:8083`. */
  constructor(readonly baseUrl: string) {}

  /** The worker's version and the Kafka cluster it belongs to; throws while it does not answer. */
  info(): Promise<{ version: string; kafka_cluster_id: string }> {
    return this.request('GET', '/');
  }

  listConnectors(): Promise<string[]> {
    return this.request('GET', '/connectors');
  }

  connectorConfig(name: string): Promise<ConnectorConfig> {
    return this.request('GET', `/connectors/${encodeURIComponent(name)}/config`);
  }

  /** Creates the connector or replaces its config. */
  async putConnectorConfig(name: string, config: ConnectorConfig): Promise<void> {
    await this.request('PUT', `/connectors/${encodeURIComponent(name)}/config`, config);
  }

  async deleteConnector(name: string): Promise<void> {
    await this.request('DELETE', `/connectors/${encodeURIComponent(name)}`);
  }

  connectorStatus(name: string): Promise<ConnectorStatus> {
    return this.request('GET', `/connectors/${encodeURIComponent(name)}/status`);
  }

  private request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return pRetry(
      async () => {
        const response = await this.send(method, path, body);
        const text = await response.text();
        if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
        const error = new ConnectRequestError(response.status, `${method} ${path} answered ${response.status}: ${connectMessage(text)}`);
        // 409: the workers are rebalancing; the same request succeeds once they are done.
        if (response.status === 409) throw error;
        throw new AbortError(error);
      },
      { retries: rebalanceRetries, factor: 1, minTimeout: 500, maxTimeout: 500, randomize: false },
    );
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    try {
      return await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new AbortError(`${method} ${new URL(path, this.baseUrl).href} got no answer (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    }
  }
}

/** Connect's errors are `{ error_code, message }`; anything else is shown shortened. */
function connectMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return shortText(parsed.message);
  } catch {
    // not JSON: shown as it came
  }
  return shortText(text || '(empty answer)');
}
