/** The aws-dynamo-stream example, synthesised offline: a table with a stream and a filtered subscriber. */
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { configTypeErrors } from "../../../plugins/aws/test/fixtures/config-types.js";

const root = join(import.meta.dirname, "..");

describe("aws-dynamo-stream", () => {
  it("creates the table with its stream and a subscriber that sees only inserts", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test" });
    expect(graph.get("NotesTable", "aws:dynamodb/table:Table").inputs).toMatchObject({
      hashKey: "userId",
      rangeKey: "noteId",
      streamEnabled: true,
      streamViewType: "NEW_AND_OLD_IMAGES",
    });
    const [esm] = graph.byType("aws:lambda/eventSourceMapping:EventSourceMapping");
    expect(esm!.inputs.startingPosition).toBe("LATEST");
    const patterns = (esm!.inputs.filterCriteria as { filters: { pattern: string }[] }).filters.map((f) => JSON.parse(f.pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT"] }]);
    const [fn] = graph.byType("aws:lambda/function:Function");
    expect(fn!.inputs.handler).toBe("src/subscriber.handler");
  });

  it("type-checks sst.config.ts against the editor globals of an aws app", () => {
    expect(configTypeErrors(root)).toEqual([]);
  });
});
