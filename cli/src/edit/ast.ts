/**
 * Text edits on TypeScript source guided by its syntax tree: the file is parsed with the compiler API, and
 * only the spans that change are rewritten, so formatting and comments elsewhere stay exactly as they were.
 */
import ts from "typescript";

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Strips parentheses and type assertions: `({...}) as X` → the object literal. */
export function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = node.expression;
  }
  return node;
}

/** The key of a property as written: `aws`, `"aws"`, `'aws'`; undefined for computed keys. */
export function keyOf(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

export function findProperty(obj: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => !ts.isSpreadAssignment(p) && keyOf(p.name) === key);
}

/** A key as source: bare when it is an identifier, quoted otherwise. */
export function keyText(key: string, quote: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote + key + quote;
}

/** The quote style the file uses most: `"` unless single quotes dominate. */
export function quoteOf(sf: ts.SourceFile): string {
  let single = 0;
  let double = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) node.getText(sf).startsWith("'") ? single++ : double++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return single > double ? "'" : '"';
}

export function stringText(value: string, quote: string): string {
  return quote + value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), "\\" + quote) + quote;
}

/**
 * Edits that add `entries` (already rendered: `key: value` for an object, values for an array) to an object or
 * array literal, in its style: one per line with the indentation of its last entry, or inline for a one-line
 * literal. A comment after the last entry stays on its line.
 */
export function insertEntries(sf: ts.SourceFile, node: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, entries: string[]): Edit[] {
  const text = sf.text;
  const props: ts.NodeArray<ts.Node> = ts.isArrayLiteralExpression(node) ? node.elements : node.properties;
  if (props.length === 0) {
    const joined = entries.join(", ");
    return [{ start: node.getStart(sf), end: node.end, text: ts.isArrayLiteralExpression(node) ? `[${joined}]` : `{ ${joined} }` }];
  }
  const last = props[props.length - 1]!;
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const multiline = line(node.getStart(sf)) !== line(props[0]!.getStart(sf));
  if (!multiline) {
    const joined = entries.join(", ");
    return [{ start: props.end, end: props.end, text: props.hasTrailingComma ? ` ${joined},` : `, ${joined}` }];
  }
  const lineStart = text.lastIndexOf("\n", last.getStart(sf) - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  // After the last entry (and its comma), skip the rest of the line when it is blank or a line comment.
  let at = props.end;
  const eol = text.indexOf("\n", at);
  const rest = text.slice(at, eol < 0 ? text.length : eol);
  if (/^\s*(\/\/.*)?$/.test(rest) && eol >= 0 && eol < node.end) at = eol;
  const added = entries.map((e) => `\n${indent}${e},`).join("");
  if (props.hasTrailingComma) return [{ start: at, end: at, text: added }];
  // No trailing comma: the last entry needs one, before any comment that follows it.
  if (at === last.end) return [{ start: at, end: at, text: "," + added.replace(/,$/, "") }];
  return [
    { start: last.end, end: last.end, text: "," },
    { start: at, end: at, text: added.replace(/,$/, "") },
  ];
}

/** Syntax errors of a source text (empty when it parses). */
export function syntaxErrors(source: string, fileName: string): string[] {
  const result = ts.transpileModule(source, { fileName, reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.Latest } });
  return (result.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
