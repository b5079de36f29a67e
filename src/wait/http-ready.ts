import type { WaitStrategy } from './wait-strategy.js';

/** A companion is ready when a URL the host reaches answers 2xx or 3xx (a health endpoint, a registry's /subjects). */
export class HttpReady implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 2000,
  ) {
    this.description = `GET ${url} answers`;
  }

  async check(): Promise<void> {
    const response = await fetch(this.url, { redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) }).catch((error: unknown) => {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(cause?.code ?? cause?.message ?? (error as Error).message);
    });
    await response.body?.cancel();
    if (response.status >= 400) throw new Error(`answered HTTP ${response.status}`);
  }
}
