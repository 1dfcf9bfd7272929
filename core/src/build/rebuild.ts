/**
 * `rebuild`: builds one function again outside a program run, as `sst dev` does before a local invocation.
 * Same builders, same cache and the same artifact directory as the program run's build: when none of the
 * function's input files changed it returns the cached artifact without calling the builder.
 */
import type { Kernel } from "../kernel.js";
import { BuildOwner, type BuildJob } from "./owner.js";
import type { Artifact } from "./types.js";

export interface RebuildOptions {
  kernel: Kernel;
  /** The project root. */
  root: string;
  /** The job, as a program run recorded it (`ProgramResult.builds[i].job`). */
  job: BuildJob;
  /** Build for `sst dev` (a separate artifact directory from deploys). @default true */
  dev?: boolean;
}

/** Builds the function (or reuses its cached artifact); fails with the same user errors as a program run's build. */
export async function rebuild(options: RebuildOptions): Promise<Artifact> {
  const owner = new BuildOwner({ kernel: options.kernel, root: options.root, dev: options.dev ?? true, build: { concurrency: 1 } });
  const built = owner.build(options.job, owner.claim(options.job.name));
  owner.track(built);
  await owner.settle();
  return built;
}
