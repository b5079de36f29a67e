import type { ComposeStack } from '../compose/stack.js';

/**
 * A lint rule is a small object, like a wait strategy: what it is called, how much it matters,
 * and a pure check over the interpreted compose file. Errors break the stack (or hand a container
 * root on the host); warnings are risks a working stack can still carry.
 */
export type Severity = 'error' | 'warning';

export interface RuleFinding {
  /** Line of the offending key in the compose file. */
  readonly line: number;
  readonly service?: string;
  /** What is wrong, in one line. */
  readonly problem: string;
  /** How it bites. */
  readonly why: string;
  readonly fix: string;
}

export interface Finding extends RuleFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly file: string;
}

export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  check(stack: ComposeStack): RuleFinding[];
}
