import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ts from "typescript";
import { manifestMinimum, repositoryProgram, requirementOf, unguardedUses } from "./api-audit";
import { FAKE_API_SETS } from "./excel-mock";

/** The API-set audit (api-audit.ts) over src/, and the fake's requirement table against @types/office-js. */
describe("API requirement sets", () => {
  const { program, files } = repositoryProgram();

  test("the manifest asks for SharedRuntime 1.1 and CustomFunctionsRuntime 1.1; ExcelApi 1.1 is the floor", () => {
    expect(Object.fromEntries(manifestMinimum())).toEqual({
      ExcelApi: "1.1",
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.1",
    });
  });

  test("every Excel.* / Office.* member in src/ above the manifest's minimum is behind a requirement-set check", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(unguardedUses(program, files, manifestMinimum())).toEqual([]);
  });

  test("the audit finds an unguarded member, a parameter above the minimum, and accepts the guarded forms", () => {
    const dir = mkdtempSync(join(tmpdir(), "api-audit-"));
    const file = join(dir, "probe.ts");
    writeFileSync(
      file,
      `/* global Excel, Office */
const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
export function probe(ws: Excel.Worksheet, can: { api1_7: boolean; api1_4: boolean }) {
  ws.freezePanes.freezeRows(1);
  ws.getUsedRange(true);
  if (can.api1_7) ws.freezePanes.freezeRows(2);
  if (supports("1.7")) ws.freezePanes.freezeRows(3);
  const r = can.api1_4 ? ws.getUsedRangeOrNullObject() : ws.getUsedRange();
  if (can.api1_4) ws.freezePanes.freezeRows(4);
  return r;
}
`
    );
    const { options } = ts.parseJsonConfigFileContent(
      ts.readConfigFile(join(__dirname, "..", "..", "tsconfig.json"), ts.sys.readFile).config,
      ts.sys,
      join(__dirname, "..", "..")
    );
    const probe = ts.createProgram([file], {
      ...options,
      typeRoots: [join(__dirname, "..", "..", "node_modules", "@types")],
    });
    const found = unguardedUses(probe, [file], manifestMinimum()).map((u) => [
      u.line,
      u.member,
      `${u.set} ${u.version}`,
    ]);
    expect(found).toEqual([
      [4, "ws.freezePanes.freezeRows", "ExcelApi 1.7"],
      [4, "ws.freezePanes", "ExcelApi 1.7"],
      [5, "ws.getUsedRange", "ExcelApi 1.2"],
      [9, "ws.freezePanes.freezeRows", "ExcelApi 1.7"],
      [9, "ws.freezePanes", "ExcelApi 1.7"],
    ]);
  });

  test("the fake's requirement table agrees with @types/office-js", () => {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(files[0]);
    const excel = source && checker.resolveName("Excel", source, ts.SymbolFlags.Namespace, false);
    expect(excel).toBeDefined();
    const exports = excel ? checker.getExportsOfModule(excel) : [];
    const mismatches: string[] = [];
    for (const [member, minor] of Object.entries(FAKE_API_SETS)) {
      const [type, name] = member.split(".");
      const cls = exports.find((s) => s.name === type && s.flags & ts.SymbolFlags.Class);
      const decl = cls?.members?.get(ts.escapeLeadingUnderscores(name))?.declarations?.[0];
      const version = decl ? requirementOf(decl).own?.version : undefined;
      // A collection's `items` carries no note of its own: it comes with the collection (1.1).
      if (version === undefined && name === "items" && minor === 1) continue;
      if (version !== `1.${minor}`) mismatches.push(`${member}: fake 1.${minor}, @types ${version}`);
    }
    expect(mismatches).toEqual([]);
  });
});
