/**
 * `requestBuild`: how a component (`sst.aws.Function`, `sst.cloudflare.Worker`) gets its code built. The kernel
 * builds it through `hooks.build.for(runtime)`; the component receives the artifact as an Output to pass on to
 * its resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { useProgram } from "../program/context.js";
import type { Artifact, BuildRequest } from "./types.js";

/**
 * Asks the kernel to build a function during the program. Builds start as soon as the request's inputs are
 * known and run in the background while the program goes on; the program run ends only when every build has,
 * and fails with every build error of the run at once.
 *
 * - Under `sst diff --offline` and `@sst/core/testing` (unless they ask for builds) nothing is built: the
 *   artifact is a placeholder with `skipped: true`.
 * - In a preview, an unknown input leaves the artifact unknown.
 * - A failed build makes the artifact's Output reject, so nothing that depends on it is created.
 *
 * @example
 * const artifact = requestBuild({ name, runtime: "nodejs", handler: args.handler, files: { "resource.enc": bytes } });
 * new aws.lambda.Function(`${name}Function`, { code: artifact.apply((a) => new pulumi.asset.FileArchive(a.dir)), handler: artifact.handler });
 */
export function requestBuild(request: BuildRequest): pulumi.Output<Artifact> {
  const owner = useProgram("Builds (requestBuild)").builds;
  const slot = owner.claim(request.name);
  const { name, runtime, plugin } = request;
  const args = pulumi.output({ handler: request.handler, properties: request.properties ?? {}, links: request.links ?? {} });
  const artifact = args.apply((a) =>
    addedFiles(request.files).apply((files) =>
      owner.build({ name, runtime, plugin, handler: a.handler, properties: a.properties, links: a.links as BuildJobLinks, files }, slot),
    ),
  );
  // Settles once the artifact is built, failed, or known to be unknown (a preview). `isKnown` is internal to
  // @pulumi/pulumi's Output (pinned), and the only signal for the last case.
  owner.track((artifact as unknown as { isKnown: Promise<boolean> }).isKnown);
  return artifact;
}

type BuildJobLinks = Record<string, Record<string, unknown>>;

type Files = Record<string, string | Uint8Array>;

/**
 * An Input (value, Promise or Output) as an Output, with the value passed through untouched: `pulumi.output`
 * would copy every byte of a Buffer into a plain object.
 */
function lift<T>(input: pulumi.Input<T> | undefined): pulumi.OutputInstance<T | undefined> {
  return pulumi.output(null).apply(() => input as T | undefined) as unknown as pulumi.OutputInstance<T | undefined>;
}

/** The added files, each entry resolved on its own. */
function addedFiles(files: BuildRequest["files"]): pulumi.OutputInstance<Files> {
  return lift(files).apply((record) =>
    Object.entries(record ?? {}).reduce(
      (all, [path, input]) => all.apply((done) => lift(input).apply((data): Files => ({ ...done, [path]: data ?? "" }))),
      lift<Files>({}) as pulumi.OutputInstance<Files>,
    ),
  ) as unknown as pulumi.OutputInstance<Files>;
}
