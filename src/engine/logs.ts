import { InvalidArgumentsError, KafkaDevError } from '../base/errors.js';
import type { ContainerRuntime, LogLine, LogRequest } from './runtime.js';
import { composeLabel, projectLabels } from './labels.js';

export interface StackLogsOptions extends LogRequest {
  /** Only this compose service. */
  readonly service?: string;
}

export interface ServiceLogLine extends LogLine {
  readonly service: string;
}

export interface StackLogs {
  /** Services whose containers are read, sorted by name. */
  readonly services: readonly string[];
  readonly lines: AsyncIterable<ServiceLogLine>;
}

/**
 * The logs of a project's containers, found by the compose project label like `status` finds
 * them. Without `follow`, all lines sorted by time; with it, lines as they arrive until every
 * container stopped or the signal aborts.
 */
export async function stackLogs(project: string, runtime: ContainerRuntime, options: StackLogsOptions): Promise<StackLogs> {
  await runtime.info();
  const containers = (await runtime.listContainers(projectLabels(project)))
    .filter((container) => container.labels[composeLabel.service] && container.labels[composeLabel.oneoff] !== 'True')
    .sort((a, b) => a.labels[composeLabel.service]!.localeCompare(b.labels[composeLabel.service]!));
  const serviceOf = (container: (typeof containers)[number]) => container.labels[composeLabel.service]!;
  if (containers.length === 0) {
    throw new KafkaDevError(`Project ${project} has no containers`, {
      hint: "Start it with 'kafka-dev up', or name the project with -p (kafka-dev status shows what it looks for).",
    });
  }
  const chosen = options.service ? containers.filter((container) => serviceOf(container) === options.service) : containers;
  if (chosen.length === 0) {
    throw new InvalidArgumentsError('logs', [
      { path: 'service', message: `got '${options.service}', which is not a service of project ${project}; expected one of: ${containers.map(serviceOf).join(', ')}` },
    ]);
  }
  const sources = chosen.map((container) => {
    const service = serviceOf(container);
    return mapLines(runtime.containerLogLines(container.id, options), (line) => ({ ...line, service }));
  });
  return { services: chosen.map(serviceOf), lines: options.follow ? asTheyArrive(sources) : byTime(sources) };
}

async function* mapLines<From, To>(source: AsyncIterable<From>, map: (item: From) => To): AsyncIterable<To> {
  for await (const item of source) yield map(item);
}

/** Every line of every source, ordered by Docker's timestamp (stable for equal times). */
async function* byTime(sources: AsyncIterable<ServiceLogLine>[]): AsyncIterable<ServiceLogLine> {
  const all = (await Promise.all(sources.map(collect))).flat();
  yield* all
    .map((line, index) => ({ line, index, time: sortableTime(line.timestamp) }))
    .sort((a, b) => a.time.localeCompare(b.time) || a.index - b.index)
    .map(({ line }) => line);
}

async function collect<Item>(source: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** RFC 3339 with nanoseconds, trailing zeros trimmed by Docker, padded so that text order is time order. */
export function sortableTime(timestamp: string): string {
  return timestamp.replace(/(?:\.(\d+))?Z$/, (_, fraction: string | undefined) => `.${(fraction ?? '').padEnd(9, '0')}Z`);
}

/** Lines from all sources interleaved in arrival order; ends when every source has ended. */
async function* asTheyArrive<Item>(sources: AsyncIterable<Item>[]): AsyncIterable<Item> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const next = (index: number) => iterators[index]!.next().then((result) => ({ index, result }));
  const pending = new Map(iterators.map((_, index) => [index, next(index)]));
  while (pending.size > 0) {
    const { index, result } = await Promise.race(pending.values());
    if (result.done) {
      pending.delete(index);
    } else {
      pending.set(index, next(index));
      yield result.value;
    }
  }
}
