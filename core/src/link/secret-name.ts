/**
 * The one rule for secret names, shared by `sst.Secret` and `sst secret set|remove|load`: a capital letter,
 * then letters, numbers and underscores (`StripeSecret`, `API_KEY`). Values travel as `SST_SECRET_<Name>`.
 */
import { SSTError, type Problem } from "../errors.js";

const SECRET_NAME = /^[A-Z][a-zA-Z0-9_]*$/;

/** What is wrong with `name` as a secret name (code `E_SECRET_NAME`), or undefined when it is valid. */
export function secretNameProblem(name: string): Problem | undefined {
  if (typeof name === "string" && SECRET_NAME.test(name)) return undefined;
  return {
    code: "E_SECRET_NAME",
    message: `Invalid secret name "${name}". Secret names start with a capital letter and contain only letters, numbers and underscores.`,
    hint: "For example: StripeSecret, API_KEY.",
  };
}

/** Throws the `E_SECRET_NAME` user error unless `name` is a valid secret name. */
export function checkSecretName(name: string): void {
  const problem = secretNameProblem(name);
  if (problem) throw new SSTError(problem);
}
