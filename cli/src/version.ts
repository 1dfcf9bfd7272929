/** The CLI's own version, read from its package.json (so `sst version` and `version` checks agree). */
import { readFileSync } from "node:fs";

export const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
