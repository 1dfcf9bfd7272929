/** The names `sst.config` may have, in the order they are looked for (light: no loader imported). */
export const CONFIG_FILES = ["sst.config.ts", "sst.config.mts", "sst.config.js", "sst.config.mjs"];
