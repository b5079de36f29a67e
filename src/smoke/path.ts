import type { PathProblem } from '../kafka/diagnose.js';
import type { DeliveryStats } from './stats.js';

/** What the smoke check hands each path (OUTSIDE, INSIDE), and what a path hands back to be judged. */

/** Everything one path needs to know about this run. */
export interface SmokeRun {
  readonly runId: string;
  readonly topic: string;
  readonly partitions: number;
  readonly messages: number;
  readonly timeoutMs: number;
  /** Give up on the messages still missing after this long without a new one. */
  readonly idleMs: number;
  readonly signal?: AbortSignal;
}

/** What a path found, before it is judged. */
export interface PathResult {
  readonly stats: DeliveryStats;
  readonly problems: readonly PathProblem[];
}
