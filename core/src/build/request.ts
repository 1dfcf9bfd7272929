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
 * - The artifact is never secret, even when a link value or an added file is.
 *
 * @example
 * const links = linkArtifact(resolveLinks(args.link, this)); // resource.enc, as base64
 * const artifact = requestBuild({
 *   name, runtime: "nodejs", handler: args.handler,
 *   files: links.files.apply((f) => Object.fromEntries(Object.entries(f).map(([n, b64]) => [n, Buffer.from(b64, "base64")]))),
 * });
 * new aws.lambda.Function(`${name}Function`, { code: artifact.apply((a) => new pulumi.asset.FileArchive(a.dir)), handler: artifact.handler });
 */
export function requestBuild(request: BuildRequest): pulumi.Output<Artifact> {
  const owner = useProgram("Builds (requestBuild)").builds;
  const slot = owner.claim(request.name);
  const { name, runtime, plugin } = request;
  // The artifact is never secret (its fields are paths and a content hash): a secret link value or an added file
  // from `linkArtifact` must not make every function's code secret in the state and in diffs.
  const args = pulumi.unsecret(pulumi.output({ handler: request.handler, properties: request.properties ?? {}, links: request.links ?? {} }));
  const files = pulumi.unsecret(encodedFiles(request.files));
  const artifact = args.apply((a) =>
    files.apply((encoded) => {
      const decoded = Object.fromEntries(Object.entries(encoded).map(([path, b64]) => [path, b64 === null ? null : Buffer.from(b64, "base64")]));
      return owner.build({ name, runtime, plugin, handler: a.handler, properties: a.properties, links: a.links as BuildJobLinks, files: decoded }, slot);
    }),
  );
  // Settles once the artifact is built, failed, or known to be unknown (a preview). `isKnown` is internal to
  // @pulumi/pulumi's Output (pinned), and the only signal for the last case.
  owner.track((artifact as unknown as { isKnown: Promise<boolean> }).isKnown);
  return artifact;
}

type BuildJobLinks = Record<string, Record<string, unknown>>;

/**
 * An Input (value, Promise or Output) as an Output, with the value passed through untouched: `pulumi.output`
 * would copy every byte of a Buffer into a plain object.
 */
function lift<T>(input: pulumi.Input<T> | undefined): pulumi.OutputInstance<T | undefined> {
  return pulumi.output(null).apply(() => input as T | undefined) as unknown as pulumi.OutputInstance<T | undefined>;
}

/**
 * The added files as base64, each entry resolved on its own, so no Buffer ever goes through `pulumi.output`.
 * A value that is neither text nor bytes becomes `null`, for the owner to report with the function's name.
 */
function encodedFiles(files: BuildRequest["files"]): pulumi.Output<Record<string, string | null>> {
  const encode = (data: unknown): string | null =>
    typeof data === "string" || data instanceof Uint8Array ? Buffer.from(data).toString("base64") : null;
  return lift(files).apply((record) =>
    pulumi
      .all(Object.entries(record ?? {}).map(([path, input]) => lift(input).apply((data): [string, string | null] => [path, encode(data)])))
      .apply((entries) => Object.fromEntries(entries)),
  );
}
