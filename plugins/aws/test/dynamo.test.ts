/** sst.aws.Dynamo and DynamoLambdaSubscriber through the plugin harness (synth under Pulumi mocks). */
import * as awsSdk from "@pulumi/aws";
import { synth, type Graph } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Dynamo, DynamoLambdaSubscriber, Function } from "@sst/aws";
import { ACCOUNT, arnMocks, REGION } from "./fixtures/arn-mocks.js";
import { functionStatements } from "./fixtures/policy.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: arnMocks() };
const TABLE = "aws:dynamodb/table:Table";
const ESM = "aws:lambda/eventSourceMapping:EventSourceMapping";
const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
const streamArn = (name: string) => `${tableArn(name)}/stream/2026-01-01T00:00:00.000`;
/** A resource's physical name when a naming rule set one, else the mocks' logical name. */
const physical = (graph: Graph, name: string) => (graph.get(name).inputs.name as string | undefined) ?? name;
const functionName = physical;
const notes = { fields: { userId: "string", noteId: "string" }, primaryIndex: { hashKey: "userId", rangeKey: "noteId" } } as const;

describe("sst.aws.Dynamo", () => {
  it("is sst.aws.Dynamo in the sst namespace, with its subscriber components", async () => {
    let seen: unknown[] = [];
    await synth({ ...app, run: () => void (seen = [(globalThis as any).sst.aws.Dynamo, (globalThis as any).sst.aws.DynamoLambdaSubscriber]) });
    expect(seen).toEqual([Dynamo, DynamoLambdaSubscriber]);
  });

  it("creates an on-demand table with point-in-time recovery, its keys, and no stream", async () => {
    const graph = await synth({ ...app, run: () => void new Dynamo("Notes", notes) });
    expect(graph.get("NotesTable", TABLE).inputs).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      attributes: [
        { name: "userId", type: "S" },
        { name: "noteId", type: "S" },
      ],
      hashKey: "userId",
      rangeKey: "noteId",
      streamEnabled: false,
      pointInTimeRecovery: { enabled: true },
      deletionProtectionEnabled: false,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
    });
    expect(graph.get("NotesTable").inputs.ttl).toBeUndefined();
  });

  it("creates global and local indexes with their projections, ttl, stream and deletion protection", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Dynamo("Notes", {
          fields: { userId: "string", noteId: "string", createdAt: "number", blob: "binary" },
          primaryIndex: { hashKey: "userId", rangeKey: "noteId" },
          globalIndexes: {
            CreatedAt: { hashKey: "userId", rangeKey: "createdAt" },
            Keys: { hashKey: "noteId", projection: "keys-only" },
            Some: { hashKey: "blob", projection: ["title"] },
          },
          localIndexes: { ByCreated: { rangeKey: "createdAt", projection: "keys-only" } },
          ttl: "expireAt",
          stream: "new-and-old-images",
          deletionProtection: true,
        }),
    });
    const inputs = graph.get("NotesTable").inputs;
    expect(inputs.attributes).toContainEqual({ name: "blob", type: "B" });
    expect(inputs.attributes).toContainEqual({ name: "createdAt", type: "N" });
    expect(inputs.globalSecondaryIndexes).toEqual([
      { name: "CreatedAt", hashKey: "userId", rangeKey: "createdAt", projectionType: "ALL" },
      { name: "Keys", hashKey: "noteId", projectionType: "KEYS_ONLY" },
      { name: "Some", hashKey: "blob", projectionType: "INCLUDE", nonKeyAttributes: ["title"] },
    ]);
    expect(inputs.localSecondaryIndexes).toEqual([{ name: "ByCreated", rangeKey: "createdAt", projectionType: "KEYS_ONLY" }]);
    expect(inputs).toMatchObject({ ttl: { attributeName: "expireAt", enabled: true }, streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", deletionProtectionEnabled: true });
  });

  it("maps every stream type", async () => {
    for (const [stream, view] of [
      ["keys-only", "KEYS_ONLY"],
      ["new-image", "NEW_IMAGE"],
      ["old-image", "OLD_IMAGE"],
    ] as const) {
      const graph = await synth({ ...app, run: () => void new Dynamo("Notes", { ...notes, stream }) });
      expect(graph.get("NotesTable").inputs.streamViewType).toBe(view);
    }
    await expect(synth({ ...app, run: () => void new Dynamo("Notes", { ...notes, stream: "all" as any }) })).rejects.toMatchObject({ code: "E_DYNAMO_STREAM" });
  });

  it("reports every problem of the table's shape at once: undeclared keys, unused fields, bad types", async () => {
    const error = await synth({
      ...app,
      run: () =>
        void new Dynamo("Notes", {
          fields: { userId: "string", unused: "string", odd: "date" as any },
          primaryIndex: { hashKey: "userId", rangeKey: "missing" },
          localIndexes: { L: { rangeKey: "other" } },
        }),
    }).catch((e) => e);
    expect(error.code).toBe("E_DYNAMO_FIELDS");
    const messages = error.problems.map((p: { message: string }) => p.message).join("\n");
    expect(messages).toContain('primaryIndex.rangeKey "missing" is not in fields');
    expect(messages).toContain('localIndexes.L.rangeKey "other" is not in fields');
    expect(messages).toContain('field "unused" is not a key');
    expect(messages).toContain('field "odd" has type "date"');
  });

  it("applies transform.table, including the import option", async () => {
    const imports: Record<string, string> = {};
    const graph = await synth({
      ...app,
      mocks: arnMocks(imports),
      run: () =>
        void new Dynamo("Notes", {
          ...notes,
          transform: {
            table: (args, opts) => {
              args.name = "legacy-notes";
              opts.import = "legacy-notes";
            },
          },
        }),
    });
    expect(graph.get("NotesTable").inputs.name).toBe("legacy-notes");
    expect(imports.NotesTable).toBe("legacy-notes");
  });

  it("exposes name, arn and nodes.table, and links its name with dynamodb:* on the table and its indexes", async () => {
    let table!: Dynamo;
    const graph = await synth({ ...app, run: () => ((table = new Dynamo("Notes", notes)), { name: table.name, arn: table.arn }) });
    const name = physical(graph, "NotesTable");
    expect(graph.outputs).toEqual({ name, arn: tableArn("NotesTable") });
    expect(table.nodes.table).toBeInstanceOf(awsSdk.dynamodb.Table);
    const link = graph.links.find((l) => l.name === "Notes")!;
    expect(link).toMatchObject({ type: "sst.aws.Dynamo", properties: { name } });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["dynamodb:*"], resources: [tableArn("NotesTable"), `${tableArn("NotesTable")}/*`] }]);
  });

  it("references an existing table by name with Dynamo.get", async () => {
    const graph = await synth({ ...app, run: () => void Dynamo.get("Shared", "app-dev-notes") });
    expect(graph.get("SharedTable", TABLE)).toMatchObject({ read: true, id: "app-dev-notes" });
    expect(graph.resources.filter((r) => r.type.startsWith("aws:") && !r.read)).toEqual([]);
  });
});

