/**
 * Kafka Connect's REST API in memory: connectors and their configs, and a status each connector
 * reports (RUNNING with one task unless a test sets another). Records every write.
 */
import type { ConnectApi, ConnectorStatus } from '../../src/kafka/connect-client.js';
import { ConnectRequestError } from '../../src/kafka/connect-client.js';
import type { ConnectorConfig } from '../../src/kafka/connect-plan.js';

export class FakeConnect implements ConnectApi {
  readonly connectors = new Map<string, ConnectorConfig>();
  readonly statuses = new Map<string, ConnectorStatus>();
  readonly writes: string[] = [];
  /** Set to refuse every PUT with this 400 message, as Connect does for a config it cannot validate. */
  refusal: string | undefined;

  async info() {
    return { version: '3.9.2', kafka_cluster_id: 'fake' };
  }

  async listConnectors(): Promise<string[]> {
    return [...this.connectors.keys()];
  }

  async connectorConfig(name: string): Promise<ConnectorConfig> {
    const config = this.connectors.get(name);
    if (!config) throw new ConnectRequestError(404, `Connector ${name} not found`);
    return config;
  }

  async putConnectorConfig(name: string, config: ConnectorConfig): Promise<void> {
    if (this.refusal) throw new ConnectRequestError(400, `PUT /connectors/${name}/config answered 400: ${this.refusal}`);
    this.writes.push(`put ${name}`);
    this.connectors.set(name, { ...config });
  }

  async deleteConnector(name: string): Promise<void> {
    this.writes.push(`delete ${name}`);
    this.connectors.delete(name);
  }

  async connectorStatus(name: string): Promise<ConnectorStatus> {
    const running = { state: 'RUNNING', worker_id: 'connect-1:8083' } as const;
    return this.statuses.get(name) ?? { name, connector: running, tasks: [{ id: 0, ...running }] };
  }
}
