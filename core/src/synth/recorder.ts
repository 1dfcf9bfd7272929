/**
 * Wraps Pulumi's MockMonitor so the synth sees what the mocks API hides: parents, dependencies, resource
 * options and component outputs, straight from the registration requests.
 */
import type { SynthResource } from "./graph.js";
import { redact } from "./redact.js";

type Req = Record<string, (...a: any[]) => any>;
type Monitor = Record<string, (req: Req, cb: (err: unknown, res: any) => void) => unknown>;

/**
 * The mock monitor qualifies a type with its parent's last type only, and top-level types with the stack's
 * (`pulumi:pulumi:Stack$sst:aws:Bucket`); the engine uses the whole chain and leaves the stack out. The
 * monitor is made to mint the engine's URNs, so the graph, the program (`resource.urn`, dependencies,
 * parents) and a deploy all agree.
 */
function engineUrn(stack: string, project: string, parent: string | undefined, type: string, name: string): string {
  const parentType = parent?.split("::")[2];
  const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

export function recordInto(monitor: Monitor, project: string, stack: string, resources: SynthResource[]): void {
  const byUrn = new Map<string, SynthResource>();
  const urnOf = (parent: string | undefined, type: string, name: string) => ({
    urn: engineUrn(stack, project, parent, type, name),
    parent,
  });
  (monitor as unknown as { newUrn: (parent: string, type: string, name: string) => string }).newUrn = (parent, type, name) =>
    engineUrn(stack, project, parent || undefined, type, name);
  /** What every request shares: type, name, engine URN and parent. */
  const identify = (req: Req) => {
    const type = req.getType!();
    const name = req.getName!();
    return { type, name, ...urnOf(req.getParent!() || undefined, type, name) };
  };
  const keep = (resource: SynthResource) => {
    resources.push(resource);
    byUrn.set(resource.urn, resource);
  };
  const register = monitor.registerResource!.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const resource: SynthResource = {
      ...identify(req),
      inputs: redact(req.getObject!()?.toJavaScript() ?? {}) as Record<string, unknown>,
      dependencies: [...new Set<string>(req.getDependenciesList!())],
      custom: !!req.getCustom!(),
      protect: !!req.getProtect!(),
      retainOnDelete: !!req.getRetainondelete!(),
      ignoreChanges: req.getIgnorechangesList!(),
    };
    const version = req.getVersion!();
    if (version) resource.version = version;
    // A provider reference is `<urn>::<id>`.
    const provider: string = req.getProvider!();
    if (provider) resource.provider = provider.slice(0, provider.lastIndexOf("::"));
    if (resource.type !== "pulumi:pulumi:Stack") keep(resource);
    return register(req, cb);
  };
  const read = monitor.readResource!.bind(monitor);
  monitor.readResource = (req, cb) => {
    keep({
      ...identify(req),
      inputs: redact(req.getProperties!()?.toJavaScript() ?? {}) as Record<string, unknown>,
      dependencies: [...new Set<string>(req.getDependenciesList?.() ?? [])],
      custom: true,
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      id: req.getId!(),
      read: true,
    });
    return read(req, cb);
  };
  const outputs = monitor.registerResourceOutputs!.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    const target = byUrn.get(req.getUrn!());
    if (target) target.outputs = redact(req.getOutputs!()?.toJavaScript() ?? {}) as Record<string, unknown>;
    return outputs(req, cb);
  };
}
