import { readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";

/**
 * The API-set audit: every Excel.* and Office.* member that src/ uses, resolved by the TypeScript
 * checker to its declaration in @types/office-js, and its requirement set read from the note there
 * (`[Api set: ExcelApi 1.7]`, or `**Requirement set**: {@link … | SharedRuntime 1.1}`; a parameter's
 * own note when the call passes that argument). A member above what the manifest requires must sit
 * on a guarded path: inside `if (…)`, `cond ? … :`, `cond && …` or after `if (!…) return`, where
 * the condition names the set — a call of a function whose body asks
 * Office.context.requirements.isSetSupported for it at that version or above, or an ExcelApi flag
 * `api1_N` (src/hosts/office/api.ts) with N at least the member's.
 */

export interface ApiUse {
  file: string;
  line: number;
  member: string;
  set: string;
  version: string;
}

const ROOT = join(__dirname, "..", "..");

/** The requirement sets the manifest asks for (ExcelApi 1.1 when it names none: every Excel add-in has it). */
export function manifestMinimum(
  xml: string = readFileSync(join(ROOT, "manifest.xml"), "utf8")
): Map<string, string> {
  const top = xml.slice(0, xml.indexOf("<VersionOverrides"));
  const sets = new Map<string, string>([["ExcelApi", "1.1"]]);
  for (const m of top.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)) sets.set(m[1], m[2]);
  return sets;
}

const newer = (a: string, b: string) => {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
};

function noteOf(text: string): { set: string; version: string } | null {
  const m =
    /\[Api set: (\w+) (\d+\.\d+)/.exec(text) ?? /Requirement set\*\*:[^|]*\|\s*(\w+) (\d+\.\d+)/.exec(text);
  return m ? { set: m[1], version: m[2] } : null;
}

/** A declaration's own requirement note (its JSDoc, @param lines left out) and those of its parameters. */
export function requirementOf(decl: ts.Declaration): {
  own: { set: string; version: string } | null;
  params: ({ set: string; version: string } | null)[];
} {
  const docs = ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc);
  const text = docs.map((d) => d.getText()).join("\n");
  const own = noteOf(
    text
      .split("\n")
      .filter((l) => !/@param/.test(l))
      .join("\n")
  );
  const params = ts.isFunctionLike(decl)
    ? decl.parameters.map((p) => {
        const tag = docs
          .flatMap((d) => d.tags ?? [])
          .find((t) => ts.isJSDocParameterTag(t) && t.name.getText() === p.name.getText());
        return tag ? noteOf(tag.getText()) : null;
      })
    : [];
  return { own, params };
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  return /[\\/]@types[\\/]office-js(-preview)?[\\/]/.test(decl.getSourceFile().fileName);
}

/** What a condition guarantees: set → the highest version it checks. */
function guarantees(cond: ts.Expression, checker: ts.TypeChecker): Map<string, string> {
  const out = new Map<string, string>();
  const note = (set: string, version: string) => {
    if (!out.has(set) || newer(version, out.get(set) ?? "0.0")) out.set(set, version);
  };
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) || ts.isIdentifier(n)) {
      const name = ts.isIdentifier(n) ? n.text : n.name.text;
      const m = /^api1_(\d+)$/.exec(name);
      if (m) note("ExcelApi", `1.${m[1]}`);
    }
    if (ts.isCallExpression(n)) {
      const text = n.getText();
      for (const m of text.matchAll(/isSetSupported\(\s*"(\w+)"\s*,\s*"(\d+\.\d+)"/g)) note(m[1], m[2]);
      const m = /^supports\(\s*"(\d+\.\d+)"/.exec(text);
      if (m) note("ExcelApi", m[1]);
      const symbol = checker.getSymbolAtLocation(
        ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression
      );
      for (const decl of symbol?.declarations ?? []) {
        const body = decl.getText();
        if (isOfficeDeclaration(decl)) continue;
        for (const b of body.matchAll(/isSetSupported\(\s*"(\w+)"\s*,\s*"(\d+\.\d+)"/g)) note(b[1], b[2]);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return out;
}

const covers = (g: Map<string, string>, set: string, version: string) => {
  const have = g.get(set);
  return have !== undefined && !newer(version, have);
};

/** Statements that end the path: `return`, `throw`. */
const exits = (s: ts.Statement) =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.some(exits));

/** True when some branch on the way to `node` has checked `set` at `version` or above. */
function guarded(node: ts.Node, set: string, version: string, checker: ts.TypeChecker): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (
      ts.isIfStatement(parent) &&
      child === parent.thenStatement &&
      covers(guarantees(parent.expression, checker), set, version)
    )
      return true;
    if (
      ts.isConditionalExpression(parent) &&
      child === parent.whenTrue &&
      covers(guarantees(parent.condition, checker), set, version)
    )
      return true;
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      child === parent.right &&
      covers(guarantees(parent.left, checker), set, version)
    )
      return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      // `if (!guard) return;` earlier in the same block.
      const statements = parent.statements;
      const at = statements.indexOf(child as ts.Statement);
      for (const s of statements.slice(0, Math.max(0, at)))
        if (
          ts.isIfStatement(s) &&
          exits(s.thenStatement) &&
          covers(guarantees(s.expression, checker), set, version)
        )
          return true;
    }
    if (ts.isFunctionLike(parent) && !ts.isArrowFunction(parent)) break;
  }
  return false;
}

/** Uses of Office.js members above the manifest's minimum that no guard protects. */
export function unguardedUses(
  program: ts.Program,
  files: readonly string[],
  minimum: Map<string, string>
): ApiUse[] {
  const checker = program.getTypeChecker();
  const out: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        const decl = symbol?.declarations?.find(isOfficeDeclaration);
        if (decl) {
          const req = requirementOf(decl);
          const needs = [req.own];
          if (ts.isCallExpression(n.parent) && n.parent.expression === n)
            n.parent.arguments.forEach((_, i) => needs.push(req.params[i] ?? null));
          for (const need of needs) {
            if (!need) continue;
            const allowed = minimum.get(need.set);
            if (allowed !== undefined && !newer(need.version, allowed)) continue;
            if (guarded(n, need.set, need.version, checker)) continue;
            const { line } = source.getLineAndCharacterOfPosition(n.name.getStart());
            out.push({ file, line: line + 1, member: n.getText(), set: need.set, version: need.version });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}

/** The repository's program (tsconfig.json) and its src/ files. */
export function repositoryProgram(): { program: ts.Program; files: string[] } {
  const configPath = join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => f.includes(`${join(ROOT, "src")}`) && !f.endsWith(".d.ts"));
  return { program: ts.createProgram(files, parsed.options), files };
}
