/**
 * The processes `sst dev` runs beside the functions (`sst.x.DevCommand`s, and the command given on its command
 * line): started after a deploy, restarted when a redeploy changes one, stopped on Ctrl-C. Their output goes to
 * `print`, each line prefixed with the process's title (the `mono` mode's single stream).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { createInterface } from "node:readline";
import type { DevCommandSpec } from "../components/dev-command.js";

interface Running {
  spec: DevCommandSpec;
  child: ChildProcess;
}

/** Where a process's lines go: `kind` `event` is a start or an exit, `line` its own output. */
export type ChildOutput = (title: string, text: string, kind: "line" | "event", status?: "running" | "done" | "failed") => void;

/** The `mono` mode's stream: one line per output line, prefixed with the process's title. */
export function prefixed(print: (line: string) => void): ChildOutput {
  return (title, text, kind) => print(kind === "line" ? `  ${title} │ ${text}` : text);
}

export class Children {
  readonly #running = new Map<string, Running>();
  readonly #output: ChildOutput;

  constructor(output: ChildOutput) {
    this.#output = output;
  }

  /** Makes the running set match `specs`: new ones start (when `autostart`), changed ones restart, removed ones stop. */
  async reconcile(specs: Iterable<DevCommandSpec>): Promise<void> {
    const wanted = new Map([...specs].filter((s) => s.autostart).map((s) => [s.name, s]));
    for (const [name, running] of this.#running) {
      if (!isDeepStrictEqual(wanted.get(name), running.spec)) await this.#stop(name);
    }
    for (const [name, spec] of wanted) if (!this.#running.has(name)) this.#start(spec);
  }

  /** Names of the processes running now. */
  get running(): string[] {
    return [...this.#running.keys()];
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.#running.keys()].map((name) => this.#stop(name)));
  }

  #start(spec: DevCommandSpec): void {
    this.#output(spec.title, `➜ ${spec.title}: ${spec.command}`, "event", "running");
    // Its own process group, so stopping it stops what the shell started too.
    const child = spawn(spec.command, { shell: true, cwd: spec.directory, env: { ...process.env, ...spec.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on("line", (line) => this.#output(spec.title, line, "line"));
    child.on("exit", (code, signal) => {
      if (this.#running.get(spec.name)?.child !== child) return;
      this.#running.delete(spec.name);
      this.#output(spec.title, `${code === 0 ? "✓" : "✕"} ${spec.title} exited (${signal ?? `code ${code}`})`, "event", code === 0 ? "done" : "failed");
    });
    child.on("error", (error) => this.#output(spec.title, `✕ ${spec.title}: ${error.message}`, "event", "failed"));
    this.#running.set(spec.name, { spec, child });
  }

  async #stop(name: string): Promise<void> {
    const running = this.#running.get(name);
    if (!running) return;
    this.#running.delete(name);
    const { child } = running;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    kill(child, "SIGTERM");
    const timer = setTimeout(() => kill(child, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}
