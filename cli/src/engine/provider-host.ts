/**
 * Runs Pulumi's Node.js dynamic provider (`@pulumi/pulumi/cmd/dynamic-provider`) so that it never outlives
 * its engine. The engine starts provider plugins in process groups of their own and does not stop them when
 * it is killed (`kill -9` of sst or of the engine, a terminal closed), so the provider's gRPC server would
 * run on forever, reparented to init. This host exits as soon as its parent changes, i.e. the engine is gone.
 *
 * Started as `node provider-host.js <engine address>` by the plugin shim of `provider-shim.ts`.
 */
import { createRequire } from "node:module";

const CHECK_MS = 250;

// The engine's pid as the shim saw it (`$PPID`): Node may start only after the engine died, so its own
// parent then is already init.
const engine = Number(process.env.SST_ENGINE_PID) || process.ppid;
const orphaned = () => process.ppid !== engine || process.ppid === 1;
if (orphaned()) process.exit(1);
setInterval(() => {
  if (orphaned()) process.exit(1);
}, CHECK_MS).unref();

// The provider reads its engine address from process.argv.slice(2), which this host leaves as it is.
createRequire(import.meta.url)("@pulumi/pulumi/cmd/dynamic-provider");
