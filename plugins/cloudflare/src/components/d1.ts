/**
 * `sst.cloudflare.D1`: a D1 (SQLite) database. Linked to a Worker it is a D1 binding: `Resource.MyDb` is a
 * `D1Database` (`prepare`, `batch`, `exec`).
 *
 * @example
 * const db = new sst.cloudflare.D1("MyDb");
 * new sst.cloudflare.Worker("Api", { handler: "index.ts", link: [db] });
 */
import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { binding } from "./binding.js";
import { accountId } from "./helpers/account.js";
import { physical } from "./helpers/naming.js";
import { referenceArgs, referenceOf, withState } from "./helpers/reference.js";

export interface D1Args extends ComponentArgs {
  /** Change how the database is created. */
  transform?: {
    /** The D1 database. */
    database?: Transform<cloudflare.D1DatabaseArgs>;
  };
}

export class D1 extends Component {
  static readonly __pulumiType = "sst:cloudflare:D1";
  readonly #database: cloudflare.D1Database;

  constructor(name: string, args: D1Args = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(D1.__pulumiType, name, args, opts);
    const ref = referenceOf(args);
    this.#database = ref
      ? this.reference("database", withState(cloudflare.D1Database, ref.state), "Database", ref.id)
      : this.#createDatabase(name);
  }

  #createDatabase(name: string): cloudflare.D1Database {
    const { args, opts } = physical("cloudflare:index/d1Database:D1Database", `${name}Database`);
    const props = { accountId: accountId(`sst.cloudflare.D1 "${name}"`), ...args } as cloudflare.D1DatabaseArgs;
    return this.create("database", cloudflare.D1Database, "Database", props, opts);
  }

  /** The ID (UUID) of the database. */
  get id(): pulumi.Output<string> {
    return this.#database.id;
  }

  /** The generated name of the database. */
  get databaseName(): pulumi.Output<string> {
    return this.#database.name;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { database: cloudflare.D1Database } {
    return { database: this.#database };
  }

  protected override outputs() {
    return { id: this.id, databaseName: this.databaseName };
  }

  getSSTLink(): LinkPayload {
    return { properties: {}, include: [binding({ type: "d1DatabaseBindings", properties: { id: this.id } })] };
  }

  /**
   * References an existing D1 database of the account by ID.
   * @example const db = sst.cloudflare.D1.get("MyDb", "7c5dae5552338874e5053f2534d2767a");
   */
  static get(name: string, databaseId: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions): D1 {
    return new D1(name, referenceArgs(databaseId, { accountId: accountId(`sst.cloudflare.D1.get("${name}")`) }), opts);
  }
}
