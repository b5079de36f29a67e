/**
 * doctor's Kafka Connect check: worker 1's REST API answers and every connector and task runs;
 * a failed task is named with the start of its trace. Left out when the config has no Connect.
 */
import { plural } from '../base/plural.js';
import { ConnectClient, type ConnectApi } from '../kafka/connect-client.js';
import { connectRestUrl, connectWorkers } from '../model/companions/connect.js';
import { traceSummary } from '../wait/connectors-running.js';
import type { Check } from './doctor-checks.js';

export function connectCheck(client: (baseUrl: string) => ConnectApi = (baseUrl) => new ConnectClient(baseUrl)): Check {
  return {
    name: 'Kafka Connect',
    needs: 'stack',
    appliesTo: (config) => config.connect !== undefined,
    async run({ config }) {
      const url = connectRestUrl(connectWorkers(config.connect!)[0]!);
      const api = client(url);
      let names: string[];
      try {
        names = await api.listConnectors();
      } catch (error) {
        return { verdict: 'fail', detail: `the REST API on ${url} does not answer (${(error as Error).message})`, fix: "look at 'kafka-dev logs connect-1', then run 'kafka-dev up'" };
      }
      const statuses = await Promise.all(names.map((name) => api.connectorStatus(name)));
      const failures = statuses.flatMap((status) => [
        ...(status.connector.state === 'FAILED' ? [`${status.name}: ${traceSummary(status.connector.trace)}`] : []),
        ...status.tasks.filter((task) => task.state === 'FAILED').map((task) => `${status.name} task ${task.id}: ${traceSummary(task.trace)}`),
      ]);
      if (failures.length > 0) {
        return { verdict: 'fail', detail: `failed: ${failures.join('; ')}`, fix: `fix the connector's config and run 'kafka-dev up', or restart it: curl -X POST '${url}/connectors/<name>/restart?includeTasks=true'` };
      }
      const idle = statuses.filter((status) => status.connector.state !== 'RUNNING' || status.tasks.some((task) => task.state !== 'RUNNING'));
      if (idle.length > 0) return { verdict: 'warn', detail: `not running yet: ${idle.map((status) => status.name).join(', ')}`, fix: "run 'kafka-dev up', which waits until they run" };
      return { verdict: 'pass', detail: `${plural(names.length, 'connector')} running on ${url}` };
    },
  };
}
