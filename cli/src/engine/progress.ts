/**
 * Turns engine events into what the user reads: one line per resource operation, with the component name
 * (not the URN), the type and how long it took; diagnostics attached to the resource they are about.
 */
import type { automation } from "@pulumi/pulumi";
import type { StatusLine } from "./status-line.js";

type EngineEvent = automation.EngineEvent;

export interface ResourceError {
  /** The resource's logical name. */
  name: string;
  type: string;
  urn?: string;
  message: string;
}

const VERB: Record<string, [string, string]> = {
  create: ["Creating", "Created"],
  update: ["Updating", "Updated"],
  delete: ["Deleting", "Deleted"],
  replace: ["Replacing", "Replaced"],
  "create-replacement": ["Creating", "Created"],
  "delete-replaced": ["Deleting", "Deleted"],
  read: ["Reading", "Read"],
  refresh: ["Refreshing", "Refreshed"],
  import: ["Importing", "Imported"],
  discard: ["Discarding", "Discarded"],
};

/** What a preview would do: the same verbs in the future tense. */
const PLAN: Record<string, string> = {
  create: "+ create",
  update: "~ update",
  delete: "- delete",
  replace: "± replace",
  "create-replacement": "± replace",
  "delete-replaced": "± replace",
  import: "= import",
};

/** The stack itself and default providers are the engine's bookkeeping, not the user's resources. */
const hidden = (type: string) => type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:");

export const nameOf = (urn: string) => urn.split("::").at(-1) ?? urn;
const typeOf = (urn: string) => (urn.split("::")[2] ?? "").split("$").at(-1) ?? "";

export class Progress {
  readonly errors: ResourceError[] = [];
  readonly changes = new Map<string, number>();
  readonly #started = new Map<string, number>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly preview: boolean,
    /** Shows what is in flight on a terminal; lines are printed through it so the two never interleave. */
    private readonly live?: StatusLine,
  ) {}

  /** Feeds one engine event. */
  onEvent = (event: EngineEvent): void => {
    const pre = event.resourcePreEvent?.metadata;
    if (pre) {
      if (pre.op === "same" || hidden(pre.type)) return;
      this.changes.set(pre.op, (this.changes.get(pre.op) ?? 0) + 1);
      if (this.preview) {
        const plan = PLAN[pre.op];
        if (plan) this.write(`${plan.padEnd(10)} ${nameOf(pre.urn)} ${typeOf(pre.urn)}`);
        return;
      }
      this.#started.set(`${pre.op} ${pre.urn}`, Date.now());
      this.live?.start(`${pre.op} ${pre.urn}`, `${VERB[pre.op]?.[0] ?? pre.op} ${nameOf(pre.urn)}`);
      return;
    }
    const done = event.resOutputsEvent?.metadata;
    if (done && !this.preview) {
      if (done.op === "same" || hidden(done.type)) return;
      const start = this.#started.get(`${done.op} ${done.urn}`);
      const took = start === undefined ? "" : ` (${((Date.now() - start) / 1000).toFixed(1)}s)`;
      const verb = VERB[done.op]?.[1] ?? done.op;
      this.live?.end(`${done.op} ${done.urn}`);
      this.#line(`|  ${verb.padEnd(10)} ${nameOf(done.urn)} ${typeOf(done.urn)}${took}`);
      return;
    }
    const diag = event.diagnosticEvent;
    if (diag && diag.severity === "error") {
      const message = diag.message.trim();
      if (diag.urn && diag.urn.split("::")[2] !== "pulumi:pulumi:Stack") {
        this.errors.push({ name: nameOf(diag.urn), type: typeOf(diag.urn), urn: diag.urn, message });
      } else if (!/^update failed$|^preview failed$/i.test(message)) {
        this.errors.push({ name: "", type: "", message });
      }
      return;
    }
    const failed = event.resOpFailedEvent?.metadata;
    if (failed) {
      this.live?.end(`${failed.op} ${failed.urn}`);
      this.#line(`|  Failed     ${nameOf(failed.urn)} ${typeOf(failed.urn)}`);
    }
  };

  #line(text: string): void {
    if (this.live?.enabled) this.live.print(text);
    else this.write(text);
  }

  /** Counts by operation, for the summary line. */
  summary(): string {
    const parts = [...this.changes].map(([op, n]) => `${n} ${op}`);
    return parts.length ? parts.join(", ") : "no changes";
  }
}
