/**
 * `sst.cloudflare.Cron`: a Worker run on a schedule. The job's default export has a
 * `scheduled(controller, env, ctx)` handler.
 *
 * @example
 * new sst.cloudflare.Cron("Cron", { job: "index.ts", schedules: ["* * * * *"] });
 */
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type Transform } from "@sst/core";
import { accountId } from "./helpers/account.js";
import { Worker, type WorkerArgs } from "./worker.js";

export interface CronArgs extends ComponentArgs {
  /**
   * The Worker that runs: a handler file or full Worker args.
   * @example `job: "src/cron.ts"`
   * @example `job: { handler: "src/cron.ts", link: [bucket] }`
   */
  job: pulumi.Input<string> | WorkerArgs;
  /**
   * When it runs: cron expressions (UTC), up to 3 per Worker on the free plan.
   * @example `schedules: ["0 * * * *"]`
   */
  schedules: pulumi.Input<pulumi.Input<string>[]>;
  /** Change how the trigger is created. */
  transform?: {
    /** The cron trigger. */
    trigger?: Transform<cloudflare.WorkersCronTriggerArgs>;
  };
}

export class Cron extends Component {
  static readonly __pulumiType = "sst:cloudflare:Cron";
  readonly #worker: Worker;
  readonly #trigger: cloudflare.WorkersCronTrigger;

  constructor(name: string, args: CronArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Cron.__pulumiType, name, args, opts);
    if (!args || args.job === undefined || args.schedules === undefined) {
      throw new SSTError({
        code: "E_CLOUDFLARE_CRON_ARGS",
        message: `sst.cloudflare.Cron "${name}" needs a \`job\` and \`schedules\`.`,
        hint: `new sst.cloudflare.Cron("${name}", { job: "src/cron.ts", schedules: ["0 * * * *"] })`,
      });
    }
    const job = args.job;
    const workerArgs: WorkerArgs = typeof job === "object" && job !== null && "handler" in job ? job : { handler: job as pulumi.Input<string> };
    this.#worker = new Worker(`${name}Handler`, workerArgs, { parent: this });
    this.#trigger = this.create("trigger", cloudflare.WorkersCronTrigger, "Trigger", {
      accountId: accountId(`sst.cloudflare.Cron "${name}"`),
      scriptName: this.#worker.scriptName,
      schedules: pulumi.output(args.schedules).apply((crons) => crons.map((cron) => ({ cron }))),
    });
  }

  /** The underlying resources this component creates. */
  override get nodes(): { worker: Worker; trigger: cloudflare.WorkersCronTrigger } {
    return { worker: this.#worker, trigger: this.#trigger };
  }
}
