import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { XlsxHost } from "../../src/hosts/browser/xlsx-host";
import { rankBuild } from "../../src/taskpane/controller";
import { applySetting } from "../../src/taskpane/explain";
import { all, parseXml, XmlNode } from "../xlsx/xml-tree";
import { toOds } from "./to-ods";

/**
 * Issue 22 §0 and issue 23 §3 checked by a real spreadsheet application: the preview's download
 * after 应用 (先进社区名额 = 9) and a text "=1+1" written into 设置 opens in LibreOffice without a
 * word of repair, 设置 says 9, and "=1+1" is text, not a formula. Fails with a notice
 * when soffice is absent (never skipped).
 */

const soffice = process.env.SOFFICE ?? "soffice";
const present = spawnSync(soffice, ["--version"], { encoding: "utf8" }).status === 0;
if (!present)
  console.log(
    "NOTICE: LibreOffice (soffice) not found — the 应用 download check FAILS (install them: apt-get install libreoffice-calc poppler-utils)."
  );
const maybe = describe;

/** A sheet of an .ods as rows of cells: [text, value-type, formula?]. */
async function odsSheet(ods: string, name: string): Promise<XmlNode[][]> {
  const zip = await JSZip.loadAsync(readFileSync(ods));
  const content = parseXml(await zip.file("content.xml")!.async("string"));
  const table = all(content, "table:table").find((t) => t.attrs["table:name"] === name);
  if (!table) throw new Error(`no sheet ${name} in the .ods`);
  return all(table, "table:table-row").map((r) =>
    r.children
      .filter((c) => c.name === "table:table-cell")
      .flatMap((c) => Array.from({ length: Number(c.attrs["table:number-columns-repeated"] ?? 1) }, () => c))
  );
}

const textOf = (cell: XmlNode | undefined) =>
  cell
    ? all(cell, "text:p")
        .map((p) => p.text)
        .join("")
    : "";

maybe("Issue 22 §0 — the preview's download after 应用, in LibreOffice", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "lo-apply-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("设置 says 先进社区名额 = 9 as the 排名 was made with; a text =1+1 stays text", async () => {
    const saved: { bytes?: Uint8Array } = {};
    const host = XlsxHost.withSample({ save: (bytes) => (saved.bytes = bytes) });
    expect(await applySetting(host, "先进社区名额", "9")).toMatchObject({ kind: "written" });
    await host.writeCells("设置", [{ cell: "C3", value: "=1+1" }]);
    await rankBuild(host, { now: new Date(2025, 0, 15) });
    await host.download();
    const file = path.join(dir, "applied.xlsx");
    writeFileSync(file, saved.bytes!);
    const [ods] = toOds(soffice, dir, [file]);
    const rows = await odsSheet(ods, "设置");
    const quota = rows.find((r) => textOf(r[0]) === "先进社区名额");
    expect(quota?.[1].attrs["office:value"]).toBe("9");
    const c3 = rows[2][2];
    expect([textOf(c3), c3.attrs["table:formula"], c3.attrs["office:value-type"]]).toEqual([
      "=1+1",
      undefined,
      "string",
    ]);
  });
});