describe("Dynamo.subscribe", () => {
  it("maps the stream to a function from the latest record, with filters and the stream read permissions", async () => {
    let sub!: DynamoLambdaSubscriber;
    const filter = { dynamodb: { Keys: { CustomerName: { S: ["AnyCompany Industries"] } } } };
    const graph = await synth({
      ...app,
      run: () => void new Dynamo("Notes", { ...notes, stream: "new-image" }).subscribe("src/sub.handler", { filters: [filter] }).apply((s) => (sub = s)),
    });
    const esm = graph.byType(ESM)[0]!;
    expect(esm.name).toMatch(/^NotesSubscriber[A-Z][a-z]{5}EventSourceMapping$/);
    expect(esm.inputs).toMatchObject({ eventSourceArn: streamArn("NotesTable"), startingPosition: "LATEST", functionName: functionName(graph, esm.name.replace("EventSourceMapping", "FunctionFunction")) });
    expect((esm.inputs.filterCriteria as { filters: { pattern: string }[] }).filters.map((f) => JSON.parse(f.pattern))).toEqual([filter]);
    expect(functionStatements(graph, esm.name.replace("EventSourceMapping", "Function"))).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
        Resource: [streamArn("NotesTable")],
      },
    ]);
    expect(sub.nodes.function).toBeInstanceOf(Function);
    expect(sub.nodes.eventSourceMapping).toBeInstanceOf(awsSdk.lambda.EventSourceMapping);
  });

  it("takes a subscriber name as newer SST does, and applies transform.eventSourceMapping", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Dynamo("Notes", { ...notes, stream: "keys-only" }).subscribe("Indexer", { handler: "src/index.handler" }, { transform: { eventSourceMapping: { batchSize: 50 } } }),
    });
    expect(graph.get("NotesSubscriberIndexerEventSourceMapping", ESM).inputs.batchSize).toBe(50);
  });

  it("refuses to subscribe without a stream", async () => {
    await expect(synth({ ...app, run: () => void new Dynamo("Notes", notes).subscribe("src/sub.handler") })).rejects.toMatchObject({
      code: "E_DYNAMO_STREAM",
      message: expect.stringContaining('Dynamo "Notes"'),
    });
  });

  it("subscribes to the stream of a table outside the app with the static Dynamo.subscribe", async () => {
    const arn = streamArn("orders");
    const graph = await synth({ ...app, run: () => void Dynamo.subscribe(arn, "src/sub.handler") });
    const sub = graph.byType("sst:aws:DynamoLambdaSubscriber")[0]!;
    expect(sub.name).toMatch(/^OrdersSubscriber/);
    expect(graph.byType(ESM)[0]!.inputs.eventSourceArn).toBe(arn);
    await expect(synth({ ...app, run: () => void Dynamo.subscribe(tableArn("orders"), "src/sub.handler") })).rejects.toMatchObject({ code: "E_AWS_ARN_INVALID" });
  });
});
