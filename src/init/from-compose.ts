import { defaults, maxBrokers, maxControllers } from '../model/defaults.js';
import { kafkaMajorVersion } from '../model/images.js';
import { clusterIdFor, parseConfig } from '../config/parse.js';
import type { ImagesConfig, Mode, UserConfig, ZookeeperConfig } from '../model/types.js';
import { ComposeFileError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { wholeNumber } from '../base/whole-number.js';
import type { ComposeDocument, ComposeService } from '../compose/document.js';
import { brokersOf, composeStack, listenerExposure, settingOfVariable, type ComposeStack, type KafkaNodeService } from '../compose/stack.js';
import { loadFlavor } from '../model/flavor.js';
import { buildStackModel, type ServiceSpec } from '../model/stack.js';
import { problemAt } from './choices.js';
import { brokerConfigFromCompose, maxHeapOf, topicsFromCompose, uncarriedVariables } from './compose-settings.js';
import { listenersFromCompose, publishedBind } from './compose-listeners.js';
import { companionsFromCompose } from './companions-from-compose.js';

export interface ComposeConversion {
  readonly config: UserConfig;
  /** What the compose file does that the config does not, one line each. */
  readonly notCarried: readonly string[];
}

/**
 * A kafka-dev config for the stack a compose file describes: mode, broker count, ports, listener
 * host names, images, topics (KAFKA_CREATE_TOPICS) and broker settings. Pure; the result passes
 * the config's own validation, and a file kafka-dev rendered converts back to its config.
 */
export function configFromCompose(document: ComposeDocument): ComposeConversion {
  const stack = composeStack(document);
  const notes: string[] = [];
  const allBrokers = brokersOf(stack).sort((a, b) => nodeId(a) - nodeId(b));
  if (allBrokers.length === 0) {
    throw new ComposeFileError(`${document.file} has no Kafka broker service (looked for Kafka images and KAFKA_* broker settings)`, {
      hint: "Check the file, or start from scratch with 'kafka-dev init'.",
    });
  }
  const brokers = limited(allBrokers, maxBrokers, 'brokers', notes);
  const mode: Mode = stack.kafka.some((node) => node.settings.has('zookeeper.connect')) ? 'zookeeper' : 'kraft';
  const controllers = mode === 'kraft' ? limited(stack.kafka.filter((node) => !node.roles.includes('broker')), maxControllers, 'controllers', notes) : [];
  const name = document.projectName && !problemAt({ name: document.projectName }, 'name') ? document.projectName : undefined;
  const zookeeper = mode === 'zookeeper' ? zookeeperFromCompose(stack, notes) : undefined;
  if (mode === 'kraft' && stack.zookeeper.length > 0) notes.push(`${serviceNames(stack.zookeeper)}: KRaft needs no ZooKeeper; left out`);
  const kafkaHeap = maxHeapOf(brokers[0]!.service.environment);
  const zookeeperHeap = mode === 'zookeeper' && stack.zookeeper[0] ? maxHeapOf(stack.zookeeper[0].service.environment) : undefined;

  const base: UserConfig = {
    ...(name && { name }),
    mode,
    brokers: brokers.length,
    ...(controllers.length > 0 && { controllers: controllers.length }),
    ...clusterIdFrom(stack, mode, name, notes),
    listeners: listenersFromCompose(stack, brokers, notes),
    ...(zookeeper && { zookeeper }),
    images: imagesFromCompose(stack, brokers[0]!, mode, notes),
    ...((kafkaHeap || zookeeperHeap) && { heap: { ...(kafkaHeap && { kafka: kafkaHeap }), ...(zookeeperHeap && { zookeeper: zookeeperHeap }) } }),
  };
  // What kafka-dev renders for this stack by itself: compose values equal to it need no config.
  const resolved = parseConfig(base, { source: document.file, defaultName: 'kafka-dev', env: {} });
  const model = buildStackModel(resolved);
  const renderedBroker = model.services.find((service) => service.role === 'broker')!;
  const renderedSettings = new Map(
    Object.entries(renderedBroker.environment).flatMap(([variable, value]) => {
      const setting = settingOfVariable(variable, resolved.images.flavor);
      return setting ? [[setting, value] as const] : [];
    }),
  );
  const brokerConfig = brokerConfigFromCompose(brokers, renderedSettings, notes);
  const topics = topicsFromCompose(brokers, brokers.length, notes);
  const { companions, carried } = companionsFromCompose(stack, brokers, base, document.file, notes);
  notes.push(...leftBehind(stack, model.services, renderedBroker, brokers, carried));
  return { config: { ...base, topics, brokerConfig, ...companions }, notCarried: notes };
}

function nodeId(node: KafkaNodeService): number {
  // Brokers without an id of their own (none, or -1 for one Kafka picks) sort last.
  return wholeNumber((node.settings.get('broker.id') ?? node.settings.get('node.id'))?.value ?? '') ?? Number.MAX_SAFE_INTEGER;
}

function limited<Item extends { service: { name: string } }>(items: Item[], max: number, what: string, notes: string[]): Item[] {
  if (items.length > max) notes.push(`${items.length} ${what}: kafka-dev runs at most ${max}; ${serviceNames(items.slice(max))} left out`);
  return items.slice(0, max);
}

function serviceNames(items: readonly { service: { name: string } }[]): string {
  return items.map((item) => item.service.name).join(', ');
}

function clusterIdFrom(stack: ComposeStack, mode: Mode, name: string | undefined, notes: string[]): { clusterId?: string } {
  const variable = stack.kafka.map((node) => node.service.environment.get('CLUSTER_ID') ?? node.service.environment.get('KAFKA_KRAFT_CLUSTER_ID')).find(Boolean);
  if (mode !== 'kraft' || !variable) return {};
  const problem = problemAt({ clusterId: variable.value }, 'clusterId');
  if (problem) {
    notes.push(`cluster id '${variable.value}' left out (${problem}); kafka-dev derives one from the project name`);
    return {};
  }
  // The id kafka-dev derives from the name needs no line in the config.
  return name && clusterIdFor(name) === variable.value ? {} : { clusterId: variable.value };
}

function zookeeperFromCompose(stack: ComposeStack, notes: string[]): ZookeeperConfig | undefined {
  const [zookeeper, ...ensemble] = stack.zookeeper;
  if (!zookeeper) {
    notes.push('no ZooKeeper service found; kafka-dev adds one');
    return undefined;
  }
  if (ensemble.length > 0) notes.push(`the ZooKeeper ensemble ${serviceNames(stack.zookeeper)} becomes one ZooKeeper`);
  const { environment, ports, name } = zookeeper.service;
  const portVariable = environment.get('ZOOKEEPER_CLIENT_PORT') ?? environment.get('ZOO_PORT_NUMBER');
  const clientPort = portVariable ? wholeNumber(portVariable.value) : defaults.zookeeper.port;
  if (clientPort === undefined) {
    notes.push(`${name}: client port ${quoteText(portVariable!.value)} is not a port number; kafka-dev uses ${defaults.zookeeper.port}`);
    return undefined;
  }
  const mapping = ports.find((port) => port.target === clientPort);
  if (!mapping) {
    notes.push(`${name} is not published to the host; kafka-dev publishes it on ${defaults.zookeeper.bind}:${clientPort}`);
    return { port: clientPort };
  }
  return { port: mapping.published ?? clientPort, ...publishedBind(mapping, name, notes) };
}

function imagesFromCompose(stack: ComposeStack, first: KafkaNodeService, mode: Mode, notes: string[]): ImagesConfig {
  const modeDefaults = mode === 'kraft' ? defaults.images.kraftMode : defaults.images.zookeeperMode;
  const image = first.service.image?.value;
  const flavor = first.flavor && loadFlavor(first.flavor);
  const runsMode = flavor?.templates !== undefined && flavor.modes.includes(mode);
  const kafka4 = image && flavor && mode === 'zookeeper' && (kafkaMajorVersion(image, flavor.name) ?? 0) >= 4;
  let kafka: string = modeDefaults.kafka;
  if (!image) notes.push(`${first.service.name} is built from a Dockerfile; kafka-dev uses ${kafka}`);
  else if (kafka4) notes.push(`image ${image} is Kafka 4, which has no ZooKeeper mode; kafka-dev uses ${kafka}`);
  else if (!runsMode) notes.push(`image ${image}: kafka-dev renders the environment of cp-kafka and apache/kafka images only (${mode} mode); it uses ${kafka}`);
  else kafka = image;
  const zookeeperImage = stack.zookeeper[0]?.service.image?.value;
  const zookeeperFlavor = stack.zookeeper[0]?.flavor;
  const carriesZookeeper = mode === 'zookeeper' && zookeeperImage && zookeeperFlavor && loadFlavor(zookeeperFlavor).templates?.zookeeper;
  if (mode === 'zookeeper' && zookeeperImage && !carriesZookeeper) {
    notes.push(`image ${zookeeperImage}: kafka-dev renders cp-zookeeper's environment only; it uses ${defaults.images.zookeeperMode.zookeeper}`);
  }
  const others = new Set(stack.kafka.map((node) => node.service.image?.value).filter((other) => other !== image));
  if (others.size > 0) notes.push(`nodes run other images too (${[...others].join(', ')}); kafka-dev runs one image for all`);
  return { kafka, ...(carriesZookeeper && { zookeeper: zookeeperImage }) };
}

/** Services, mounts, ports and variables the config cannot express. */
function leftBehind(
  stack: ComposeStack,
  rendered: readonly ServiceSpec[],
  renderedBroker: ServiceSpec,
  brokers: readonly KafkaNodeService[],
  companions: ReadonlySet<ComposeService>,
): string[] {
  const kafkaDevVolumes = new Set(rendered.flatMap((service) => service.volumes.map((mount) => mount.volume)));
  const known = new Set([...stack.kafka, ...stack.zookeeper].map((node) => node.service));
  const renderedZookeeper = rendered.find((service) => service.role === 'zookeeper')?.environment ?? {};
  const publishedListeners = new Set(brokers.flatMap((broker) => listenerExposure(broker).flatMap((exposure) => exposure.published ?? [])));
  return [
    ...stack.document.services
      .filter((service) => !known.has(service) && !companions.has(service))
      .map((service) => `service ${service.name}${service.image ? ` (${service.image.value})` : ' (built from a Dockerfile)'}: not carried over; keep it in a compose file of your own`),
    ...[...known].flatMap((service) =>
      service.volumes
        .filter((mount) => !kafkaDevVolumes.has(mount.source ?? ''))
        .map((mount) => `${service.name}: mount ${mount.source ? `${mount.source}:` : ''}${mount.target} is left out (kafka-dev mounts its own data volumes only; data is not copied over)`),
    ),
    ...brokers.flatMap((broker) => broker.service.ports.filter((port) => !publishedListeners.has(port)).map((port) => `${broker.service.name}: port ${port.text} is not published by kafka-dev`)),
    ...brokers.flatMap((broker) => uncarriedVariables(broker.service, broker.contract, renderedBroker.environment)),
    ...stack.zookeeper.slice(0, 1).flatMap((node) => uncarriedVariables(node.service, node.flavor, renderedZookeeper)),
  ].filter((note, index, all) => all.indexOf(note) === index);
}
