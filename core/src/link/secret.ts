/**
 * `sst.Secret`: a value set per stage with `sst secret set`, kept encrypted in state and delivered to the
 * program as `SST_SECRET_<Name>`.
 */
import * as pulumi from "@pulumi/pulumi";
import { Component } from "../component/component.js";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";
import { checkSecretName } from "./secret-name.js";
import type { LinkPayload } from "./types.js";

export class Secret extends Component {
  static readonly __pulumiType = "sst:sst:Secret";
  readonly #value: pulumi.Output<string>;
  readonly #placeholder?: string;

  /**
   * @param name Starts with a capital letter; letters, numbers and underscores (`checkSecretName`, the rule
   * `sst secret set` applies too).
   * @param placeholder Used when no value is set for the stage (and no fallback).
   */
  constructor(name: string, placeholder?: string, opts?: pulumi.ComponentResourceOptions) {
    const program = useProgram(`sst.Secret "${name}"`);
    checkSecretName(name);
    if (placeholder !== undefined && typeof placeholder !== "string") {
      throw new SSTError({ code: "E_SECRET_PLACEHOLDER", message: `The placeholder of sst.Secret "${name}" must be a string.` });
    }
    const value = program.secrets[name] ?? placeholder;
    if (typeof value !== "string") {
      throw new SSTError({
        code: "E_SECRET_MISSING",
        message: `Secret "${name}" is not set for stage "${program.app.stage}".`,
        hint: `Set it with: sst secret set ${name} <value> --stage ${program.app.stage}  (or give it a placeholder: new sst.Secret("${name}", "<placeholder>"))`,
      });
    }
    super(Secret.__pulumiType, name, {}, opts);
    this.#placeholder = placeholder;
    this.#value = pulumi.secret(value);
  }

  /** The secret's name. */
  get name(): pulumi.Output<string> {
    return pulumi.output(this.componentName);
  }

  /** The secret's value (an Output marked secret: never printed, encrypted in state). */
  get value(): pulumi.Output<string> {
    return this.#value;
  }

  /** The placeholder given to the constructor, if any. */
  get placeholder(): string | undefined {
    return this.#placeholder;
  }

  getSSTLink(): LinkPayload {
    return { properties: { value: this.#value } };
  }
}
