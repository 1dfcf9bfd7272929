/** The parts of editing sst.config.ts that every `sst add` transform shares: parse, find `$config({...})`, apply. */
import { SSTError } from "@sst/core";
import { basename } from "node:path";
import ts from "typescript";
import { applyEdits, syntaxErrors, unwrap, type Edit } from "./ast.js";

/** The error for a config a transform cannot edit; `hint` says what to write by hand. */
export function configShapeError(file: string, hint: string, detail: string): SSTError {
  return new SSTError({ code: "E_ADD_CONFIG_SHAPE", message: `Could not edit ${file}: ${detail}.`, hint });
}

/** Parses the config; one that does not parse is not edited. */
export function parseConfig(source: string, fileName: string, hint: string): ts.SourceFile {
  const broken = syntaxErrors(source, fileName);
  if (broken.length) throw configShapeError(basename(fileName), hint, `it does not parse (${broken[0]})`);
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The object literal given to `export default $config(...)`. */
export function findConfigObject(sf: ts.SourceFile, file: string, hint: string): ts.ObjectLiteralExpression {
  const exported = sf.statements.find((s): s is ts.ExportAssignment => ts.isExportAssignment(s) && !s.isExportEquals);
  const call = exported && unwrap(exported.expression);
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "$config") {
    throw configShapeError(file, hint, "it has no `export default $config({...})`");
  }
  const config = call.arguments[0] && unwrap(call.arguments[0]);
  if (!config || !ts.isObjectLiteralExpression(config)) throw configShapeError(file, hint, "$config() is not given an object literal");
  return config;
}

/** Applies the edits and checks that the result still parses. */
export function applyConfigEdits(source: string, edits: Edit[], fileName: string, hint: string): string {
  const out = applyEdits(source, edits);
  const errors = syntaxErrors(out, fileName);
  if (errors.length) throw configShapeError(basename(fileName), hint, `the edit would not parse (${errors[0]})`);
  return out;
}
