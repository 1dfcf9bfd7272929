/**
 * A resource as an `Output` of itself: the type SST's docs give subscribe methods' results and
 * `nodes.function` (`Output<Function>`), so `.apply` and lifted properties work as they do in SST, while the
 * resource is created right away (components exist only while `run()` runs, never inside an apply).
 */
import * as pulumi from "@pulumi/pulumi";

export function outputOf<T>(resource: T): pulumi.Output<T> {
  return pulumi.output(resource) as unknown as pulumi.Output<T>;
}
