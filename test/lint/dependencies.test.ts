import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

/**
 * Every package package.json installs is used (issue 22 §14: office-addin-mock stayed a dev
 * dependency long after the tests moved to the strict Excel fake): imported or required by the
 * code, tests, bench, scripts or a config; or a command of its is run by an npm script or a
 * script; or, for @types/x, x is used or named in tsconfig's "types".
 */

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Packages run by another package's command rather than by name (`webpack serve` runs the dev server). */
const RUN_BY: Record<string, string> = { "webpack-cli": "webpack", "webpack-dev-server": "webpack" };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : /\.(c|m)?(j|t)sx?$/.test(name) ? [path] : [];
  });
}

const sources = [
  ...["src", "test", "bench", "scripts"].flatMap((d) => files(join(ROOT, d))),
  ...readdirSync(ROOT)
    .filter((n) => /\.(c|m)?js$/.test(n))
    .map((n) => join(ROOT, n)),
].map((f) => readFileSync(f, "utf8"));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const imported = (name: string) =>
  sources.some((text) => new RegExp(`["'\`]${escape(name)}(/[^"'\`]*)?["'\`]`).test(text));

function commands(name: string): string[] {
  const manifest = join(ROOT, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return [];
  const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin?: string | Record<string, string> }).bin;
  return bin === undefined
    ? []
    : typeof bin === "string"
      ? [name.replace(/^@[^/]+\//, "")]
      : Object.keys(bin);
}
const scriptText = Object.values(pkg.scripts).join("\n");
const run = (command: string) => new RegExp(`(^|[\\s;&|"'])${escape(command)}(\\s|$)`, "m").test(scriptText);

const tsconfig = JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")) as {
  compilerOptions: { types?: string[] };
};

function used(name: string): boolean {
  if (name.startsWith("@types/")) {
    const of = name.slice("@types/".length);
    return (tsconfig.compilerOptions.types ?? []).includes(of) || used(of);
  }
  if (imported(name) || commands(name).some(run)) return true;
  return name in RUN_BY && used(RUN_BY[name]);
}

test("every dependency in package.json is used by the code, a script or a config", () => {
  const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
  expect(names.filter((n) => !used(n))).toEqual([]);
});
