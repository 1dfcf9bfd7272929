/** The credentials sst dev runs a function with: its role's, assumed through STS (moto), else the developer's. */
import { describe, expect, it } from "vitest";
import { roleCredentials } from "@sst/live";
import { MOTO, useMoto } from "../../aws/test/_moto.js";

const moto = useMoto();
const developer = { accessKeyId: "testing", secretAccessKey: "testing" };

describe.skipIf(!MOTO)("a live function's credentials", () => {
  it("are its role's, assumed with the developer's credentials, and reused until they near expiry", async () => {
    const warnings: string[] = [];
    const get = roleCredentials({ region: "us-east-1", credentials: async () => developer, warn: (m) => warnings.push(m) });
    const role = "arn:aws:iam::123456789012:role/live-e2e-t1-ApiRole";
    const first = await get("Api", role);
    expect(first.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(first.AWS_ACCESS_KEY_ID).not.toBe(developer.accessKeyId);
    expect(first.AWS_SESSION_TOKEN).toBeTruthy();
    expect(await get("Api", role)).toBe(first);
    expect(warnings).toEqual([]);
  });

  it("are the developer's when the function has no role ARN", async () => {
    const get = roleCredentials({ region: "us-east-1", credentials: async () => developer, warn: () => {} });
    expect(await get("Api", undefined)).toEqual({ AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" });
  });
});

describe("a live function whose role cannot be assumed", () => {
  it("runs with the developer's credentials, saying why once", async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:9"; // nothing listens: STS fails
    try {
      const warnings: string[] = [];
      const get = roleCredentials({ region: "us-east-1", credentials: async () => developer, warn: (m) => warnings.push(m) });
      expect(await get("Api", "arn:aws:iam::1:role/r")).toEqual({ AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" });
      await get("Api", "arn:aws:iam::1:role/r");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Api runs with your credentials: its role arn:aws:iam::1:role\/r could not be assumed/);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  }, 60_000);
});
