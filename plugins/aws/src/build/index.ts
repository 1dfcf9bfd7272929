/** The builders of `@sst/aws` and the zip of their packages. */
export { registerNodeBuilder, NODE_BUILDER_VERSION } from "./nodejs.js";
export type { BatchOptions } from "./esbuild-batch.js";
export type { NodejsArgs, NodeBuildProperties } from "./nodejs-options.js";
export { copyFiles, type CopyFile, type CopyResult } from "./copy-files.js";
export { zipDirectory, type ZipResult } from "./zip.js";
