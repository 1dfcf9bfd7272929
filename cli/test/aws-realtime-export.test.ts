/** `import { realtime } from "sst/aws/realtime"` is @sst/sdk's helper, exported by the sst package. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realtime as fromSdk } from "@sst/sdk/aws/realtime";
import { realtime } from "../src/aws/realtime.js";

describe("sst/aws/realtime", () => {
  it("is the SDK's realtime helper", () => {
    expect(realtime).toBe(fromSdk);
    expect(realtime.authorizer).toBeTypeOf("function");
  });

  it("is a subpath export of the sst package and of @sst/sdk", () => {
    const exportsOf = (pkg: string) => JSON.parse(readFileSync(new URL(`../../${pkg}/package.json`, import.meta.url), "utf8")).exports;
    expect(exportsOf("cli")["./aws/realtime"]).toEqual({ types: "./dist/aws/realtime.d.ts", default: "./dist/aws/realtime.js" });
    expect(exportsOf("sdk-js")["./aws/realtime"]).toEqual({ types: "./dist/aws/realtime.d.ts", default: "./dist/aws/realtime.js" });
  });
});
