import type { ResolvedConfig } from '../../model/types.js';
import type { StackModel } from '../../model/stack.js';
import type { ContainerRuntime } from '../../engine/runtime.js';
import type { UpDependencies } from './dependencies.js';
import type { UpOptions } from './options.js';

/** What every step of `up` reads and none changes: the config and its model, the engine, the options, the collaborators. */
export interface UpContext {
  readonly config: ResolvedConfig;
  readonly model: StackModel;
  readonly bootstrap: { readonly host: readonly string[]; readonly containers: readonly string[] };
  readonly runtime: ContainerRuntime;
  readonly options: UpOptions;
  readonly dependencies: UpDependencies;
}
