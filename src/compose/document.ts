/**
 * A docker-compose file reduced to what the Kafka checks need, each value with the line it is
 * written on, so a finding can say `file:line`. Accepts what Compose accepts: list or map
 * `environment:`, short and long `ports:` and `volumes:`, YAML anchors and `<<` merges.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { ComposeFileError } from '../base/errors.js';
import { wholeNumber } from '../base/whole-number.js';

export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

export interface PortMapping {
  /** As written (short syntax) or summarised (long syntax), for messages. */
  readonly text: string;
  /** Host address it is published on; undefined means every interface. */
  readonly hostIp?: string;
  /** Host port; undefined when Docker picks one, or when it is not a plain number. */
  readonly published?: number;
  readonly target: number;
  readonly line: number;
}

export interface Mount {
  /** Named volume or host path; undefined for an anonymous volume. */
  readonly source?: string;
  readonly target: string;
  readonly line: number;
}

export interface ComposeService {
  readonly name: string;
  readonly line: number;
  readonly image?: Located<string>;
  readonly hostname?: string;
  readonly containerName?: string;
  /** Variables without a value (taken from the shell) have the empty string. */
  readonly environment: ReadonlyMap<string, Located<string>>;
  readonly ports: readonly PortMapping[];
  readonly volumes: readonly Mount[];
  /** `depends_on`, as a list or as a mapping of service names. */
  readonly dependsOn: readonly string[];
  /** `command` in the list form; a command written as one string is split at spaces. */
  readonly command?: readonly string[];
}

export interface ComposeDocument {
  readonly file: string;
  /** The obsolete top-level `version:` key. */
  readonly version?: Located<string>;
  /** Top-level `name:`, or the project kafka-dev's own header names (`docker compose -p NAME`). */
  readonly projectName?: string;
  readonly services: readonly ComposeService[];
}

/** Parses compose text; a YAML error or a file that is not a compose file becomes a ComposeFileError with file:line. */
export function parseComposeDocument(text: string, file: string): ComposeDocument {
  const lineCounter = new LineCounter();
  // Compose fills `${VAR:-default}` from the shell first; the default is what a fresh shell gets.
  const interpolated = text.replace(/\$\{\w+:?-([^}\n]*)\}/g, '$1');
  const document = parseDocument(interpolated, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const fail = (message: string, offset?: number): never => {
    const where = offset === undefined ? file : `${file}:${lineCounter.linePos(offset).line}`;
    throw new ComposeFileError(`${where}: ${message}`, {
      hint: 'Check that it is the docker-compose file you meant (docker compose -f FILE config shows what Compose makes of it).',
    });
  };
  const firstError = document.errors[0];
  if (firstError) fail(`not valid YAML: ${firstError.message.split('\n')[0]}`, firstError.pos[0]);
  const lineOf = (node: unknown) => lineCounter.linePos(rangeStart(node)).line;
  const root = document.contents;
  if (!isMap(root)) return fail('expected a mapping with a top-level services: key');
  const top = entries(root, document);
  const services = top.get('services');
  if (!services || !isMap(services.value)) {
    return fail('has no services: mapping, so it is not a docker-compose file', services ? rangeStart(services.key) : undefined);
  }
  const scalar = (pair: Pair | undefined) => (pair && isScalar(pair.value) ? String(pair.value.value ?? '') : undefined);
  const version = top.get('version');

  return {
    file,
    ...(version && { version: { value: scalar(version) ?? '', line: lineOf(version.key) } }),
    ...optional('projectName', scalar(top.get('name')) ?? /docker compose -p (\S+)/.exec(document.commentBefore ?? '')?.[1]),
    services: [...entries(services.value, document)].map(([name, pair]) => {
      const fields = isMap(pair.value) ? entries(pair.value, document) : new Map<string, Pair>();
      const image = fields.get('image');
      return {
        name,
        line: lineOf(pair.key),
        ...(image && { image: { value: scalar(image) ?? '', line: lineOf(image.value) } }),
        ...optional('hostname', scalar(fields.get('hostname'))),
        ...optional('containerName', scalar(fields.get('container_name'))),
        environment: environmentOf(fields.get('environment')?.value, document, lineOf),
        ports: items(fields.get('ports')?.value, document).flatMap((item) => portsOf(resolved(item, document), lineOf(item))),
        volumes: items(fields.get('volumes')?.value, document).flatMap((item) => mountOf(resolved(item, document), lineOf(item))),
        dependsOn: dependsOnOf(fields.get('depends_on')?.value, document),
        ...commandOf(fields.get('command')?.value, document),
      };
    }),
  };
}

function optional<Key extends string>(key: Key, value: string | undefined): { [K in Key]?: string } {
  return (value ? { [key]: value } : {}) as { [K in Key]?: string };
}

