// The floor: a plain @pulumi/aws program creating the same AWS resources as the product's app (per function: an
// IAM role, a log group, the Lambda function with its environment as a secret), with an explicit provider, under
// the same Pulumi mocks as @sst/core's synth, waited for the same way. Prints one JSON line.
//   node raw.mjs [count=200]
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const settings = require("@pulumi/pulumi/runtime/settings.js");
const count = Number(process.argv[2] ?? 200);
const root = dirname(fileURLToPath(import.meta.url));
let awsResources = 0;
const started = performance.now();
await pulumi.runtime.setMocks(
  {
    newResource: (a) => {
      if (a.type.startsWith("aws:") && !a.type.startsWith("pulumi:providers")) awsResources++;
      return { id: a.custom ? `${a.name}-id` : undefined, state: a.inputs };
    },
    call: (a) => a.inputs,
  },
  "app",
  "test",
  false,
);
await pulumi.runtime.runInPulumiStack(async () => {
  const provider = new aws.Provider("aws", { region: "us-east-1", defaultTags: { tags: { "sst:app": "app", "sst:stage": "test" } } });
  const assumeRolePolicy = JSON.stringify(aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }));
  for (let i = 0; i < count; i++) {
    const role = new aws.iam.Role(`Fn${i}Role`, { assumeRolePolicy, managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], inlinePolicies: [] }, { provider });
    const logGroup = new aws.cloudwatch.LogGroup(`Fn${i}LogGroup`, { retentionInDays: 0 }, { provider });
    new aws.lambda.Function(
      `Fn${i}Function`,
      {
        role: role.arn,
        runtime: "nodejs20.x",
        handler: `src/fn${i}.handler`,
        code: new pulumi.asset.FileArchive(join(root, ".sst", "artifacts", `Fn${i}`)),
        timeout: 20,
        memorySize: 1024,
        loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
        environment: { variables: pulumi.secret({ SST_RESOURCE_App: JSON.stringify({ name: "app", stage: "test" }), SST_KEY: "a".repeat(44), SST_KEY_FILE: "resource.enc", INDEX: String(i) }) },
      },
      { provider },
    );
  }
  return {};
});
await settings.disconnect();
const synthMs = performance.now() - started;
console.log(JSON.stringify({ synthMs, processMs: performance.now(), maxRssKiB: process.resourceUsage().maxRSS, awsResources }));
