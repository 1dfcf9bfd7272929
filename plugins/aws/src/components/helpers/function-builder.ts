/**
 * `functionBuilder`: how components that take a function (subscribers, routes, authorizers, cron targets)
 * turn what the user gave — a handler string, `FunctionArgs`, or the ARN of an existing function — into a
 * function ARN, creating an `sst.aws.Function` when needed.
 */
import * as pulumi from "@pulumi/pulumi";
import { Function, type FunctionArgs } from "../function.js";

/** A handler (`"src/sub.handler"`), `FunctionArgs`, or the ARN of an existing Lambda function (`"arn:aws:lambda:..."`). */
export type FunctionDefinition = pulumi.Input<string | FunctionArgs>;

export interface FunctionBuilder {
  /** The function's ARN (created or given). */
  arn: pulumi.Output<string>;
  /** The function's name (created or the last part of the given ARN). */
  name: pulumi.Output<string>;
  /** The created `Function`; throws when the definition was an ARN. */
  getFunction(): Function;
}

/**
 * @param name The created Function's name.
 * @param definition What the user gave.
 * @param defaults Args the created function gets unless the definition sets them.
 * @param argsTransform Changes the final args (e.g. adds permissions the parent needs).
 */
export function functionBuilder(
  name: string,
  definition: FunctionDefinition,
  defaults: Partial<FunctionArgs> = {},
  argsTransform?: (args: FunctionArgs) => FunctionArgs,
  opts: pulumi.ComponentResourceOptions = {},
): FunctionBuilder {
  if (typeof definition === "string" && definition.startsWith("arn:")) return existing(definition);
  if (typeof definition === "string") return created(new Function(name, transform({ ...defaults, handler: definition }), opts));
  if (pulumi.Output.isInstance(definition)) {
    // An Output is an ARN computed elsewhere (another stack, an SST `Function.arn`).
    return existing(definition as pulumi.Output<string>);
  }
  return created(new Function(name, transform({ ...defaults, ...(definition as FunctionArgs) }), opts));

  function transform(args: FunctionArgs): FunctionArgs {
    return argsTransform ? argsTransform(args) : args;
  }
}

function created(fn: Function): FunctionBuilder {
  return { arn: fn.arn, name: fn.name, getFunction: () => fn };
}

function existing(arn: pulumi.Input<string>): FunctionBuilder {
  const out = pulumi.output(arn);
  return {
    arn: out,
    name: out.apply((a) => a.split(":")[6] ?? a),
    getFunction() {
      throw new Error("This function was given by its ARN: there is no sst.aws.Function to return.");
    },
  };
}
