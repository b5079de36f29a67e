/**
 * Declared connectors against a Connect cluster, as plain data, like topics: create what is
 * missing, update a connector whose config differs, delete undeclared ones only when pruning.
 */
import { plural } from '../base/plural.js';

/** Connect keeps every value of a connector's config as a string. */
export type ConnectorConfig = Readonly<Record<string, string>>;

export interface DeclaredConnector {
  readonly name: string;
  readonly config: ConnectorConfig;
}

export interface ConfigChange {
  readonly key: string;
  /** `null`: not set on that side. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface ConnectorsPlan {
  readonly create: readonly DeclaredConnector[];
  readonly update: readonly { readonly connector: DeclaredConnector; readonly changes: readonly ConfigChange[] }[];
  readonly unchanged: readonly string[];
  /** Not declared and deleted, because the plan prunes. */
  readonly remove: readonly string[];
  /** Not declared and left alone, because the plan does not prune. */
  readonly undeclared: readonly string[];
}

/** `actual`: each running connector's config as Connect returns it (with its `name` key). */
export function planConnectors(
  declared: readonly DeclaredConnector[],
  actual: ReadonlyMap<string, ConnectorConfig>,
  { prune = false }: { prune?: boolean } = {},
): ConnectorsPlan {
  const declaredNames = new Set(declared.map((connector) => connector.name));
  const extra = [...actual.keys()].filter((name) => !declaredNames.has(name)).sort();
  const update: ConnectorsPlan['update'][number][] = [];
  const unchanged: string[] = [];
  const create: DeclaredConnector[] = [];
  for (const connector of declared) {
    const current = actual.get(connector.name);
    if (!current) {
      create.push(connector);
      continue;
    }
    const changes = configChanges({ ...connector.config, name: connector.name }, current);
    if (changes.length > 0) update.push({ connector, changes });
    else unchanged.push(connector.name);
  }
  return { create, update, unchanged, remove: prune ? extra : [], undeclared: prune ? [] : extra };
}

/** The declared config is the whole truth: a key only the running connector has is a change too. */
function configChanges(wanted: ConnectorConfig, current: ConnectorConfig): ConfigChange[] {
  const keys = [...new Set([...Object.keys(wanted), ...Object.keys(current)])].sort();
  return keys.map((key) => ({ key, from: current[key] ?? null, to: wanted[key] ?? null })).filter((change) => change.from !== change.to);
}

/** One line per connector that changes, e.g. `files-out: update (file: /data/a -> /data/b)`. */
export function describeConnectorsPlan(plan: ConnectorsPlan): string[] {
  const change = ({ key, from, to }: ConfigChange) => `${key}: ${from ?? '(unset)'} -> ${to ?? '(unset)'}`;
  return [
    ...plan.create.map((connector) => `${connector.name}: create`),
    ...plan.update.map(({ connector, changes }) => `${connector.name}: update (${changes.map(change).join('; ')})`),
    ...plan.remove.map((name) => `${name}: not declared, delete`),
    ...plan.undeclared.map((name) => `${name}: not declared, left alone (--prune deletes it)`),
  ];
}

/** One line of counts, e.g. `1 connector created, 1 updated, 2 unchanged`. */
export function summarizeConnectorsPlan(plan: ConnectorsPlan): string {
  const total = plan.create.length + plan.update.length + plan.unchanged.length;
  const parts = [
    `${plural(total, 'connector')}: ${plan.create.length} created`,
    `${plan.update.length} updated`,
    `${plan.unchanged.length} unchanged`,
    ...(plan.remove.length > 0 ? [`${plan.remove.length} deleted`] : []),
    ...(plan.undeclared.length > 0 ? [`${plan.undeclared.length} not declared (left alone; --prune deletes)`] : []),
  ];
  return parts.join(', ');
}
