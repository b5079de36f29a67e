import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { loadConfig, type CommonOptions, type OutgoingMessage } from '../api.js';
import { KafkaDevError } from '../base/errors.js';
import { packageFile } from '../base/package-files.js';
import { describeValue } from '../base/text.js';
import { browseQuery } from './browse-query.js';
import { apiConsoleData, type ConsoleData } from './console-data.js';
import { guardRequest, loopbackHostNames, tokenCookieName, type GuardSettings } from './request-guard.js';

/**
 * `kafka-dev ui`: a web console served by kafka-dev itself (node:http, no framework: the server
 * is a handful of JSON routes and static files, and the guard is easier to read without
 * middleware). It binds to 127.0.0.1 unless a host is asked for, and every request passes the guard.
 */

export interface UiOptions extends CommonOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  /** The address to bind; default 127.0.0.1. Anything else must be asked for. */
  host?: string;
  /** The pages' data; default: the exported API over the loaded config. */
  data?: ConsoleData;
  /** Default: a random one. */
  token?: string;
}

export interface RunningUi {
  /** With the token: opening it logs the browser in. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const contentTypes: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const requireAsset = createRequire(import.meta.url);
/** Every file the console serves, by the name its pages ask for: nothing else on disk is reachable. */
const assetFiles: ReadonlyMap<string, string> = new Map<string, string>([
  ...['index.html', 'app.js', 'app.css'].map((name) => [name, packageFile('ui-assets', name)] as const),
  // The lag chart's library (uPlot: small, dependency-free, MIT), served from the installed package, never a CDN.
  ['uplot.js', requireAsset.resolve('uplot/dist/uPlot.iife.min.js')],
  ['uplot.css', requireAsset.resolve('uplot/dist/uPlot.min.css')],
]);

export async function startUi(options: UiOptions = {}): Promise<RunningUi> {
  const data = options.data ?? apiConsoleData({ ...options, config: options.config ?? (await loadConfig(options)) });
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const guard: { settings?: GuardSettings } = {};
  const server = createServer((request, response) => {
    handle(request, response, guard.settings!, data).catch((error: unknown) => sendJson(response, 500, { error: errorText(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new KafkaDevError(`kafka-dev ui cannot listen on ${host}:${options.port ?? 0}: ${error.code ?? error.message}`, { hint: 'Pick another port (kafka-dev ui --port, kafka-dev up --ui-port), or 0 for any free one.' })),
    );
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const hostNames = loopbackHostNames.includes(host) ? loopbackHostNames : [...loopbackHostNames, host.includes(':') ? `[${host}]` : host];
  guard.settings = { token, port, hostNames };
  const urlHost = host === '127.0.0.1' ? '127.0.0.1' : hostNames.at(-1)!;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, settings: GuardSettings, data: ConsoleData): Promise<void> {
  const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
  const verdict = guardRequest(
    { method: request.method ?? 'GET', url: request.url ?? '/', host: header('host'), origin: header('origin'), cookie: header('cookie'), accept: header('accept'), fetchSite: header('sec-fetch-site') },
    settings,
  );
  if (!verdict.allowed) return sendJson(response, verdict.status, { error: verdict.reason });
  const url = new URL(request.url ?? '/', 'http://console');
  if (verdict.tokenInUrl) {
    // The token leaves the address bar (and the history) once the cookie holds it.
    url.searchParams.delete('token');
    response.writeHead(303, {
      location: url.pathname + url.search,
      'set-cookie': `${tokenCookieName(settings.port)}=${settings.token}; HttpOnly; SameSite=Strict; Path=/`,
      ...securityHeaders,
    });
    return void response.end();
  }
  const [, , resource, topic, part] = url.pathname.split('/').map(decodeURIComponent);
  if (resource === 'topics' && topic && part === 'tail') return tail(request, response, data, topic);
  if (resource === 'topics' && topic && part === 'messages' && request.method === 'POST') {
    const problem = produceProblem(await readJson(request));
    if (typeof problem === 'string') return sendJson(response, 400, { error: problem });
    await data.produce(topic, problem);
    return sendJson(response, 200, { topic, sent: 1 });
  }
  if (resource === 'topics' && topic && part === 'messages') {
    const request = browseQuery(url.searchParams);
    if (typeof request === 'string') return sendJson(response, 400, { error: request });
    return sendJson(response, 200, await data.browse(topic, request));
  }
  if (url.pathname.startsWith('/api/')) {
    const answer = apiAnswer(url, data);
    return answer ? sendJson(response, 200, await answer) : sendJson(response, 404, { error: `no API ${JSON.stringify(url.pathname)}` });
  }
  const name = url.pathname === '/' ? 'index.html' : url.pathname.replace(/^\/assets\//, '');
  const file = assetFiles.get(name);
  if (file === undefined) return sendJson(response, 404, { error: `no page ${JSON.stringify(url.pathname)}` });
  response.writeHead(200, { 'content-type': contentTypes[extname(name)]!, ...securityHeaders });
  response.end(await readFile(file));
}

/** The JSON answer of an API path; undefined for a path the console does not have. */
function apiAnswer(url: URL, data: ConsoleData): Promise<unknown> | undefined {
  const [, , resource, name, part] = url.pathname.split('/').map(decodeURIComponent);
  if (resource === 'status' && name === undefined) return data.status();
  if (resource === 'env' && name === undefined) return data.clientEnv();
  if (resource === 'topics' && name === undefined) return data.topics();
  if (resource === 'groups' && name === undefined) return data.groups();
  if (resource === 'topics' && name && part === undefined) return data.topic(name);
  return undefined;
}

/** New messages as server-sent events until the page goes away. */
async function tail(request: IncomingMessage, response: ServerResponse, data: ConsoleData, topic: string): Promise<void> {
  const stop = new AbortController();
  request.on('close', () => stop.abort());
  response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive', ...securityHeaders });
  response.write(': tailing\n\n');
  try {
    await data.tail(topic, (message) => response.write(`data: ${JSON.stringify(message)}\n\n`), stop.signal);
  } catch (error) {
    response.write(`event: failure\ndata: ${JSON.stringify({ error: errorText(error) })}\n\n`);
  }
  response.end();
}

const maxBodyBytes = 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) {
    body += (chunk as Buffer).toString();
    if (body.length > maxBodyBytes) return undefined;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The message to send, or what is wrong with the form: one line of value, a key without tabs, headers as name and value pairs. */
function produceProblem(body: unknown): OutgoingMessage | string {
  const { key, value, headers = [] } = (typeof body === 'object' && body !== null ? body : {}) as { key?: unknown; value?: unknown; headers?: unknown };
  if (typeof value !== 'string') return 'value: expected a JSON body {"key"?: string, "value": string, "headers"?: [name, value][]} of at most 1 MiB';
  const pairs = Array.isArray(headers) ? headers : [];
  const badHeader = pairs.findIndex((pair) => !Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || pair[0] === '' || typeof pair[1] !== 'string');
  if (!Array.isArray(headers) || badHeader >= 0) return `headers${badHeader >= 0 ? `[${badHeader}]` : ''}: got ${describeValue(badHeader >= 0 ? pairs[badHeader] : headers)}, expected a list of [name, value] pairs of text, each with a name`;
  if (key !== undefined && typeof key !== 'string') return `key: got ${typeof key}, expected a string`;
  if (/[\r\n]/.test(value)) return 'value: got a line break, expected one line (kafka-dev produce sends one message per line)';
  if (typeof key === 'string' && /[\t\r\n]/.test(key)) return 'key: got a tab or line break, expected neither';
  const message = key ? { key, value } : { value };
  return pairs.length ? { ...message, headers: pairs as [string, string][] } : message;
}

/** The console's own page only: no framing by other sites, no scripts from elsewhere, no token in a Referer. */
const securityHeaders = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  if (response.headersSent) return void response.end();
  response.writeHead(code, { 'content-type': 'application/json; charset=utf-8', ...securityHeaders });
  response.end(JSON.stringify(body));
}

function errorText(error: unknown): string {
  if (error instanceof KafkaDevError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
