/**
 * The base of every SST component: a Pulumi ComponentResource typed `sst:<provider>:<Name>` whose children
 * are all created through one path (`this.create`), so user `transform` args, `$transform`, plugin
 * `transform` taps, naming and removal apply the same way to every resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";
import { registerName } from "../link/names.js";
import { queueAnnouncement, throwTapError } from "./announce.js";
import { applyTransform, type Transform } from "./transform.js";

// A brand rather than `instanceof`: a second copy of @sst/core (a plugin's) has its own Component class.
const BRAND = Symbol.for("sst.core.component");

/** True for SST components, whichever copy of @sst/core created them. */
export function isComponent(value: unknown): value is Component {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
}

const TYPE = /^sst:[a-z][a-z0-9-]*:[A-Z][A-Za-z0-9]*$/;
// Underscores are allowed: secret names take them (`sst secret set API_KEY`), and a Secret is a component.
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Args every component accepts. */
export interface ComponentArgs {
  /**
   * Change how this component creates its children, keyed by child (`bucket`, `role`, ...): an object is merged
   * into the child's args; a function mutates them in place.
   * @example `transform: { bucket: { forceDestroy: true } }`
   */
  transform?: Record<string, Transform<any> | undefined>;
}

/** A resource class as `create` takes it: `new (name, args, opts)`. */
export type ResourceClass<R, A> = new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => R;

export abstract class Component extends pulumi.ComponentResource {
  readonly #name: string;
  readonly #args: ComponentArgs;
  readonly #nodes: Record<string, pulumi.Resource | pulumi.Resource[]> = {};
  /** @internal Read by the kernel's removal transform: children inherit it. */
  readonly _retainOnDelete: boolean;

  constructor(type: string, name: string, args: ComponentArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    const program = useProgram(`Component "${name}"`);
    throwTapError(program);
    if (!TYPE.test(type)) {
      throw new SSTError({
        code: "E_COMPONENT_TYPE",
        message: `Component type "${type}" must look like "sst:<provider>:<Name>", e.g. "sst:aws:Bucket".`,
      });
    }
    if (typeof name !== "string" || !NAME.test(name)) {
      throw new SSTError({
        code: "E_COMPONENT_NAME",
        message: `Invalid component name "${name}" (${type}). Names must start with a letter and contain only letters, numbers and underscores.`,
        hint: `Rename it, e.g. "${String(name).replace(/[^A-Za-z0-9]/g, "") || "MyComponent"}".`,
      });
    }
    // `$transform`s registered for this class so far: only components created after the call see them.
    for (const cb of program.componentTransforms.get(type) ?? []) cb(args, opts, name);
    super(type, name, {}, opts);
    (this as unknown as { [BRAND]: boolean })[BRAND] = true;
    this.#name = name;
    this.#args = args;
    this._retainOnDelete = opts.retainOnDelete ?? false;
    if (!opts.parent) registerName(program, name, type, this);
    // Taps see the finished component: the hook fires once the most-derived constructor has returned.
    queueAnnouncement(program, this);
  }

  /** The component's logical name, as given to the constructor (also its link name). */
  get componentName(): string {
    return this.#name;
  }

  /**
   * The children this component created, by their `transform` key (repeated keys collect into an array).
   * Subclasses may override it with their documented shape, where a child made inside an apply (a
   * subscriber's function) is an `Output` of the resource.
   */
  get nodes(): Readonly<Record<string, pulumi.Resource | pulumi.Resource[] | pulumi.Output<pulumi.Resource> | undefined>> {
    return this.#nodes;
  }

  /**
   * Creates a child named `<component name><suffix>`, after applying `args.transform[key]`. Every child of
   * every component is made through here.
   */
  protected create<R extends pulumi.Resource, A extends object>(
    key: string,
    Class: ResourceClass<R, A>,
    suffix: string,
    args: A,
    opts: pulumi.CustomResourceOptions = {},
  ): R {
    const name = `${this.#name}${suffix}`;
    const [finalArgs, finalOpts] = applyTransform(this.#args.transform?.[key], name, args, { ...opts, parent: this });
    const child = new Class(name, finalArgs, finalOpts);
    this.#remember(key, child);
    return child;
  }

  /** References an existing resource as a child (the `static get(name, id)` pattern). */
  protected reference<R extends pulumi.Resource>(
    key: string,
    Class: { get(name: string, id: pulumi.Input<pulumi.ID>, state?: any, opts?: pulumi.CustomResourceOptions): R },
    suffix: string,
    id: pulumi.Input<string>,
  ): R {
    const child = Class.get(`${this.#name}${suffix}`, id, undefined, { parent: this });
    this.#remember(key, child);
    return child;
  }

  #remember(key: string, child: pulumi.Resource): void {
    const prev = this.#nodes[key];
    this.#nodes[key] = prev === undefined ? child : Array.isArray(prev) ? [...prev, child] : [prev, child];
  }

  /** The outputs registered for this component; override to expose some. Registered after construction. */
  protected outputs(): pulumi.Inputs {
    return {};
  }

  /** Registers `outputs` (or, when called without them, `this.outputs()`). Pulumi calls it once construction ends. */
  protected override registerOutputs(outputs?: pulumi.Inputs | Promise<pulumi.Inputs> | pulumi.Output<pulumi.Inputs>): void {
    if (outputs !== undefined) return super.registerOutputs(outputs);
    let own: pulumi.Inputs;
    try {
      own = this.outputs();
    } catch {
      // Pulumi calls this a turn after construction began. If the constructor threw, the fields `outputs()`
      // reads were never set; that error already reached run(), and this one would only be an unhandled
      // rejection (a stack trace after the user's error).
      own = {};
    }
    super.registerOutputs(own);
  }
}
