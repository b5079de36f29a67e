import type { ResolvedConfig, SecurityProtocol } from './types.js';

/**
 * The one place where every Kafka node's service name, id, roles, listeners and ports are decided.
 *
 * - INSIDE serves containers on the compose network (`kafka:9093`); brokers also talk to each other over it.
 * - OUTSIDE serves programs on the host. Every broker listens for it on the same container port
 *   (`listeners.outside.port`), published on its own host port (`port + i - 1`), which is also
 *   the port it advertises, so host clients are never handed a name only Docker can resolve.
 * - CONTROLLER (KRaft only) carries the controller quorum inside the network; never published,
 *   and always PLAINTEXT: only nodes on the compose network reach it.
 * - INSIDE and OUTSIDE speak the protocols of `security.inside` and `security.outside`.
 */
export const listenerNames = { inside: 'INSIDE', outside: 'OUTSIDE', controller: 'CONTROLLER' } as const;

export type NodeRole = 'broker' | 'controller';

export interface BrokerEndpoints {
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

export interface KafkaNode {
  /** `broker.id` / `node.id`. Brokers are 1..N; dedicated controllers 101.. */
  readonly id: number;
  /** Compose service name, also the node's host name on the network. */
  readonly service: string;
  readonly roles: readonly NodeRole[];
  /** Present on nodes with the broker role. */
  readonly broker?: BrokerEndpoints;
  /** Present on KRaft nodes with the controller role. */
  readonly controller?: { readonly host: string; readonly port: number };
}

/** The listener settings of one node, as Kafka property values. */
export interface NodeListenerSettings {
  readonly listeners: string;
  readonly advertisedListeners?: string;
  readonly securityProtocolMap: string;
  readonly interBrokerListener?: string;
  readonly controllerListenerNames?: string;
}

type LayoutInputs = Pick<ResolvedConfig, 'mode' | 'brokers' | 'controllers' | 'listeners'>;

/** Dedicated controllers are 101.., so their ids never meet a broker's. */
export const dedicatedControllerIdBase = 100;

export function clusterNodes(config: LayoutInputs): KafkaNode[] {
  const { listeners, brokers, controllers } = config;
  const kraft = config.mode === 'kraft';
  const combined = kraft && controllers === 0;
  const brokerNodes = Array.from({ length: brokers }, (_, index): KafkaNode => {
    const id = index + 1;
    const service = brokers === 1 ? listeners.inside.host : `${listeners.inside.host}-${id}`;
    return {
      id,
      service,
      roles: combined ? ['broker', 'controller'] : ['broker'],
      broker: {
        inside: { host: service, port: listeners.inside.port },
        outside: {
          host: listeners.outside.host,
          port: listeners.outside.port + index,
          containerPort: listeners.outside.port,
          bind: listeners.outside.bind,
        },
      },
      ...(combined && { controller: { host: service, port: listeners.controller.port } }),
    };
  });
  const controllerNodes = Array.from({ length: kraft ? controllers : 0 }, (_, index): KafkaNode => {
    const service = controllers === 1 ? 'controller' : `controller-${index + 1}`;
    return {
      id: dedicatedControllerIdBase + index + 1,
      service,
      roles: ['controller'],
      controller: { host: service, port: listeners.controller.port },
    };
  });
  return [...controllerNodes, ...brokerNodes];
}

/** Nodes that serve clients, in broker-id order. */
export function brokerNodes(config: LayoutInputs): (KafkaNode & { broker: BrokerEndpoints })[] {
  return clusterNodes(config).filter((node): node is KafkaNode & { broker: BrokerEndpoints } => node.broker !== undefined);
}

/** `controller.quorum.voters`: every node with the controller role, `id@host:port`. */
export function quorumVoters(config: LayoutInputs): string {
  return clusterNodes(config)
    .filter((node) => node.controller)
    .map((node) => `${node.id}@${node.controller!.host}:${node.controller!.port}`)
    .join(',');
}

/** The protocol each client listener speaks; PLAINTEXT unless `security` says otherwise. */
export type ListenerProtocols = { readonly inside: SecurityProtocol; readonly outside: SecurityProtocol };

const plaintext: ListenerProtocols = { inside: 'PLAINTEXT', outside: 'PLAINTEXT' };

export function nodeListenerSettings(node: KafkaNode, kraft: boolean, protocols: ListenerProtocols = plaintext): NodeListenerSettings {
  const { inside, outside, controller } = listenerNames;
  const bound: string[] = [];
  const protocolMap: string[] = [];
  if (node.broker) {
    bound.push(`${inside}://0.0.0.0:${node.broker.inside.port}`, `${outside}://0.0.0.0:${node.broker.outside.containerPort}`);
    protocolMap.push(`${inside}:${protocols.inside}`, `${outside}:${protocols.outside}`);
  }
  if (node.controller) bound.push(`${controller}://0.0.0.0:${node.controller.port}`);
  // Brokers must know the controller listener's protocol to reach the quorum, even when they do not serve it.
  if (kraft) protocolMap.push(`${controller}:PLAINTEXT`);
  return {
    listeners: bound.join(','),
    securityProtocolMap: protocolMap.join(','),
    ...(node.broker && {
      // A controller-only node must not advertise (the apache/kafka image refuses it).
      advertisedListeners: `${inside}://${hostAndPort(node.broker.inside)},${outside}://${hostAndPort(node.broker.outside)}`,
      interBrokerListener: inside,
    }),
    ...(kraft && { controllerListenerNames: controller }),
  };
}

/** Bootstrap lists: for programs on the host, and for containers on the compose network. */
export function bootstrapServers(config: LayoutInputs): { host: string[]; containers: string[] } {
  const brokers = brokerNodes(config);
  return {
    host: brokers.map(({ broker }) => hostAndPort(broker.outside)),
    containers: brokers.map(({ broker }) => hostAndPort(broker.inside)),
  };
}

/** `host:port`, with an IPv6 address in brackets (`[::1]:9092`) as Kafka and its clients parse it. */
export function hostAndPort({ host, port }: { readonly host: string; readonly port: number }): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The inverse of hostAndPort: `[::1]:9092` is host `::1`, port 9092. */
export function splitHostPort(address: string): { host: string; port: number } {
  const separator = address.lastIndexOf(':');
  return { host: address.slice(0, separator).replace(/^\[(.*)\]$/, '$1'), port: Number(address.slice(separator + 1)) };
}

/** Where a port published on `bind` is reached from this machine. */
export function reachableHost(bind: string): string {
  return bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
}
