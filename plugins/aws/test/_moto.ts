/**
 * moto's server as the AWS endpoint of a test file: started single-threaded over HTTPS (moto_server.py)
 * on a free port of 127.0.0.1 in `beforeAll`, stopped in `afterAll`. Without moto the suites are skipped with a
 * printed reason, unless SST_REQUIRE_MOTO=1 or SST_REQUIRE_ENGINE=1 (CI), where a missing moto fails the run.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";

const SCRIPT = fileURLToPath(new URL("./moto_server.py", import.meta.url));

export const MOTO = spawnSync("python3", ["-c", "import moto.server, werkzeug"], { stdio: "ignore" }).status === 0;
if (!MOTO) {
  const reason = "moto's server is not installed (python3 -m pip install 'moto[server]==5.2.5')";
  if (process.env.SST_REQUIRE_MOTO === "1" || process.env.SST_REQUIRE_ENGINE === "1") throw new Error(`moto is required here but ${reason}`);
  console.warn(`\n!!! SKIPPING aws home tests: ${reason} !!!\n`);
}

/** Environment that points the AWS SDK (and the CLI) at a moto server, with moto's fake credentials. */
export function motoEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    // No ~/.aws files or instance metadata: only what is set here.
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    // moto_server.py serves HTTPS with a throwaway self-signed certificate.
    NODE_TLS_REJECT_UNAUTHORIZED: "0",
  };
}

export interface Moto {
  endpoint: string;
  /** Forgets everything moto holds (its `/moto-api/reset`). */
  reset(): Promise<void>;
}

function start(): Promise<{ child: ChildProcess; endpoint: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [SCRIPT], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const port = /port (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, endpoint: `https://127.0.0.1:${port}` });
    });
    child.on("exit", (code) => reject(new Error(`moto's server exited (${code}) before listening: ${err.slice(-2000)}`)));
  });
}

/**
 * Starts moto for this file and sets `process.env` to reach it (restored after). The returned object is
 * filled once `beforeAll` ran.
 */
export function useMoto(): Moto {
  let child: ChildProcess | undefined;
  const saved: Record<string, string | undefined> = {};
  const moto: Moto = {
    endpoint: "",
    async reset() {
      await fetch(`${moto.endpoint}/moto-api/reset`, { method: "POST" }); // fetch honours NODE_TLS_REJECT_UNAUTHORIZED
    },
  };
  beforeAll(async () => {
    if (!MOTO) return;
    const started = await start();
    child = started.child;
    moto.endpoint = started.endpoint;
    for (const [k, v] of Object.entries(motoEnv(moto.endpoint))) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  });
  return moto;
}
