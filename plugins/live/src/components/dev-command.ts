/**
 * `sst.x.DevCommand`: a command `sst dev` runs beside your functions (a database studio, a queue worker, a
 * frontend's dev server), with the links you give it in its environment. Nothing is deployed for it.
 *
 * @example
 * new sst.x.DevCommand("Studio", { link: [db], dev: { command: "npx drizzle-kit studio" } });
 */
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Component, linkEnvironment, linkProperties, resolveLinks, useProgram, type ComponentArgs } from "@sst/core";
import { encodeLinks } from "@sst/core/resource-env";

export interface DevCommandArgs extends ComponentArgs {
  /**
   * Resources whose links the command gets in its environment (`SST_RESOURCE_<Name>`, and their `environment`
   * includes), read at runtime with the SDK's `Resource.<Name>`.
   */
  link?: pulumi.Input<any[]>;
  /** More environment variables for the command. */
  environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  dev: {
    /** The command, run through the shell. @example `"npx drizzle-kit studio"` */
    command: pulumi.Input<string>;
    /** The directory to run it in, relative to the project root. @default the project root */
    directory?: pulumi.Input<string>;
    /** Start it when `sst dev` starts; otherwise it waits to be started. @default `true` */
    autostart?: pulumi.Input<boolean>;
    /** Its name in `sst dev`'s output. @default the component's name */
    title?: pulumi.Input<string>;
  };
}

/** A dev command as `sst dev` starts it. */
export interface DevCommandSpec {
  name: string;
  title: string;
  command: string;
  /** Absolute. */
  directory: string;
  autostart: boolean;
  /** Links and `environment`, as the child's variables. Values may be secret: only for the child. */
  env: Record<string, string>;
}

/**
 * The dev commands of the last program run, as their values resolve (in the deploy, once the resources they
 * link exist); `@sst/live` reads them after the deploy and clears them before the next.
 */
const specs = new Map<string, DevCommandSpec>();
export function devCommandSpecs(): ReadonlyMap<string, DevCommandSpec> {
  return specs;
}
/** Forgets the specs of an earlier program run (a redeploy may remove commands). */
export function resetDevCommandSpecs(): void {
  specs.clear();
}

export class DevCommand extends Component {
  static readonly __pulumiType = "sst:x:DevCommand";

  constructor(name: string, args: DevCommandArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(DevCommand.__pulumiType, name, args, opts);
    const program = useProgram(`DevCommand "${name}"`);
    const links = resolveLinks(args.link as unknown[] | undefined, this);
    const dev = pulumi.output(args.dev);
    pulumi
      .all([linkProperties(links), pulumi.output(linkEnvironment(links)), pulumi.output(args.environment ?? {}), dev])
      .apply(([properties, included, environment, d]) => {
        const { env } = encodeLinks({ app: { name: program.app.name, stage: program.app.stage }, links: properties, target: "env" });
        specs.set(name, {
          name,
          title: d.title ?? name,
          command: d.command,
          directory: resolveIn(program.root, d.directory),
          autostart: d.autostart ?? true,
          env: { ...env, ...(included as Record<string, string>), ...(environment as Record<string, string>), SST_DEV: "true" },
        });
      });
  }
}

function resolveIn(root: string, directory: string | undefined): string {
  return directory ? resolve(root, directory) : root;
}
