/** The CLI's own package.json (so `sst version`, `version` checks and the packs look-up agree). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The path of the CLI's package.json. */
export const CLI_MANIFEST_PATH: string = fileURLToPath(new URL("../package.json", import.meta.url));

export const VERSION: string = JSON.parse(readFileSync(CLI_MANIFEST_PATH, "utf8")).version;
