/**
 * The code transform of `sst add`: sets `providers.<name>` in the object that `app()` returns inside
 * `export default $config({...})`, creating `providers` when missing. Only the changed spans are rewritten.
 */
import { basename } from "node:path";
import ts from "typescript";
import { findProperty, insertEntries, keyText, quoteOf, stringText, unwrap, type Edit } from "./ast.js";
import { applyConfigEdits, configShapeError, findConfigObject, parseConfig } from "./config.js";

export interface ProviderEntry {
  version: string;
  /** Only when the package is not the default for the name (`@pulumi/<name>`). */
  package?: string;
}

const HINT = "sst add edits `export default $config({ app() { return { ... } } })`; add `providers: { name: \"version\" }` to that object by hand, then run `sst install`.";

/** The object literal `app()` returns. */
export function findAppObject(sf: ts.SourceFile, file: string): ts.ObjectLiteralExpression {
  const config = findConfigObject(sf, file, HINT);
  const app = findProperty(config, "app");
  let fn: ts.FunctionLikeDeclaration | undefined;
  if (app && ts.isMethodDeclaration(app)) fn = app;
  else if (app && ts.isPropertyAssignment(app)) {
    const init = unwrap(app.initializer);
    if (ts.isFunctionExpression(init) || ts.isArrowFunction(init)) fn = init;
  }
  if (!fn?.body) throw configShapeError(file, HINT, "the config has no `app()` function");
  if (!ts.isBlock(fn.body)) {
    const body = unwrap(fn.body);
    if (ts.isObjectLiteralExpression(body)) return body;
    throw configShapeError(file, HINT, "app() does not return an object literal");
  }
  // The last `return {...}` of app() itself, not of functions nested in it.
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) {
      const value = unwrap(node.expression);
      if (ts.isObjectLiteralExpression(value)) found = value;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  if (!found) throw configShapeError(file, HINT, "app() does not `return { ... }` an object literal");
  return found;
}

/** Sets `providers.<name>` in sst.config.ts's source and returns the new source. */
export function setProvider(source: string, fileName: string, name: string, entry: ProviderEntry): string {
  const file = basename(fileName);
  const sf = parseConfig(source, fileName, HINT);
  const q = quoteOf(sf);
  const str = (v: string) => stringText(v, q);
  const value = entry.package ? `{ package: ${str(entry.package)}, version: ${str(entry.version)} }` : str(entry.version);
  const key = keyText(name, q);
  const appObject = findAppObject(sf, file);
  const providers = findProperty(appObject, "providers");
  const edits: Edit[] = [];
  if (!providers) {
    edits.push(...insertEntries(sf, appObject, [`providers: { ${key}: ${value} }`]));
  } else {
    const init = ts.isPropertyAssignment(providers) ? unwrap(providers.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) throw configShapeError(file, HINT, "`providers` is not an object literal");
    const existing = findProperty(init, name);
    if (!existing) {
      edits.push(...insertEntries(sf, init, [`${key}: ${value}`]));
    } else if (ts.isPropertyAssignment(existing) && ts.isObjectLiteralExpression(unwrap(existing.initializer))) {
      // `aws: { region: "us-west-2" }`: keep the provider's args, set its version (and package).
      const args = unwrap(existing.initializer) as ts.ObjectLiteralExpression;
      const wanted: [string, string][] = [["version", str(entry.version)]];
      if (entry.package) wanted.unshift(["package", str(entry.package)]);
      const missing: string[] = [];
      for (const [k, v] of wanted) {
        const prop = findProperty(args, k);
        if (prop && ts.isPropertyAssignment(prop)) edits.push({ start: prop.initializer.getStart(sf), end: prop.initializer.end, text: v });
        else if (prop) edits.push({ start: prop.getStart(sf), end: prop.end, text: `${k}: ${v}` });
        else missing.push(`${k}: ${v}`);
      }
      if (missing.length) edits.push(...insertEntries(sf, args, missing));
    } else if (ts.isPropertyAssignment(existing)) {
      edits.push({ start: existing.initializer.getStart(sf), end: existing.initializer.end, text: value });
    } else {
      edits.push({ start: existing.getStart(sf), end: existing.end, text: `${key}: ${value}` });
    }
  }
  return applyConfigEdits(source, edits, fileName, HINT);
}
