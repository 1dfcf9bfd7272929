/**
 * A provider's Pulumi plugin that the engine has not got and could not download (these machines reach no
 * github.com): said in one line naming the plugin and version, instead of Pulumi's advice to run `pulumi`.
 */
import { SSTError } from "@sst/core";

const PLUGIN = /resource plugin '?pulumi-resource-([\w-]+)'?(?: at version v?([\w.+-]+))?/;

/** The error for an engine message about a missing provider plugin, or undefined for any other message. */
export function missingPlugin(message: string): SSTError | undefined {
  if (!/could not (automatically download|find)|no resource plugin|failed to download plugin/i.test(message)) return undefined;
  const match = PLUGIN.exec(message);
  if (!match) return undefined;
  const [, name, version] = match;
  const at = version ? ` v${version}` : "";
  return new SSTError({
    code: "E_PROVIDER_PLUGIN_MISSING",
    message: `The Pulumi provider plugin for "${name}" (pulumi-resource-${name}${at}) is not installed, and the engine could not download it.`,
    hint: `Install it on a machine that reaches github.com: pulumi plugin install resource ${name}${version ? ` ${version}` : ""}`,
  });
}
