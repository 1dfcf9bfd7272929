import { describe, expect, it } from "vitest";
import { buildStatus } from "../src/engine/build-status.js";
import { StatusLine } from "../src/engine/status-line.js";
import { Progress } from "../src/engine/progress.js";

const URN = (type: string, name: string) => `urn:pulumi:dev::app::sst:hello:Greeting$${type}::${name}`;
const step = (op: string, type: string, name: string) => ({ op, urn: URN(type, name), type }) as any;
const event = (e: object) => ({ sequence: 0, timestamp: 0, ...e }) as any;

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  const out = { isTTY, columns: 60, write: (s: string) => void writes.push(s) } as unknown as NodeJS.WriteStream;
  return { out, writes };
}

describe("engine progress", () => {
  it("prints one line per finished operation with the resource name, type and duration, never the URN", () => {
    const lines: string[] = [];
    const p = new Progress((l) => lines.push(l), false);
    p.onEvent(event({ resourcePreEvent: { metadata: step("create", "aws:s3/bucketV2:BucketV2", "MediaBucket") } }));
    p.onEvent(event({ resOutputsEvent: { metadata: step("create", "aws:s3/bucketV2:BucketV2", "MediaBucket") } }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\|  Created +MediaBucket aws:s3\/bucketV2:BucketV2 \(\d+\.\ds\)$/);
    expect(p.summary()).toBe("1 create");
  });

  it("hides unchanged resources, the stack and default providers", () => {
    const lines: string[] = [];
    const p = new Progress((l) => lines.push(l), false);
    for (const [op, type] of [["same", "x:y:Z"], ["create", "pulumi:pulumi:Stack"], ["create", "pulumi:providers:aws"]]) {
      p.onEvent(event({ resourcePreEvent: { metadata: step(op!, type!, "N") } }));
      p.onEvent(event({ resOutputsEvent: { metadata: step(op!, type!, "N") } }));
    }
    expect(lines).toEqual([]);
    expect(p.summary()).toBe("no changes");
  });

  it("shows a preview as planned changes", () => {
    const lines: string[] = [];
    const p = new Progress((l) => lines.push(l), true);
    p.onEvent(event({ resourcePreEvent: { metadata: step("update", "test:index:Store", "Alpha") } }));
    p.onEvent(event({ resourcePreEvent: { metadata: step("delete", "test:index:Store", "Beta") } }));
    expect(lines).toEqual(["~ update   Alpha test:index:Store", "- delete   Beta test:index:Store"]);
  });

  it("attaches error diagnostics to the resource they are about", () => {
    const p = new Progress(() => undefined, false);
    p.onEvent(event({ diagnosticEvent: { urn: URN("test:index:Store", "Beta"), message: "boom\n", severity: "error", color: "never" } }));
    p.onEvent(event({ diagnosticEvent: { message: "update failed", severity: "error", color: "never" } }));
    expect(p.errors).toEqual([{ name: "Beta", type: "test:index:Store", urn: URN("test:index:Store", "Beta"), message: "boom" }]);
  });
});

describe("the live status line", () => {
  it("on a terminal, names what is in flight and clears itself around finished lines", () => {
    const { out, writes } = terminal(true);
    const live = new StatusLine(out);
    const p = new Progress(() => undefined, false, live);
    p.onEvent(event({ resourcePreEvent: { metadata: step("create", "test:index:Store", "Alpha") } }));
    p.onEvent(event({ resourcePreEvent: { metadata: step("update", "test:index:Store", "Beta") } }));
    expect(writes.at(-1)).toMatch(/^… Creating Alpha, Updating Beta \d+\.\ds$/);
    p.onEvent(event({ resOutputsEvent: { metadata: step("create", "test:index:Store", "Alpha") } }));
    const printed = writes.findIndex((w) => w.startsWith("|  Created"));
    expect(writes[printed - 1]).toBe("\r\x1b[2K");
    expect(writes.at(-1)).toMatch(/^… Updating Beta /);
    p.onEvent(event({ resOutputsEvent: { metadata: step("update", "test:index:Store", "Beta") } }));
    live.stop();
    // Nothing in flight: the status line is gone and the last thing written is the finished line.
    expect(writes.at(-1)).toMatch(/^\|  Updated +Beta/);
    expect(writes.at(-2)).toBe("\r\x1b[2K");
  });

  it("writes nothing of its own when the output is not a terminal", () => {
    const { out, writes } = terminal(false);
    const lines: string[] = [];
    const p = new Progress((l) => lines.push(l), false, new StatusLine(out));
    p.onEvent(event({ resourcePreEvent: { metadata: step("create", "test:index:Store", "Alpha") } }));
    p.onEvent(event({ resOutputsEvent: { metadata: step("create", "test:index:Store", "Alpha") } }));
    expect(writes).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});

describe("the build status line", () => {
  const build = (type: "start" | "end", done: number, total: number) =>
    type === "start" ? { type, name: "Fn", runtime: "nodejs", done, total } : { type, name: "Fn", runtime: "nodejs", status: "built" as const, done, total };

  it("on a terminal, counts builds done out of requested, and clears itself when the last one ends", () => {
    const { out, writes } = terminal(true);
    const live = new StatusLine(out);
    const onEvent = buildStatus(live);
    onEvent(build("start", 0, 300));
    expect(writes.at(-1)).toMatch(/^… Building 0\/300 \d+\.\ds$/);
    onEvent(build("end", 12, 300));
    expect(writes.at(-1)).toMatch(/^… Building 12\/300 /);
    onEvent(build("end", 300, 300));
    expect(writes.at(-1)).toBe("\r\x1b[2K");
    live.stop();
  });

  it("writes nothing when the output is not a terminal", () => {
    const { out, writes } = terminal(false);
    const onEvent = buildStatus(new StatusLine(out));
    onEvent(build("start", 0, 2));
    onEvent(build("end", 2, 2));
    expect(writes).toEqual([]);
  });
});
