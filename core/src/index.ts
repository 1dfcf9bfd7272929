/**
 * `@sst/core`: the kernel. Everything a plugin, the CLI or a user's test needs is exported here; internals
 * are not.
 */
import "./global.js";

export type { SSTNamespace } from "./global.js";
export { Kernel, type KernelOptions } from "./kernel.js";
export { definePlugin, type Plugin } from "./plugin.js";
export type { NamingRule, HomeFactory, ComponentTree } from "./registries.js";
export type { Registries } from "./registries.js";
export type {
  KernelHooks,
  ConfigContext,
  ProgramContext,
  ProgramResult,
  BuildRecord,
  TransformValue,
  TransformContext,
  LinkContext,
  BuildInput,
  BuildResult,
  BuildMessage,
  BuildTapOptions,
  EngineOperation,
  DeployEvent,
  DeployResult,
  DevContext,
  InvocationEvent,
  BootstrapContext,
} from "./hooks.js";
export * from "./command/index.js";
export { SSTError, PluginError, isSSTError, type Problem } from "./errors.js";

export type { App, AppInput, Config, HomeName, Removal, ProviderConfig, ResolvedApp } from "./config/types.js";
export { findConfig, CONFIG_FILES } from "./config/find.js";
export { loadApp, resolveApp, $config, userCodeError, type LoadOptions, type LoadedApp, type ResolveAppOptions } from "./config/load.js";
export { strayUserError } from "./config/guard.js";
export { collectStrayErrors, type StrayErrors } from "./program/stray-errors.js";
export { validateApp, validateStage, APP_NAME, STAGE_NAME } from "./config/validate.js";
export { applyProviderPlugins, pluginPackage, providerPluginPackages } from "./config/provider-plugins.js";
export { withPluginDefaults, unknownHome } from "./config/plugin-defaults.js";
export { resolveStage, readDotenv, RESERVED_STAGE_USERNAMES, type StageOptions, type StageSource } from "./stage.js";
export { parseDotenv, formatDotenv, dotenvProblems, type DotenvEntry, type DotenvResult } from "./dotenv.js";

export { Component, isComponent, type ComponentArgs, type ResourceClass } from "./component/component.js";
export { applyTransform, $transform, type Transform, type TransformTarget } from "./component/transform.js";
export { physicalName, prefixName, logicalName, prettyHash, randomSuffix, SUFFIX_LENGTH } from "./component/naming.js";

export { Linkable, type LinkableArgs } from "./link/linkable.js";
export { Secret } from "./link/secret.js";
export { checkSecretName, secretNameProblem } from "./link/secret-name.js";
export { resolveLinks, linkEnvironment, linkProperties, env, rawLink } from "./link/resolve.js";
export { linkType } from "./link/names.js";
export type { Include, EnvironmentInclude, LinkPayload, Linkable as LinkableResource, LinkReceiver, ResolvedLink } from "./link/types.js";
export { wireLinks, wireProperties, unwireProperties } from "./link/wire.js";
export { readLinkRef, LINK_REF_TYPE } from "./link/link-ref.js";
export { linkArtifact, type LinkArtifact } from "./link/artifact.js";

export { runProgram, secretsFromEnv, type RunProgramOptions, type ProgramOutcome } from "./program/run.js";
export { registerReceiver, useProgram } from "./program/context.js";
export { runBootstrap, useBootstrap, type BootstrapResults, type BootstrapOptions } from "./program/bootstrap.js";
export {
  defaultProviders,
  useProvider,
  type ProviderFactory,
  type ProviderFactoryInput,
  type DefaultProviderSpec,
  type ResolvedDefaultProvider,
} from "./program/default-providers.js";
export { usePluginOptions } from "./program/plugin-options.js";
export { providerPackage, providerAlias } from "./program/provider-namespaces.js";

export { requestBuild } from "./build/request.js";
export { rebuild, type RebuildOptions } from "./build/rebuild.js";
export type { BuildJob } from "./build/owner.js";
export { buildConcurrency, limiter } from "./build/concurrency.js";
export { esbuildMessages } from "./build/messages.js";
export type { Artifact, BuildRequest, BuildEvent, BuildOptions } from "./build/types.js";

export { synth, type SynthOptions } from "./synth/synth.js";
export type { SynthResource, SynthResult, SynthLink } from "./synth/graph.js";
export { redact, isSecretEnvelope, SECRET } from "./synth/redact.js";

export {
  writeTypes,
  renderRootTypes,
  renderReferenceTypes,
  renderConfigTypes,
  writeConfigTypes,
  configTypesOf,
  DTS_FILE,
  type TypedLink,
  type LinkTyper,
  type ProviderTypes,
} from "./types/dts.js";

export * from "./home/index.js";

// The link-injection encoder (also at `@sst/core/resource-env`): what runtimes receive.
export { encodeLinks, decryptLinks, ResourceEnvError } from "./resource-env/index.js";
export type { EncodeInput, EncodeResult, EncodedFile, LinkTarget } from "./resource-env/index.js";

export { isDnsAdapter, type DnsAdapter, type DnsRecord, type DnsAliasRecord } from "./dns.js";
