import type { ResolvedConfig } from '../config/types.js';

/**
 * The one place where each broker's service name, listeners and ports are decided.
 * INSIDE serves containers on the compose network. OUTSIDE serves programs on the host: every
 * broker listens for it on the same container port (`listeners.outside.port`), published on its
 * own host port (`port + i - 1`), which is also the port it advertises.
 */
export interface BrokerEndpoints {
  /** `broker.id`, from 1. */
  readonly id: number;
  /** Compose service name, also the INSIDE host name. */
  readonly service: string;
  readonly inside: { readonly host: string; readonly port: number };
  readonly outside: {
    readonly host: string;
    /** Host port: published and advertised. */
    readonly port: number;
    /** Port the broker listens on inside its container. */
    readonly containerPort: number;
    readonly bind: string;
  };
}

type ListenerInputs = Pick<ResolvedConfig, 'brokers' | 'listeners'>;

export function brokerServices({ brokers, listeners }: ListenerInputs): BrokerEndpoints[] {
  return Array.from({ length: brokers }, (_, index) => {
    const id = index + 1;
    const service = brokers === 1 ? listeners.inside.host : `${listeners.inside.host}-${id}`;
    return {
      id,
      service,
      inside: { host: service, port: listeners.inside.port },
      outside: {
        host: listeners.outside.host,
        port: listeners.outside.port + index,
        containerPort: listeners.outside.port,
        bind: listeners.outside.bind,
      },
    };
  });
}

/** Bootstrap lists: for programs on the host, and for containers on the compose network. */
export function bootstrapServers(config: ListenerInputs): { host: string[]; containers: string[] } {
  const brokers = brokerServices(config);
  return {
    host: brokers.map((broker) => `${broker.outside.host}:${broker.outside.port}`),
    containers: brokers.map((broker) => `${broker.inside.host}:${broker.inside.port}`),
  };
}

export const listenerNames = { inside: 'INSIDE', outside: 'OUTSIDE' } as const;
