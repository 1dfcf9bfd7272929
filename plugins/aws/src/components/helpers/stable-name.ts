/**
 * Deterministic physical names, `<app>-<stage>-<Name>` cut to a limit, for the few resource types whose
 * Pulumi args require a name at construction (before the naming rules' transform could fill one in), or whose
 * names forbid the generated form. Unique per app, stage and component; the same on every deploy.
 */
import { prefixName, useProgram } from "@sst/core";

export function stableName(logicalName: string, max: number, where: string): string {
  return prefixName(useProgram(where).app, max, logicalName);
}
