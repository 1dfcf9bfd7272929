import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());
const cwd = box.dir("telemetry");
const file = join(box.configDir, "telemetry.json");

describe("sst telemetry", () => {
  it("is enabled by default, and says nothing is ever sent", async () => {
    const r = await box.run(["telemetry", "status"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Telemetry is enabled (the default).");
    expect(r.stdout).toContain("never sends telemetry");
    expect(existsSync(file)).toBe(false);
  });

  it("toggles a local setting in <config dir>/telemetry.json", async () => {
    expect((await box.run(["telemetry", "disable"], { cwd })).stdout).toContain("Telemetry disabled");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ enabled: false });
    expect((await box.run(["telemetry", "status"], { cwd })).stdout).toContain("Telemetry is disabled (set in");
    expect((await box.run(["telemetry", "enable"], { cwd })).stdout).toContain("Telemetry enabled");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ enabled: true });
  });

  it("reports SST_TELEMETRY_DISABLED and DO_NOT_TRACK over the setting", async () => {
    for (const name of ["SST_TELEMETRY_DISABLED", "DO_NOT_TRACK"]) {
      const r = await box.run(["telemetry", "enable"], { cwd, env: { [name]: "1" } });
      expect(r.stdout).toContain(`Telemetry is disabled (${name} is set).`);
    }
  });

  it("says so in its help, and needs a sub-command", async () => {
    const help = await box.run(["telemetry", "--help"], { cwd });
    expect(help.stdout).toContain("nothing is ever sent");
    expect(help.stdout).toContain("SST_TELEMETRY_DISABLED=1 or DO_NOT_TRACK=1");
    expect(expectUserError(await box.run(["telemetry"], { cwd }))).toContain("`sst telemetry` needs a sub-command: enable, disable, status.");
    expect(expectUserError(await box.run(["telemetry", "off"], { cwd }))).toContain('Unknown sub-command "off" for `sst telemetry`; use one of: enable, disable, status.');
  });
});
