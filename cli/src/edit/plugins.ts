/**
 * The plugins transform of `sst add`: imports the plugin's factory (`import { hello } from "<package>"`) and
 * adds `hello()` to `plugins: [...]` in `export default $config({...})`, creating `plugins` (as the first
 * property) when missing. Only the changed spans are rewritten; a plugin already listed is left alone.
 */
import { basename } from "node:path";
import ts from "typescript";
import { findProperty, insertEntries, quoteOf, stringText, unwrap, type Edit } from "./ast.js";
import { applyConfigEdits, configShapeError, findConfigObject, parseConfig } from "./config.js";

export interface PluginEntry {
  /** The package to import from, like `@sst-examples/plugin-hello`. */
  package: string;
  /** The factory's named export, like `hello`. */
  factory: string;
}

const hint = (plugin: PluginEntry) =>
  `Add it by hand: \`import { ${plugin.factory} } from "${plugin.package}";\` and \`plugins: [${plugin.factory}()]\` in $config({...}).`;

/** The local name the file imports `factory` from `pkg` under, if it does. */
function importedAs(sf: ts.SourceFile, plugin: PluginEntry): string | undefined {
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== plugin.package || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const found = bindings.elements.find((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === plugin.factory);
    if (found) return found.name.text;
  }
  return undefined;
}

/** Names declared at the top level of the file (imports, functions, classes, variables). */
function topLevelNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    }
  }
  return names;
}

/** The edit that imports the factory under `local`: after the last import, else before the first statement. */
function importEdit(sf: ts.SourceFile, plugin: PluginEntry, local: string): Edit {
  const what = local === plugin.factory ? plugin.factory : `${plugin.factory} as ${local}`;
  const line = `import { ${what} } from ${stringText(plugin.package, quoteOf(sf))};`;
  const imports = sf.statements.filter(ts.isImportDeclaration);
  const last = imports[imports.length - 1];
  if (last) return { start: last.end, end: last.end, text: `\n${line}` };
  const first = sf.statements[0];
  const at = first ? first.getStart(sf) : sf.text.length;
  return { start: at, end: at, text: first ? `${line}\n\n` : `${line}\n` };
}

/** The edit that adds `plugins: [call]` as the config object's first property. */
function pluginsPropertyEdit(sf: ts.SourceFile, config: ts.ObjectLiteralExpression, call: string): Edit {
  const first = config.properties[0];
  if (!first) return { start: config.getStart(sf), end: config.end, text: `{ plugins: [${call}] }` };
  const start = first.getStart(sf);
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  if (line(config.getStart(sf)) === line(start)) return { start, end: start, text: `plugins: [${call}], ` };
  const indent = /^[ \t]*/.exec(sf.text.slice(sf.text.lastIndexOf("\n", start - 1) + 1))![0];
  return { start, end: start, text: `plugins: [${call}],\n${indent}` };
}

/** Adds the plugin to sst.config.ts's source and returns the new source (the same text when it is listed). */
export function addPlugin(source: string, fileName: string, plugin: PluginEntry): string {
  const file = basename(fileName);
  const why = hint(plugin);
  const sf = parseConfig(source, fileName, why);
  const config = findConfigObject(sf, file, why);
  const property = findProperty(config, "plugins");
  const array = property && ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
  if (property && (!array || !ts.isArrayLiteralExpression(array))) throw configShapeError(file, why, "`plugins` is not an array literal");

  const edits: Edit[] = [];
  let local = importedAs(sf, plugin);
  if (!local) {
    const taken = topLevelNames(sf);
    local = plugin.factory;
    for (let n = 2; taken.has(local); n++) local = `${plugin.factory}Plugin${n === 2 ? "" : n}`;
    edits.push(importEdit(sf, plugin, local));
  }
  const calls = (e: ts.Expression) => ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === local;
  if (array && ts.isArrayLiteralExpression(array)) {
    if (array.elements.some(calls)) return source;
    edits.push(...insertEntries(sf, array, [`${local}()`]));
  } else {
    edits.push(pluginsPropertyEdit(sf, config, `${local}()`));
  }
  return applyConfigEdits(source, edits, fileName, why);
}
