/**
 * The code transform of `sst add`: sets `providers.<name>` in the object that `app()` returns inside
 * `export default $config({...})`, creating `providers` when missing. Only the changed spans are rewritten.
 */
import { SSTError } from "@sst/core";
import { basename } from "node:path";
import ts from "typescript";
import { applyEdits, findProperty, insertProperties, keyText, quoteOf, stringText, syntaxErrors, unwrap, type Edit } from "./ast.js";

export interface ProviderEntry {
  version: string;
  /** Only when the package is not the default for the name (`@pulumi/<name>`). */
  package?: string;
}

function shapeError(file: string, detail: string): SSTError {
  return new SSTError({
    code: "E_ADD_CONFIG_SHAPE",
    message: `Could not edit ${file}: ${detail}.`,
    hint: "sst add edits `export default $config({ app() { return { ... } } })`; add `providers: { name: \"version\" }` to that object by hand, then run `sst install`.",
  });
}

/** The object literal `app()` returns. */
export function findAppObject(sf: ts.SourceFile, file: string): ts.ObjectLiteralExpression {
  const exported = sf.statements.find((s): s is ts.ExportAssignment => ts.isExportAssignment(s) && !s.isExportEquals);
  const call = exported && unwrap(exported.expression);
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "$config") {
    throw shapeError(file, "it has no `export default $config({...})`");
  }
  const config = call.arguments[0] && unwrap(call.arguments[0]);
  if (!config || !ts.isObjectLiteralExpression(config)) throw shapeError(file, "$config() is not given an object literal");
  const app = findProperty(config, "app");
  let fn: ts.FunctionLikeDeclaration | undefined;
  if (app && ts.isMethodDeclaration(app)) fn = app;
  else if (app && ts.isPropertyAssignment(app)) {
    const init = unwrap(app.initializer);
    if (ts.isFunctionExpression(init) || ts.isArrowFunction(init)) fn = init;
  }
  if (!fn?.body) throw shapeError(file, "the config has no `app()` function");
  if (!ts.isBlock(fn.body)) {
    const body = unwrap(fn.body);
    if (ts.isObjectLiteralExpression(body)) return body;
    throw shapeError(file, "app() does not return an object literal");
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
  if (!found) throw shapeError(file, "app() does not `return { ... }` an object literal");
  return found;
}

/** Sets `providers.<name>` in sst.config.ts's source and returns the new source. */
export function setProvider(source: string, fileName: string, name: string, entry: ProviderEntry): string {
  const file = basename(fileName);
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const broken = syntaxErrors(source, fileName);
  if (broken.length) throw shapeError(file, `it does not parse (${broken[0]})`);
  const q = quoteOf(sf);
  const str = (v: string) => stringText(v, q);
  const value = entry.package ? `{ package: ${str(entry.package)}, version: ${str(entry.version)} }` : str(entry.version);
  const key = keyText(name, q);
  const appObject = findAppObject(sf, file);
  const providers = findProperty(appObject, "providers");
  const edits: Edit[] = [];
  if (!providers) {
    edits.push(...insertProperties(sf, appObject, [`providers: { ${key}: ${value} }`]));
  } else {
    const init = ts.isPropertyAssignment(providers) ? unwrap(providers.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) throw shapeError(file, "`providers` is not an object literal");
    const existing = findProperty(init, name);
    if (!existing) {
      edits.push(...insertProperties(sf, init, [`${key}: ${value}`]));
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
      if (missing.length) edits.push(...insertProperties(sf, args, missing));
    } else if (ts.isPropertyAssignment(existing)) {
      edits.push({ start: existing.initializer.getStart(sf), end: existing.initializer.end, text: value });
    } else {
      edits.push({ start: existing.getStart(sf), end: existing.end, text: `${key}: ${value}` });
    }
  }
  const out = applyEdits(source, edits);
  const errors = syntaxErrors(out, fileName);
  if (errors.length) throw shapeError(file, `the edit would not parse (${errors[0]})`);
  return out;
}
