import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the console: the pure decision over a request's method, URL and headers. The
 * server can write to Kafka (produce), so a page on another site must not drive it: the token
 * (from the URL, then a cookie) proves the caller saw the printed URL, `Host` stops DNS rebinding,
 * `Origin` stops cross-site writes and cross-site event streams.
 */

export interface GuardSettings {
  readonly token: string;
  readonly port: number;
  /** The host names the server answers to: the loopback names, plus an explicit `--host`. */
  readonly hostNames: readonly string[];
}

export interface GuardedRequest {
  readonly method: string;
  /** Path and query, as in the request line. */
  readonly url: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
  readonly accept: string | undefined;
  readonly fetchSite: string | undefined;
}

export type GuardVerdict =
  | { readonly allowed: true; /** The token came in the URL: set the cookie and drop it from the address bar. */ readonly tokenInUrl: boolean }
  | { readonly allowed: false; readonly status: 401 | 403; readonly reason: string };

export const loopbackHostNames: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The cookie carries the port: consoles of two projects on one machine keep their own tokens. */
export const tokenCookieName = (port: number): string => `kafka_dev_ui_${port}`;

const safeMethods = new Set(['GET', 'HEAD']);

export function guardRequest(request: GuardedRequest, settings: GuardSettings): GuardVerdict {
  const expectedHosts = settings.hostNames.map((name) => `${name.toLowerCase()}:${settings.port}`);
  const host = request.host?.toLowerCase();
  if (!host || !expectedHosts.includes(host)) {
    return { allowed: false, status: 403, reason: `Host ${JSON.stringify(request.host ?? '')} is not this console's address (expected ${expectedHosts.join(' or ')})` };
  }
  const streaming = request.accept?.includes('text/event-stream') ?? false;
  const changesState = !safeMethods.has(request.method.toUpperCase());
  if (request.fetchSite === 'cross-site' || (request.origin !== undefined && request.origin !== `http://${host}`)) {
    return { allowed: false, status: 403, reason: `Origin ${JSON.stringify(request.origin ?? request.fetchSite ?? '')} is not this console (expected http://${host})` };
  }
  // Browsers send Origin on every POST; a write without one did not come from this console's page.
  if (changesState && request.origin === undefined) {
    return { allowed: false, status: 403, reason: `a ${request.method} needs an Origin header of http://${host}` };
  }
  const urlToken = new URL(request.url, 'http://console').searchParams.get('token');
  if (urlToken !== null && sameToken(urlToken, settings.token)) return { allowed: true, tokenInUrl: !streaming && !changesState };
  if (sameToken(cookieValue(request.cookie, tokenCookieName(settings.port)), settings.token)) return { allowed: true, tokenInUrl: false };
  return { allowed: false, status: 401, reason: 'no valid token: open the URL that kafka-dev ui printed (it ends with ?token=…)' };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
