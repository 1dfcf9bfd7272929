// Root test config: every workspace's `test/**/*.test.ts`, with workspace packages resolved to
// their TS source so tests never depend on a stale build.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@sst\/core$/, replacement: here("./core/src/index.ts") },
      { find: /^@sst\/core\/home$/, replacement: here("./core/src/home/index.ts") },
      { find: /^@sst\/core\/command$/, replacement: here("./core/src/command/index.ts") },
      { find: /^@sst\/core\/errors$/, replacement: here("./core/src/errors.ts") },
      { find: /^@sst\/core\/testing$/, replacement: here("./core/src/testing/index.ts") },
      { find: /^@sst\/core\/resource-env$/, replacement: here("./core/src/resource-env/index.ts") },
      { find: /^@sst\/aws$/, replacement: here("./plugins/aws/src/index.ts") },
      { find: /^@sst\/aws\/runtime$/, replacement: here("./plugins/aws/src/runtime/index.ts") },
      { find: /^@sst\/live$/, replacement: here("./plugins/live/src/index.ts") },
      { find: /^@sst\/cloudflare$/, replacement: here("./plugins/cloudflare/src/index.ts") },
      { find: /^@sst\/vercel-dns$/, replacement: here("./plugins/vercel-dns/src/index.ts") },
      { find: /^@sst-examples\/plugin-hello$/, replacement: here("./examples/plugin-hello/src/index.ts") },
      { find: /^@sst\/sdk\/aws\/realtime$/, replacement: here("./sdk-js/src/aws/realtime.ts") },
      { find: /^@sst\/sdk\/cloudflare$/, replacement: here("./sdk-js/src/cloudflare.ts") },
      { find: /^@sst\/sdk$/, replacement: here("./sdk-js/src/index.ts") },
    ],
  },
  test: {
    include: ["**/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Tests that spawn the CLI or synthesise programs take seconds on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
