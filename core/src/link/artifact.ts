/**
 * The links of a function-like receiver as its artifact carries them (link format v1, target `"file"`):
 * `resource.enc` at the artifact root and the env vars that open it. Builders add the files to the artifact;
 * components put the env on the function.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";
import { encodeLinks } from "../resource-env/encode.js";
import { linkProperties } from "./resolve.js";
import type { ResolvedLink } from "./types.js";

export interface LinkArtifact {
  /**
   * Files to add at the artifact's root, by name, as base64 (an Output cannot carry a Buffer: Pulumi copies
   * values it resolves into plain objects): `{ "resource.enc": "<base64>" }`.
   * @example for (const [name, b64] of Object.entries(artifact.files)) writeFileSync(join(out, name), Buffer.from(b64, "base64"));
   */
  files: Record<string, string>;
  /**
   * `SST_RESOURCE_App`, `SST_KEY` and `SST_KEY_FILE`, for the function's environment. The links'
   * `environment` includes (`linkEnvironment(links)`) go beside them.
   */
  env: Record<string, string>;
}

/**
 * Encodes a receiver's links for its artifact, with a key derived from the stage's link secret and the
 * links themselves: the same links give byte-identical files and env on every run (so an unchanged function
 * is not updated), and no key ever seals two different plaintexts (spec/link-format.md §2.2). The Output is
 * secret (`SST_KEY` opens the file) and resolves once every link property has.
 * @example
 * const links = resolveLinks(args.link, this);
 * const artifact = linkArtifact(links); // builder: write artifact.files; function env: { ...linkEnvironment(links), ...artifact.env }
 */
export function linkArtifact(links: ResolvedLink[]): pulumi.Output<LinkArtifact> {
  const program = useProgram("linkArtifact");
  const secret = program.linkSecret;
  if (!secret) {
    throw new SSTError({
      code: "E_LINK_SECRET_MISSING",
      message: "This program run has no link secret, so links cannot be encoded for an artifact.",
      hint: "Run the program through the sst CLI (it passes the stage's link secret), synth or @sst/core/testing, or pass `linkSecret` to runProgram.",
    });
  }
  const app = { name: program.app.name, stage: program.app.stage };
  return pulumi.secret(
    pulumi.all([linkProperties(links), secret()]).apply(([map, stageSecret]): LinkArtifact => {
      const { env, file } = encodeLinks({ app, links: map, target: "file", secret: stageSecret });
      return { files: { [file!.name]: file!.bytes.toString("base64") }, env };
    }),
  );
}