function rangeStart(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

function resolved(node: unknown, document: Document): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** A mapping's pairs by key, `<<` merges (YAML anchors) included; keys written in the mapping win. */
function entries(node: unknown, document: Document): Map<string, Pair> {
  const map = new Map<string, Pair>();
  const target = resolved(node, document);
  if (!isMap(target)) return map;
  for (const pair of target.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== '<<') {
      map.set(key, pair);
      continue;
    }
    const merged = resolved(pair.value, document);
    for (const source of isSeq(merged) ? merged.items : [merged]) {
      for (const [name, inherited] of entries(source, document)) if (!map.has(name)) map.set(name, inherited);
    }
  }
  return map;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value ?? '') : undefined;
}

function dependsOnOf(node: unknown, document: Document): string[] {
  const target = resolved(node, document);
  if (isMap(target)) return [...entries(target, document).keys()];
  return items(target, document).flatMap((item) => scalarText(resolved(item, document)) ?? []);
}

function commandOf(node: unknown, document: Document): { command?: string[] } {
  const target = resolved(node, document);
  if (isSeq(target)) return { command: target.items.map((item) => scalarText(resolved(item, document)) ?? '') };
  const text = scalarText(target);
  return text ? { command: text.split(/\s+/).filter(Boolean) } : {};
}

function items(node: unknown, document: Document): unknown[] {
  const target = resolved(node, document);
  return isSeq(target) ? target.items : [];
}

function environmentOf(node: unknown, document: Document, lineOf: (node: unknown) => number): Map<string, Located<string>> {
  const environment = new Map<string, Located<string>>();
  if (isMap(resolved(node, document))) {
    for (const [name, pair] of entries(node, document)) {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      environment.set(name, { value: value === null || value === undefined ? '' : String(value), line: lineOf(pair.key) });
    }
    return environment;
  }
  for (const item of items(node, document)) {
    if (!isScalar(item)) continue;
    const [name = '', ...value] = String(item.value).split('=');
    environment.set(name.trim(), { value: value.join('='), line: lineOf(item) });
  }
  return environment;
}

/** `9092`, `9092:9092`, `127.0.0.1:9092:9092`, `[::1]::9092/tcp`, ranges, or the long syntax. */
function portsOf(node: unknown, line: number): PortMapping[] {
  if (isMap(node)) {
    const long = scalarFields(node);
    const target = wholeNumber(String(long.target));
    if (target === undefined) return [];
    const hostIp = long.host_ip === undefined ? undefined : String(long.host_ip);
    const published = long.published === undefined ? undefined : String(long.published);
    const text = [hostIp, published, target].filter((part) => part !== undefined).join(':');
    return [withHost({ text, target, line }, hostIp, published)];
  }
  if (!isScalar(node)) return [];
  const text = String(node.value);
  const spec = text.replace(/\/\w+$/, '');
  const [rest, targets = ''] = splitLast(spec);
  const [hostIp, published] = rest === undefined ? [] : splitLast(rest);
  const targetRange = portRange(targets);
  const publishedRange = published ? portRange(published) : [];
  return targetRange.map((target, index) =>
    withHost({ text, target, line }, hostIp, publishedRange.length > 0 ? String(publishedRange[index] ?? '') : published),
  );
}

/** The scalar fields of a long-syntax entry (`{ target: 9092, published: 9092 }`). */
function scalarFields(node: { items: Pair[] }): Record<string, unknown> {
  return Object.fromEntries(
    node.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : '', isScalar(pair.value) ? pair.value.value : undefined]),
  );
}

function withHost(mapping: PortMapping, hostIp: string | undefined, published: string | undefined): PortMapping {
  const port = wholeNumber(published ?? '');
  const address = hostIp?.replace(/^\[(.*)\]$/, '$1');
  return { ...mapping, ...(address && { hostIp: address }), ...(port !== undefined && { published: port }) };
}

/** `a:b:c` -> [`a:b`, `c`]; without a colon, [undefined, text]. Brackets keep IPv6 addresses whole. */
function splitLast(text: string): [string | undefined, string] {
  const index = text.lastIndexOf(':');
  if (index < 0 || text.lastIndexOf(']') > index) return [undefined, text];
  return [text.slice(0, index), text.slice(index + 1)];
}

function portRange(text: string): number[] {
  // `9092` or `9092-9093`: a single port is a range from itself to itself.
  const bounds = text.split('-').map(wholeNumber);
  const [from, to] = [bounds[0], bounds.at(-1)];
  if (bounds.length > 2 || from === undefined || to === undefined || to < from) return [];
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** `name:/path[:ro]`, `./dir:/path`, `/path` (anonymous), or the long syntax. */
function mountOf(node: unknown, line: number): Mount[] {
  if (isMap(node)) {
    const long = scalarFields(node);
    if (long.target === undefined) return [];
    return [{ target: String(long.target), line, ...optional('source', long.source === undefined ? undefined : String(long.source)) }];
  }
  if (!isScalar(node)) return [];
  const [first = '', second] = String(node.value).split(':');
  return second === undefined ? [{ target: first, line }] : [{ source: first, target: second, line }];
}
