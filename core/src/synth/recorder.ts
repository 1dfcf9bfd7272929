/**
 * Wraps Pulumi's MockMonitor so the synth sees what the mocks API hides: parents, dependencies, resource
 * options and component outputs, straight from the registration requests.
 */
import type { SynthResource } from "./graph.js";
import { redact } from "./redact.js";

type Req = Record<string, (...a: any[]) => any>;
type Monitor = Record<string, (req: Req, cb: (err: unknown, res: any) => void) => unknown>;

/**
 * The mock monitor qualifies top-level types with the stack's type (`pulumi:pulumi:Stack$sst:aws:Bucket`);
 * the engine does not. The graph uses the engine's URNs, so `sst diff --offline` and a deploy agree.
 */
export function recordInto(monitor: Monitor, project: string, stack: string, resources: SynthResource[]): void {
  const byUrn = new Map<string, SynthResource>();
  // Mock URN (what the SDK passes back as `parent`/dependencies) → engine URN.
  const real = new Map<string, string>();
  const mockUrn = (parent: string | undefined, type: string, name: string) =>
    `urn:pulumi:${stack}::${project}::${parent ? `${parent.split("::")[2]!.split("$").pop()}$${type}` : type}::${name}`;
  const translate = (urn: string) => real.get(urn) ?? urn;
  const urnOf = (parent: string | undefined, type: string, name: string) => {
    const realParent = parent ? translate(parent) : undefined;
    const parentType = realParent?.split("::")[2];
    const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
    const urn = `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
    real.set(mockUrn(parent, type, name), urn);
    return { urn, parent: realParent };
  };
  const register = monitor.registerResource!.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const type = req.getType!();
    const name = req.getName!();
    const { urn, parent } = urnOf(req.getParent!() || undefined, type, name);
    const resource: SynthResource = {
      urn,
      type,
      name,
      parent,
      inputs: redact(req.getObject!()?.toJavaScript() ?? {}) as Record<string, unknown>,
      dependencies: [...new Set<string>(req.getDependenciesList!().map(translate))],
      custom: !!req.getCustom!(),
      protect: !!req.getProtect!(),
      retainOnDelete: !!req.getRetainondelete!(),
      ignoreChanges: req.getIgnorechangesList!(),
    };
    if (type !== "pulumi:pulumi:Stack") {
      resources.push(resource);
      byUrn.set(resource.urn, resource);
    }
    return register(req, cb);
  };
  const read = monitor.readResource!.bind(monitor);
  monitor.readResource = (req, cb) => {
    const type = req.getType!();
    const name = req.getName!();
    const { urn, parent } = urnOf(req.getParent!() || undefined, type, name);
    const resource: SynthResource = {
      urn,
      type,
      name,
      parent,
      inputs: redact(req.getProperties!()?.toJavaScript() ?? {}) as Record<string, unknown>,
      dependencies: [...new Set<string>((req.getDependenciesList?.() ?? []).map(translate))],
      custom: true,
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      id: req.getId!(),
      read: true,
    };
    resources.push(resource);
    byUrn.set(resource.urn, resource);
    return read(req, cb);
  };
  const outputs = monitor.registerResourceOutputs!.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    const target = byUrn.get(translate(req.getUrn!()));
    if (target) target.outputs = redact(req.getOutputs!()?.toJavaScript() ?? {}) as Record<string, unknown>;
    return outputs(req, cb);
  };
}
