import { Socket } from 'node:net';
import type { WaitStrategy } from './wait-strategy.js';

/** A companion is ready when the host can connect to its published port. */
export class TcpReady implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = 1000,
  ) {
    this.description = `${host}:${port} accepts connections`;
  }

  check(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error(`no connection within ${this.timeoutMs} ms`)));
      socket.once('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
      socket.connect(this.port, this.host, () => {
        socket.destroy();
        resolve();
      });
    });
  }
}
