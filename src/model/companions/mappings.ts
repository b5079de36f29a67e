/**
 * Compose's short syntax for ports and volumes, as a config's `services` write them: parsed once
 * here for the schema's checks, the resolved config and the reading of compose files.
 */
import { exposesEngineSocket } from '../engine-socket.js';
import { isAbsolute, resolve } from 'node:path';
import { isIP } from 'node:net';
import type { ResolvedMount, ResolvedPort } from '../types.js';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const portPattern = /^(?:(\[[^\]]*\]|[^:[\]]+):)?(\d{1,5}):(\d{1,5})(?:\/tcp)?$/;

/** `'8080:8080'`, `'127.0.0.1:8080:80'`, `'[::1]:8080:80'`; published on `defaultBind` unless an address is given. */
export function parsePortMapping(text: string, defaultBind: string): Parsed<ResolvedPort> {
  const match = portPattern.exec(text.trim());
  if (!match) return { ok: false, problem: "expected 'HOST:CONTAINER' or 'ADDRESS:HOST:CONTAINER' such as '8080:8080' (TCP only)" };
  const bind = match[1]?.replace(/^\[(.*)\]$/, '$1') ?? defaultBind;
  if (isIP(bind) === 0) return { ok: false, problem: `the host address ${bind} is not an IP address; expected one such as 127.0.0.1 or 0.0.0.0` };
  const [host, container] = [Number(match[2]), Number(match[3])];
  if ([host, container].some((port) => port < 1 || port > 65535)) return { ok: false, problem: 'expected ports from 1 to 65535' };
  return { ok: true, value: { bind, host, container } };
}

const volumePattern = /^([^:]+):(\/[^:]*)(?::(ro|rw))?$/;
const volumeName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `'name:/path'` (a named volume), `'./dir:/path'` or `'/abs:/path'` (a folder, relative to `baseDir`), with `:ro` or `:rw`. */
export function parseVolumeMapping(text: string, baseDir: string): Parsed<ResolvedMount> {
  const match = volumePattern.exec(text.trim());
  if (!match) return { ok: false, problem: "expected 'NAME:/container/path' or './folder:/container/path', optionally ending in ':ro'" };
  const [, source, target, mode] = match as unknown as [string, string, string, string | undefined];
  const readOnly = mode === 'ro';
  if (source.startsWith('.') || isAbsolute(source)) {
    const folder = resolve(baseDir, source);
    if (exposesEngineSocket(folder)) return { ok: false, problem: `${source} would give the container the container engine's socket, which is root on the host; expected a folder without it` };
    return { ok: true, value: { kind: 'bind', source: folder, target, readOnly } };
  }
  if (!volumeName.test(source)) return { ok: false, problem: `${source} is neither a volume name (letters, digits, '_', '.', '-') nor a folder starting with './' or '/'` };
  return { ok: true, value: { kind: 'volume', volume: source, target, readOnly } };
}
