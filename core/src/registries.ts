/**
 * The kernel's registries: what plugins contribute besides taps. Provider rules (name lengths, stateful
 * types, package names) live in the provider plugins and are registered here, never hard-coded in core.
 */
import { strictNamespace } from "./program/namespace.js";
import { commandProblems, type Command, type CommandArgs, type RegisteredCommand } from "./command/command.js";
import { SSTError } from "./errors.js";

/** How a resource type gets its physical name. */
export interface NamingRule {
  /** The args field that holds the physical name (`bucket`, `name`, `scriptName`), or `tags` for `tags.Name`. */
  field: string;
  /** The provider's length limit for that field. */
  max: number;
  /** Lower-case the name (S3 buckets, Workers scripts). */
  lower?: boolean;
  /** A fixed suffix the name must end with, computed from the args (`.fifo` for FIFO queues). */
  suffix?: (props: Record<string, any>) => string;
}

/**
 * Component classes by namespace, as a plugin declares them once: `{ hello: { Greeting } }` makes
 * `sst.hello.Greeting`. The plugin passes the object to `definePlugin({ components })` (the kernel registers
 * it) and types the `sst` global from the same object, so the two cannot drift:
 *
 *   const components = { hello: { Greeting } };
 *   type HelloComponents = typeof components;
 *   declare module "@sst/core" { interface SSTNamespace extends HelloComponents {} }
 */
export type ComponentTree = { readonly [name: string]: Function | ComponentTree };

/** `{ hello: { Greeting } }` → `[["hello.Greeting", Greeting]]`. */
export function componentPaths(tree: ComponentTree, prefix = ""): [string, Function][] {
  return Object.entries(tree).flatMap(([name, value]): [string, Function][] =>
    typeof value === "function" ? [[prefix + name, value]] : componentPaths(value, `${prefix}${name}.`),
  );
}

/** Creates a home for an app (the app's provider config decides region, account, ...). May be async. */
export type HomeFactory = (
  app: import("./config/types.js").ResolvedApp,
) => import("./home/types.js").Home | Promise<import("./home/types.js").Home>;

export class Registries {
  /** `aws.Bucket` → class; builds the `sst` namespace (`sst.aws.Bucket`). */
  readonly components = new Map<string, Function>();
  /** Pulumi type → naming rule. */
  readonly naming = new Map<string, NamingRule>();
  /** Pulumi types retained under `removal: "retain"` (stateful: buckets, tables, ...). */
  readonly retained = new Set<string>();
  /** Provider name → npm package, for `providers: { <name>: ... }`. */
  readonly providerPackages = new Map<string, string>();
  /** `home` value → factory. Core registers `local`; provider plugins register theirs. */
  readonly homes = new Map<string, HomeFactory>();
  /** Provider name → factory of the app's default provider (see `provider`). */
  readonly defaultProviders = new Map<string, import("./program/default-providers.js").ProviderFactory>();
  /** How plugins type links in `sst-env.d.ts`, in registration order (see `LinkTyper`). */
  readonly linkTypers: import("./types/dts.js").LinkTyper[] = [];
  /** CLI commands plugins add (`sst hello`), by name. See `Command` for the contract with `package.json`. */
  readonly commands = new Map<string, RegisteredCommand>();
  readonly #owner: () => string | undefined;

  /** `owner` names the plugin being applied, so a registration can say where it came from. */
  constructor(owner: () => string | undefined = () => undefined) {
    this.#owner = owner;
  }

  /** Adds a component under a dotted path of the `sst` namespace. */
  component(path: string, cls: Function): void {
    if (!/^[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*$/.test(path)) {
      throw new TypeError(`Component path "${path}" must be dotted identifiers, like "aws.Bucket"`);
    }
    if (this.components.has(path) && this.components.get(path) !== cls) {
      throw new TypeError(`Component "sst.${path}" is registered twice`);
    }
    this.components.set(path, cls);
  }

  /**
   * Adds `sst <name>`. The plugin's `package.json` must describe it too (`sst.commands`, see `Command`), so
   * help can list it without loading the kernel. A name another plugin has already added is an error.
   */
  command<const A extends CommandArgs>(command: Command<A>): void {
    const plugin = this.#owner() ?? "(no plugin)";
    const problems = commandProblems(command?.name, command ?? {});
    if (typeof command?.run !== "function") problems.push(`\`${command?.name}\` needs a \`run\` function`);
    if (problems.length) {
      throw new SSTError(problems.map((p) => ({ code: "E_COMMAND_INVALID", message: `Plugin "${plugin}" adds an invalid command: ${p}.` })));
    }
    const other = this.commands.get(command.name);
    if (other) {
      throw new SSTError({
        code: "E_COMMAND_CLASH",
        message: `Plugins "${other.plugin}" and "${plugin}" both add the command \`sst ${command.name}\`.`,
        hint: "Use only one of them.",
      });
    }
    this.commands.set(command.name, { ...(command as Command<any>), plugin });
  }

  namingRule(type: string, rule: NamingRule): void {
    this.naming.set(type, rule);
  }

  retain(...types: string[]): void {
    for (const t of types) this.retained.add(t);
  }

  home(name: string, factory: HomeFactory): void {
    this.homes.set(name, factory);
  }

  /**
   * Registers the default provider of a provider plugin. The kernel creates it once per program run from
   * `providers.<name>` (named `sst:<name>`, with the pinned version) and gives it to every resource of the
   * package that has no provider of its own; components read it with `useProvider(name)`. Registering one
   * also adds `<name>` to the app's providers. `name` is the Pulumi package: the prefix of its type tokens.
   * @example kernel.registry.provider("aws", ({ config, app }) => ({ args: { region: config.region ?? "us-east-1" } }))
   */
  provider(name: string, factory: import("./program/default-providers.js").ProviderFactory): void {
    this.defaultProviders.set(name, factory);
  }

  /** Adds a link typer for `sst-env.d.ts`: a link the typer answers for is declared with the type it gives. */
  linkTyper(typer: import("./types/dts.js").LinkTyper): void {
    this.linkTypers.push(typer);
  }

  providerPackage(name: string, pkg: string): void {
    this.providerPackages.set(name, pkg);
  }

  /**
   * The `sst` namespace object built from the registered components. Reading a name nobody registered
   * (`sst.aws` without `@sst/aws`, a misspelt `sst.aws.Bukcet`) throws a user error saying what provides it.
   */
  namespace(base: Record<string, unknown> = {}): Record<string, any> {
    const root: Record<string, any> = { ...base };
    for (const [path, cls] of this.components) {
      const parts = path.split(".");
      let node = root;
      for (const part of parts.slice(0, -1)) node = node[part] ??= {};
      node[parts.at(-1)!] = cls;
    }
    return strictNamespace(root);
  }
}
