/** `import { realtime } from "sst/aws/realtime"`: the `sst.aws.Realtime` authorizer helper, from @sst/sdk. */
export { realtime } from "@sst/sdk/aws/realtime";
