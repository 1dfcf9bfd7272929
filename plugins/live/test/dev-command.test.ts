/** sst.x.DevCommand and the processes sst dev runs for them. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Linkable } from "@sst/core";
import { synth } from "@sst/core/testing";
import live, { Children, DevCommand, devCommandSpecs, prefixed, type DevCommandSpec } from "@sst/live";

describe("sst.x.DevCommand", () => {
  it("is sst.x.DevCommand, deploys nothing, and records its command with its links in the environment", async () => {
    const graph = await synth({
      plugins: [live()],
      root: "/app",
      app: { name: "shop" },
      stage: "ada",
      run: () => {
        const settings = new Linkable("Settings", { properties: { color: "blue" } });
        new (globalThis as any).sst.x.DevCommand("Studio", {
          link: [settings],
          environment: { PORT: "4983" },
          dev: { command: "npx drizzle-kit studio", directory: "packages/db" },
        });
      },
    });
    expect(graph.resources.filter((r) => r.custom && r.type !== "pulumi:providers:pulumi")).toEqual([]);
    const spec = devCommandSpecs().get("Studio")!;
    expect(spec).toMatchObject({ name: "Studio", title: "Studio", command: "npx drizzle-kit studio", directory: "/app/packages/db", autostart: true });
    expect(JSON.parse(spec.env.SST_RESOURCE_Settings!)).toEqual({ color: "blue", type: "sst.sst.Linkable" });
    expect(JSON.parse(spec.env.SST_RESOURCE_App!)).toEqual({ name: "shop", stage: "ada" });
    expect(spec.env).toMatchObject({ PORT: "4983", SST_DEV: "true" });
    expect(DevCommand.__pulumiType).toBe("sst:x:DevCommand");
  });

  it("forgets the commands of the previous program run", async () => {
    await synth({ plugins: [live()], run: () => void new DevCommand("Old", { dev: { command: "true" } }) });
    await synth({ plugins: [live()], run: () => void new DevCommand("New", { dev: { command: "true", autostart: false } }) });
    expect([...devCommandSpecs().keys()]).toEqual(["New"]);
    expect(devCommandSpecs().get("New")!.autostart).toBe(false);
  });
});

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the processes of sst dev", () => {
  const dirs: string[] = [];
  let children: Children | undefined;
  afterEach(async () => {
    await children?.stopAll();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const spec = (over: Partial<DevCommandSpec>): DevCommandSpec => {
    const directory = mkdtempSync(join(tmpdir(), "sst-dev-children-"));
    dirs.push(directory);
    return { name: "Web", title: "Web", command: "true", directory, autostart: true, env: {}, ...over };
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  };

  it("starts each autostart command in its directory with its environment, its lines prefixed with its title", async () => {
    const lines: string[] = [];
    children = new Children(prefixed((l) => lines.push(l)));
    const web = spec({ command: 'echo "$SST_RESOURCE_Settings in $(pwd)"; sleep 30', env: { SST_RESOURCE_Settings: '{"a":1}' } });
    await children.reconcile([web, spec({ name: "Manual", title: "Manual", command: "echo never", autostart: false })]);
    await until(() => lines.some((l) => l.startsWith("  Web │ ")));
    expect(lines).toContain(`  Web │ {"a":1} in ${web.directory}`);
    expect(children.running).toEqual(["Web"]);
  });

  it("restarts a command a redeploy changed, and stops one it removed, with everything it started", async () => {
    const lines: string[] = [];
    children = new Children(prefixed((l) => lines.push(l)));
    const first = spec({ command: "echo one; sleep 30" });
    await children.reconcile([first]);
    await until(() => lines.includes("  Web │ one"));
    await children.reconcile([{ ...first, command: "echo two; sleep 30" }]);
    await until(() => lines.includes("  Web │ two"));
    expect(children.running).toEqual(["Web"]);
    // What the shell started (a background sleep) goes too: the whole process group is stopped.
    const pidFile = join(first.directory, "sleep.pid");
    await children.reconcile([{ ...first, command: `sleep 30 & echo $! > ${pidFile}; echo three; wait` }]);
    await until(() => lines.includes("  Web │ three"));
    const sleeper = Number(readFileSync(pidFile, "utf8"));
    await children.reconcile([]);
    expect(children.running).toEqual([]);
    await until(() => !alive(sleeper));
    expect(alive(sleeper)).toBe(false);
  });

  it("reports a command that exits", async () => {
    const lines: string[] = [];
    children = new Children(prefixed((l) => lines.push(l)));
    await children.reconcile([spec({ command: "exit 3" })]);
    await until(() => lines.includes("✕ Web exited (code 3)"));
    expect(children.running).toEqual([]);
  });
});
