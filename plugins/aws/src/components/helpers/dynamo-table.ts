/**
 * `sst.aws.Dynamo`'s args turned into `aws.dynamodb.Table` args, and checked: key fields must be declared in
 * `fields`, and every declared field must be a key of the table or of an index (DynamoDB refuses
 * attribute definitions that no key uses).
 */
import type * as aws from "@pulumi/aws";
import { SSTError } from "@sst/core";

export type FieldType = "string" | "number" | "binary";
export type Projection = "all" | "keys-only" | string[];
export type StreamView = "keys-only" | "new-image" | "old-image" | "new-and-old-images";

export interface TableShape {
  fields: Record<string, FieldType>;
  primaryIndex: { hashKey: string; rangeKey?: string };
  globalIndexes?: Record<string, { hashKey: string; rangeKey?: string; projection?: Projection }>;
  localIndexes?: Record<string, { rangeKey: string; projection?: Projection }>;
}

const TYPES: Record<FieldType, string> = { string: "S", number: "N", binary: "B" };
export const STREAM_VIEWS: StreamView[] = ["keys-only", "new-image", "old-image", "new-and-old-images"];

/** Throws an `SSTError` listing every problem of the table's shape. */
export function checkTableShape(shape: TableShape, where: string): void {
  const problems: { code: string; message: string; hint: string }[] = [];
  const fields = shape.fields ?? {};
  const used = new Set<string>();
  const key = (field: string | undefined, path: string) => {
    if (field === undefined) return;
    used.add(field);
    if (!(field in fields)) {
      problems.push({ code: "E_DYNAMO_FIELDS", message: `${where}: ${path} "${field}" is not in fields.`, hint: `Declare it: fields: { ${field}: "string" }.` });
    }
  };
  for (const [name, type] of Object.entries(fields)) {
    if (!(type in TYPES)) {
      problems.push({ code: "E_DYNAMO_FIELDS", message: `${where}: field "${name}" has type "${type}".`, hint: 'Use "string", "number" or "binary".' });
    }
  }
  if (!shape.primaryIndex?.hashKey) {
    problems.push({ code: "E_DYNAMO_PRIMARY_INDEX", message: `${where}: primaryIndex.hashKey is missing.`, hint: 'Set primaryIndex: { hashKey: "userId" }.' });
  }
  key(shape.primaryIndex?.hashKey, "primaryIndex.hashKey");
  key(shape.primaryIndex?.rangeKey, "primaryIndex.rangeKey");
  const globals = Object.entries(shape.globalIndexes ?? {});
  const locals = Object.entries(shape.localIndexes ?? {});
  for (const [name, index] of globals) {
    key(index.hashKey, `globalIndexes.${name}.hashKey`);
    key(index.rangeKey, `globalIndexes.${name}.rangeKey`);
  }
  for (const [name, index] of locals) key(index.rangeKey, `localIndexes.${name}.rangeKey`);
  if (globals.length > 20) problems.push({ code: "E_DYNAMO_INDEXES", message: `${where}: ${globals.length} global indexes; DynamoDB allows 20.`, hint: "Remove or merge indexes." });
  if (locals.length > 5) problems.push({ code: "E_DYNAMO_INDEXES", message: `${where}: ${locals.length} local indexes; DynamoDB allows 5.`, hint: "Remove or merge indexes." });
  if (locals.length && !shape.primaryIndex?.rangeKey) {
    problems.push({ code: "E_DYNAMO_INDEXES", message: `${where}: local indexes need a table with a primaryIndex.rangeKey.`, hint: "Add a rangeKey to primaryIndex, or use a global index." });
  }
  for (const name of Object.keys(fields)) {
    if (!used.has(name)) {
      problems.push({
        code: "E_DYNAMO_FIELDS",
        message: `${where}: field "${name}" is not a key of the table or of an index.`,
        hint: "List in fields only the fields that keys use; other attributes need no declaration.",
      });
    }
  }
  if (problems.length) throw new SSTError(problems);
}

/** The table's attribute and index args. */
export function tableShapeArgs(shape: TableShape): Pick<
  aws.dynamodb.TableArgs,
  "attributes" | "hashKey" | "rangeKey" | "globalSecondaryIndexes" | "localSecondaryIndexes"
> {
  return {
    attributes: Object.entries(shape.fields).map(([name, type]) => ({ name, type: TYPES[type] })),
    hashKey: shape.primaryIndex.hashKey,
    rangeKey: shape.primaryIndex.rangeKey,
    globalSecondaryIndexes: Object.entries(shape.globalIndexes ?? {}).map(([name, index]) => ({
      name,
      hashKey: index.hashKey,
      rangeKey: index.rangeKey,
      ...projection(index.projection),
    })),
    localSecondaryIndexes: Object.entries(shape.localIndexes ?? {}).map(([name, index]) => ({ name, rangeKey: index.rangeKey, ...projection(index.projection) })),
  };
}

function projection(p: Projection | undefined): { projectionType: string; nonKeyAttributes?: string[] } {
  if (p === "keys-only") return { projectionType: "KEYS_ONLY" };
  if (Array.isArray(p)) return { projectionType: "INCLUDE", nonKeyAttributes: p };
  return { projectionType: "ALL" };
}

/** `new-and-old-images` → `NEW_AND_OLD_IMAGES`, checked. */
export function streamViewType(stream: string, where: string): string {
  if (!STREAM_VIEWS.includes(stream as StreamView)) {
    throw new SSTError({ code: "E_DYNAMO_STREAM", message: `${where}: stream "${stream}" is not a stream type.`, hint: `Use one of ${STREAM_VIEWS.map((s) => `"${s}"`).join(", ")}.` });
  }
  return stream.toUpperCase().replace(/-/g, "_");
}
