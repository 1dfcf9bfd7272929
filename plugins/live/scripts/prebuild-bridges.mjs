// Builds the bridge for both Lambda architectures into dist/bridge/<arch>/bootstrap, with the hash of the
// sources it came from, so a packed @sst/live needs no Go on the user's machine (bridgeBinary uses these
// while the hash matches). Run by `npm run prepack` (scripts/pack.mjs).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { bridgeBinary, bridgeSourceHash, prebuiltBridge } from "../dist/bridge/binary.js";

for (const arch of ["x86_64", "arm64"]) {
  const { binary, sourceHash } = prebuiltBridge(arch);
  rmSync(sourceHash, { force: true }); // so bridgeBinary builds from the sources into its cache
  const built = await bridgeBinary(arch);
  mkdirSync(dirname(binary), { recursive: true });
  copyFileSync(built, binary);
  writeFileSync(sourceHash, bridgeSourceHash() + "\n");
  process.stdout.write(`bridge ${arch} → ${binary}\n`);
}
