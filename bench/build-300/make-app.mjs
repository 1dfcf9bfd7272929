// Writes the bench app: `count` small TypeScript handlers (src/fn<i>.ts), each importing two functions from a
// generated library of `modules` files (lib/, about 8 KB each, re-exported from lib/index.ts, so esbuild parses
// all of it for every function, as it would a real SDK) and a shared module.
//   node make-app.mjs <dir> [count=300] [modules=100]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, count = "300", modules = "100"] = process.argv.slice(2);
if (!dir) throw new Error("usage: node make-app.mjs <dir> [count] [modules]");
const n = Number(count);
const m = Number(modules);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "src"), { recursive: true });
mkdirSync(join(dir, "lib"), { recursive: true });

for (let k = 0; k < m; k++) {
  const body = [`export function fn${k}(x: number): string {\n  return \`mod${k}:\${helper${k}_0(x)}\`;\n}`];
  for (let j = 0; j < 40; j++) {
    body.push(
      `export function helper${k}_${j}(x: number): number {\n  let acc = ${j};\n  for (let i = 0; i < x % 7; i++) acc = (acc * 31 + i + ${k}) % 1000003;\n  return acc + "${"x".repeat(40)}".length;\n}`,
    );
  }
  body.push(`export class Client${k} {\n  constructor(readonly region: string) {}\n  send(command: { name: string }): string {\n    return \`\${this.region}/\${command.name}/${k}\`;\n  }\n}`);
  writeFileSync(join(dir, "lib", `mod${k}.ts`), body.join("\n\n") + "\n");
}
writeFileSync(join(dir, "lib", "index.ts"), Array.from({ length: m }, (_, k) => `export * from "./mod${k}";`).join("\n") + "\n");
writeFileSync(join(dir, "src", "shared.ts"), `export const shared = (id: number) => ({ id, at: "bench" });\n`);
for (let i = 0; i < n; i++) {
  const a = i % m;
  const b = (i * 7 + 3) % m;
  writeFileSync(
    join(dir, "src", `fn${i}.ts`),
    `import { fn${a}, fn${b} } from "../lib";\nimport { shared } from "./shared";\n\n` +
      `export const handler = async (event: { n?: number }) => ({\n  statusCode: 200,\n` +
      `  body: JSON.stringify({ ...shared(${i}), a: fn${a}(event.n ?? ${i}), b: fn${b}(${i}) }),\n});\n`,
  );
}
console.log(`wrote ${n} handlers and ${m} library modules to ${dir}`);
