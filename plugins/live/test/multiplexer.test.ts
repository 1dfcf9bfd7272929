/** sst dev's tabbed UI on a real terminal: tmux runs it, the test reads the screen and types keys. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const TMUX = spawnSync("tmux", ["-V"]).status === 0;
if (!TMUX && process.env.CI) throw new Error("tmux is required for the multiplexer test (apt-get install tmux)");
const session = `sst-mux-${process.pid}`;
const tmux = (...args: string[]) => spawnSync("tmux", ["-L", session, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", session).stdout;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => void tmux("kill-server"));

describe.skipIf(!TMUX)("the multiplexer", () => {
  it("shows a tab per process, switches with keys, marks a command that exited, and restores the terminal on Ctrl-C", async () => {
    const demo = join(import.meta.dirname, "fixtures", "multiplexer-demo.mjs");
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "15", `${process.execPath} ${demo}; echo DEMO-EXITED; sleep 30`);
    await until(() => screen().includes("SST deploy demo"));
    let shown = screen();
    expect(shown).toMatch(/Deploy/);
    expect(shown).toMatch(/Functions/);
    expect(shown).toContain("✓ Complete (3 created)");
    await until(() => screen().includes("Web"));
    tmux("send-keys", "-t", session, "j");
    await until(() => screen().includes("➜ Api invoked (req-1)"));
    expect(screen()).not.toContain("✓ Complete (3 created)");
    tmux("send-keys", "-t", session, "j");
    await until(() => screen().includes("hello from web"));
    shown = screen();
    expect(shown).toContain("✕ Web exited (code 2)");
    tmux("send-keys", "-t", session, "C-c");
    await until(() => screen().includes("DEMO-EXITED"));
    shown = screen();
    expect(shown).toContain("DEMO-EXITED");
    expect(shown).not.toContain("Functions"); // the alternate screen is gone
  });
});
