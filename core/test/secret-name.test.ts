// One secret-name rule for `sst.Secret` and `sst secret`, with one error code.
import { describe, expect, it } from "vitest";
import { checkSecretName, secretNameProblem } from "@sst/core";
import { sstErrorSync } from "./_helpers.js";

describe("the secret-name rule", () => {
  it.each(["Stripe", "API_KEY", "Key2", "A"])("accepts %j", (name) => {
    expect(secretNameProblem(name)).toBeUndefined();
    expect(() => checkSecretName(name)).not.toThrow();
  });

  it.each(["apiKey", "1Key", "Key-1", "KEY.X", "Api Key", "_Key", ""])("rejects %j with E_SECRET_NAME and an example", (name) => {
    const error = sstErrorSync(() => checkSecretName(name));
    expect(error.code).toBe("E_SECRET_NAME");
    expect(error.message).toBe(`Invalid secret name "${name}". Secret names start with a capital letter and contain only letters, numbers and underscores.`);
    expect(error.hint).toBe("For example: StripeSecret, API_KEY.");
  });
});
