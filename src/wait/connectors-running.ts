/**
 * Declared connectors are ready when Connect reports each connector and every one of its tasks
 * RUNNING. A FAILED connector or task ends the wait at once with the start of Connect's trace.
 */
import { AbortError } from 'p-retry';
import type { ConnectApi, ConnectorStatus } from '../kafka/connect-client.js';
import type { WaitStrategy } from './wait-strategy.js';

export class ConnectorsRunning implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly client: ConnectApi,
    private readonly names: readonly string[],
  ) {
    this.description = `connectors ${names.join(', ')} and their tasks are RUNNING`;
  }

  async check(): Promise<void> {
    const statuses = await Promise.all(this.names.map((name) => this.client.connectorStatus(name)));
    const failed = statuses.map(failureOf).find((failure) => failure !== undefined);
    // Not worth waiting for: Connect does not restart a failed task by itself.
    if (failed) throw new AbortError(failed);
    const waiting = statuses.map(notRunning).filter((reason) => reason !== undefined);
    if (waiting.length > 0) throw new Error(waiting.join('; '));
  }
}

function failureOf(status: ConnectorStatus): string | undefined {
  if (status.connector.state === 'FAILED') return `connector ${status.name} FAILED: ${traceSummary(status.connector.trace)}`;
  const task = status.tasks.find((item) => item.state === 'FAILED');
  return task && `connector ${status.name} task ${task.id} FAILED: ${traceSummary(task.trace)}`;
}

function notRunning(status: ConnectorStatus): string | undefined {
  if (status.connector.state !== 'RUNNING') return `connector ${status.name} is ${status.connector.state}`;
  if (status.tasks.length === 0) return `connector ${status.name} has no tasks yet`;
  const other = status.tasks.filter((task) => task.state !== 'RUNNING');
  return other.length > 0 ? `connector ${status.name} tasks ${other.map((task) => `${task.id} ${task.state}`).join(', ')}` : undefined;
}

/** A Java trace in short: its first line and the deepest `Caused by`, which usually names the real problem. */
export function traceSummary(trace: string | undefined): string {
  if (!trace) return 'no trace given';
  const lines = trace.split(/\r?\n/).map((line) => line.trim());
  const causes = lines.filter((line) => line.startsWith('Caused by:'));
  return [lines[0] ?? '', ...causes.slice(-1)].map(clip).join(' ... ');
}

const maxTraceLine = 240;

/** Longer than a quoted value may be (an exception's class and message), but never a wall of text. */
function clip(line: string): string {
  const printable = line.replace(/\p{Cc}/gu, ' ');
  return printable.length <= maxTraceLine ? printable : `${printable.slice(0, maxTraceLine)}…`;
}
