import { Socket } from 'node:net';
import type { WaitStrategy } from './wait-strategy.js';

/** ZooKeeper is ready when it answers the `srvr` four-letter word (allowed by default since 3.5) as a serving node. */
export class ZookeeperReady implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = 1000,
  ) {
    this.description = `ZooKeeper answers 'srvr' on ${host}:${port}`;
  }

  async check(): Promise<void> {
    const answer = await fourLetterWord(this.host, this.port, 'srvr', this.timeoutMs);
    if (!/^Mode: (standalone|leader|follower)/m.test(answer)) {
      throw new Error(answer.trim() ? `answered '${answer.trim().split('\n')[0]}'` : 'connection closed without an answer');
    }
  }
}

export function fourLetterWord(host: string, port: number, word: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', (hadError) => hadError || resolve(answer));
    socket.connect(port, host, () => socket.end(word));
  });
}
