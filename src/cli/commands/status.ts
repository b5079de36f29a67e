import pc from 'picocolors';
import { status as stackStatus, type StackStatus } from '../../api.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';
import { formatTable } from '../table.js';

export interface StatusFlags extends GlobalFlags {
  json?: boolean;
}

/** Prints the stack's state; exits 1 when a service is missing, stopped or not answering, so scripts can test it. */
export async function statusCommand(flags: StatusFlags): Promise<number> {
  const status = await stackStatus(loadOptions('status', flags));
  printResult(flags, status, () => formatStatus(status));
  return status.healthy ? 0 : 1;
}

const healthColour = { healthy: pc.green, unhealthy: pc.yellow, stopped: pc.red } as const;

export function formatStatus(status: StackStatus): string {
  const rows = status.services.map((service) => [
    service.service + (service.nodeId !== null && service.nodeId === status.activeController ? ' *' : ''),
    service.container ?? '-',
    service.state,
    healthColour[service.health](service.health) +
      (service.inSync === false ? pc.yellow(' (catching up: not in every ISR yet)') : '') +
      (service.outdated ? pc.yellow(' (config changed: run up)') : ''),
    service.ports.join(', ') || '-',
  ]);
  return [
    `Project ${status.project} (${status.mode} mode): ${status.healthy ? pc.green('ready') : pc.yellow('not ready')}`,
    ...formatTable(['SERVICE', 'CONTAINER', 'STATE', 'HEALTH', 'PORTS'], rows),
    '',
    `Bootstrap servers from the host:       ${status.bootstrapServers.host.join(',')}`,
    `Bootstrap servers from containers:     ${status.bootstrapServers.containers.join(',')}`,
    `Active controller (*):                 ${status.activeController ?? 'unknown'}`,
    ...status.services.flatMap((service) =>
      service.endpoints.flatMap((endpoint) => [
        `${`${endpoint.name} (${service.service}) from the host:`.padEnd(38)} ${endpoint.host}`,
        `${`${endpoint.name} (${service.service}) from containers:`.padEnd(38)} ${endpoint.containers}`,
      ]),
    ),
    ...(status.connectors ? ['', 'Connectors:', ...status.connectors.map(formatConnector)] : []),
    '',
  ].join('\n');
}

/** `  files-in RUNNING (1/1 tasks running)`. */
function formatConnector(connector: NonNullable<StackStatus['connectors']>[number]): string {
  const running = connector.tasks.filter((task) => task.state === 'RUNNING').length;
  const state = connector.state === 'RUNNING' && running === connector.tasks.length ? pc.green(connector.state) : pc.yellow(connector.state);
  return `  ${connector.name} ${state} (${running}/${connector.tasks.length} tasks running)${connector.declared ? '' : ' (not declared: up --prune deletes it)'}`;
}
