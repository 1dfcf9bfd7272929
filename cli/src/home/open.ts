/**
 * The home of an app (local, or a plugin's), its passphrase, and its secrets. Every command that touches a
 * stage's state goes through here.
 */
import {
  FALLBACK_STAGE,
  SSTError,
  newLinkSecret,
  newPassphrase,
  readSecrets,
  type Home,
  type Kernel,
  type ResolvedApp,
  type StageRef,
  unknownHome,
} from "@sst/core";

// Secrets are read with core's `readSecrets` and changed only through `updateSecrets` (a compare-and-swap).
export { readSecrets, updateSecrets } from "@sst/core";

/** The app's home, from the factory its plugin registered (`local` is core's). */
export async function openHome(kernel: Kernel, app: ResolvedApp): Promise<Home> {
  const factory = kernel.registry.homes.get(app.home);
  if (!factory) throw unknownHome(kernel, app.home);
  return factory(app);
}

/**
 * The stage's passphrase. `create` makes one for a new stage (deploy, diff, dev, secret set); other commands
 * fail with a clear message when the stage has never been deployed.
 */
export async function passphraseFor(home: Home, ref: StageRef, options: { create: boolean }): Promise<string> {
  const existing = await home.getPassphrase(ref);
  if (existing) return existing;
  if (!options.create) {
    throw new SSTError({
      code: "E_STAGE_UNKNOWN",
      message: `Stage "${ref.stage}" of "${ref.app}" has no state in the ${home.name} home (${home.describe()}).`,
      hint: `Check the stage name, or deploy it first: sst deploy --stage ${ref.stage}`,
    });
  }
  return getOrCreate(
    () => home.getPassphrase(ref),
    (value) => home.createPassphrase(ref, value),
    newPassphrase,
  );
}

/**
 * The stage's link secret, created on first use: the keys of its functions' link files derive from it, so
 * the same links give the same artifacts on every run (spec/link-format.md §2.2).
 */
export async function linkSecretFor(home: Home, ref: StageRef): Promise<string> {
  return getOrCreate(
    () => home.getLinkSecret(ref),
    (value) => home.createLinkSecret(ref, value),
    newLinkSecret,
  );
}

/**
 * A create-once value of the home (passphrase, link secret): read it, or create it; when another command
 * created it first (the home refuses with `EEXIST`), use theirs.
 */
async function getOrCreate(
  get: () => Promise<string | undefined>,
  create: (value: string) => Promise<void>,
  fresh: () => string,
): Promise<string> {
  const existing = await get();
  if (existing) return existing;
  try {
    await create(fresh());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (await get())!;
}

/** The app's fallback set, sealed with the fallback "stage"'s passphrase; empty when none was ever set. */
export async function fallbackSecrets(home: Home, app: string): Promise<Record<string, string>> {
  const fallbackRef = { app, stage: FALLBACK_STAGE };
  const fallbackPass = await home.getPassphrase(fallbackRef);
  return fallbackPass ? readSecrets(home, fallbackRef, fallbackPass) : {};
}

/** A stage's secrets: its `own`, and the fallback values it `inherited` for the names it does not set. */
export async function stageSecrets(
  home: Home,
  ref: StageRef,
  passphrase: string,
): Promise<{ own: Record<string, string>; inherited: Record<string, string> }> {
  const fallback = await fallbackSecrets(home, ref.app);
  const own = await readSecrets(home, ref, passphrase);
  return { own, inherited: Object.fromEntries(Object.entries(fallback).filter(([name]) => !(name in own))) };
}

/** What the program sees: fallback secrets, overridden by the stage's own. */
export async function effectiveSecrets(home: Home, ref: StageRef, passphrase: string): Promise<Record<string, string>> {
  const { own, inherited } = await stageSecrets(home, ref, passphrase);
  return { ...inherited, ...own };
}
