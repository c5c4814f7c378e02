import ExcelJS from "exceljs";
import { newWorkbookBytes } from "../../src/hosts/xlsx/ooxml";
import JSZip from "jszip";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { VALIDATION_ROWS } from "../../src/hosts/xlsx";
import { columnLetters } from "../../src/workbook/cells";
import { templateSheets } from "../../src/workbook/pipeline";
import { INPUT_SHEETS, SHEETS } from "../../src/workbook/schema";
import { INPUT_TABLE_STYLE, tableRef } from "../../src/workbook/tables";
import { workplanTemplateRows } from "../../src/workplan";
import { cli } from "../cli/run-cli";
import { parts } from "./input-chart";
import { cliTemplate, previewTemplate } from "./template-files";
import { Walk } from "./package-walk";
import { all, one, parseXml, XmlNode } from "./xml-tree";

/**
 * Issue 9, inputs guarded where they are typed: every input sheet of the template is an Excel
 * table — in the CLI's template (ExcelJS) and in the preview's 创建模板 as downloaded (the OOXML
 * package writer) alike, with the pane's names, style and ranges (src/workbook/tables.ts). The
 * table parts are checked as Excel checks them (ECMA-376 Part 1 §18.5); reading the template back
 * gives what it gave without tables.
 */

const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const TYPE_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const SHEETS_OF_TEMPLATE = templateSheets(workplanTemplateRows());

let dir = "";
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "tables-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same template without tables (the template before issue 9). */
async function templateWithoutTables(): Promise<Uint8Array> {
  return newWorkbookBytes(SHEETS_OF_TEMPLATE.map((s) => ({ ...s, table: undefined })));
}

interface FoundTable {
  sheet: string;
  part: string;
  root: XmlNode;
}

/** Every table of the workbook, reached as Excel reaches it: sheet → <tablePart r:id> → relationship → part. */
function tablesOf(walk: Walk): FoundTable[] {
  const book = parseXml(walk.text("xl/workbook.xml"));
  const out: FoundTable[] = [];
  for (const s of all(book, "sheet")) {
    const sheetPath = walk.sheetPath(s.attrs.name);
    const ws = parseXml(walk.text(sheetPath));
    const rels = walk.rels(sheetPath).filter((r) => r.type === REL_TABLE);
    const tableParts = all(ws, "tableParts");
    if (tableParts.length === 0) {
      expect(rels).toEqual([]);
      continue;
    }
    // <tableParts> is the worksheet's last child (only extLst may follow), its count true.
    expect(ws.children[ws.children.length - 1].name).toBe("tableParts");
    const ids = all(tableParts[0], "tablePart").map((p) => p.attrs["r:id"]);
    expect(tableParts[0].attrs.count).toBe(String(ids.length));
    expect(ids.sort()).toEqual(rels.map((r) => r.id).sort());
    for (const r of rels)
      out.push({ sheet: s.attrs.name, part: r.path!, root: parseXml(walk.text(r.path!)) });
  }
  return out;
}

/** A1 range → [first row, first column, last row, last column]. */
function box(ref: string): number[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const col = (l: string) => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col(m[1]), Number(m[4]), col(m[3])];
}

/** The header cells of a sheet part, as text (inline or shared strings). */
function headerCells(walk: Walk, sheet: string): string[] {
  const shared = walk.files.has("xl/sharedStrings.xml")
    ? all(parseXml(walk.text("xl/sharedStrings.xml")), "si").map((si) =>
        all(si, "t")
          .map((t) => t.text)
          .join("")
      )
    : [];
  const row1 = all(parseXml(walk.text(walk.sheetPath(sheet))), "row").find((r) => r.attrs.r === "1");
  return (row1?.children ?? []).map((c) =>
    c.attrs.t === "s"
      ? shared[Number(one(c, "v").text)]
      : all(c, "t")
          .map((t) => t.text)
          .join("")
  );
}

const templates: [string, () => Promise<Uint8Array>][] = [
  ["the CLI's template (ExcelJS)", cliTemplate],
  ["the preview's 创建模板, downloaded (the OOXML package writer)", () => previewTemplate()],
];

describe.each(templates)("Issue 9 — inputs as Excel Tables: %s", (_label, make) => {
  let walk: Walk;
  let tables: FoundTable[];
  beforeAll(async () => {
    walk = new Walk(await parts(await make()));
    tables = tablesOf(walk);
  });

  test("one table per input sheet, named and styled as the pane's, over the header and its rows (one blank when none)", () => {
    expect(tables.map((t) => t.sheet)).toEqual(INPUT_SHEETS.map((k) => SHEETS[k].zh));
    for (const s of SHEETS_OF_TEMPLATE) {
      const t = tables.find((x) => x.sheet === s.name)!;
      const ref = `A1:${columnLetters(SHEETS[s.key].columns.length)}${Math.max(2, s.rows.length)}`;
      expect(tableRef(s.table!)).toBe(ref);
      expect(t.root.attrs).toMatchObject({ name: `KH_${SHEETS[s.key].en}`, ref });
      expect(t.root.attrs.displayName).toBe(t.root.attrs.name);
      expect(one(t.root, "tableStyleInfo").attrs).toMatchObject({
        name: INPUT_TABLE_STYLE,
        showRowStripes: "1",
      });
    }
    // The empty sheets get header + one blank row; 设置 and 工作要点 cover their rows exactly.
    expect(tables.find((t) => t.sheet === "荣誉")!.root.attrs.ref).toBe("A1:H2");
    expect(tables.find((t) => t.sheet === "工作要点")!.root.attrs.ref).toBe("A1:I22");
  });

  test("valid as Excel requires: ids and names unique, the filter inside the table, one column per header cell named as it, a content type", () => {
    const ids = tables.map((t) => t.root.attrs.id);
    expect(new Set(ids).size).toBe(tables.length);
    expect(ids.every((id) => /^[1-9]\d*$/.test(id))).toBe(true);
    expect(new Set(tables.map((t) => t.root.attrs.name.toLowerCase())).size).toBe(tables.length);
    const overrides = walk.overrides();
    for (const t of tables) {
      expect(t.root.name).toBe("table");
      expect(overrides.get(t.part)).toBe(TYPE_TABLE);
      const [r1, c1, r2, c2] = box(t.root.attrs.ref);
      const [f1, g1, f2, g2] = box(one(t.root, "autoFilter").attrs.ref);
      expect(f1 >= r1 && g1 >= c1 && f2 <= r2 && g2 <= c2).toBe(true);
      expect(r2).toBeGreaterThan(r1);
      const columns = all(t.root, "tableColumn");
      expect(one(t.root, "tableColumns").attrs.count).toBe(String(columns.length));
      expect(columns.length).toBe(c2 - c1 + 1);
      expect(columns.map((c) => c.attrs.id)).toEqual(columns.map((_, i) => String(i + 1)));
      expect(columns.map((c) => c.attrs.name)).toEqual(headerCells(walk, t.sheet));
      expect(t.root.attrs.totalsRowCount ?? "0").toBe("0");
    }
    expect(walk.loose()).toEqual([]);
  });

  test("each guarded column's data validation covers its table column and the rows below, so rows added keep it", () => {
    for (const s of SHEETS_OF_TEMPLATE) {
      const ws = parseXml(walk.text(walk.sheetPath(s.name)));
      const lastRow = box(tables.find((t) => t.sheet === s.name)!.root.attrs.ref)[2];
      const sqrefs = all(ws, "dataValidation").map((v) => v.attrs.sqref);
      for (const g of s.validations ?? []) {
        const l = columnLetters(g.column + 1);
        const covering = sqrefs
          .flatMap((q) => q.split(" "))
          .filter((q) => q.startsWith(l) && box(q)[1] === g.column + 1);
        expect(covering).toHaveLength(1);
        const [first, , last] = box(covering[0]);
        expect(first).toBe(2);
        expect(last).toBeGreaterThanOrEqual(Math.max(lastRow, VALIDATION_ROWS));
      }
    }
  });
});

describe("Issue 9 — the tables read back as the template did without them", () => {
  const json = async (bytes: Uint8Array, name: string, ...command: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = await cli(...command, file, "--json");
    return { code: r.code, out: JSON.parse(r.stdout) as unknown };
  };

  test("validate on the empty templates: the blank table row is no issue — the same verdict as without tables", async () => {
    const before = await json(await templateWithoutTables(), "plain.xlsx", "validate");
    expect(await json(await cliTemplate(), "cli.xlsx", "validate")).toEqual(before);
    expect(await json(await previewTemplate(), "preview.xlsx", "validate")).toEqual(before);
  });

  /**
   * Fills 社区, 目标管理 and 人员 as a reviewer does (rows from 2 down, over the blank table row),
   * written into the sheet parts as a spreadsheet saves them; then grows each table over its rows
   * as Excel does when typing below one — or leaves it as LibreOffice and WPS do.
   */
  const FILL: Record<string, (string | number)[][]> = {
    社区: [
      ["东门社区", "社区"],
      ["西城社区", "社区"],
      ["南湖村", "村改居"],
    ],
    目标管理: [
      ["东门社区", 18, 18, 13, 13, 14, 13],
      ["西城社区", 19, 17, 12, 12, 12, 12],
      ["南湖村", 17, 16, 12, 12, 12, 11],
    ],
    人员: [
      ["张三", "东门社区", 95],
      ["李四", "西城社区", 90],
    ],
  };

  async function filled(bytes: Uint8Array, grow: boolean): Promise<Uint8Array> {
    const walk = new Walk(await parts(bytes));
    const zip = await JSZip.loadAsync(bytes);
    for (const [sheet, rows] of Object.entries(FILL)) {
      const part = walk.sheetPath(sheet);
      const cells = rows.map(
        (r, i) =>
          `<row r="${i + 2}">` +
          r
            .map((v, c) => {
              const at = `${columnLetters(c + 1)}${i + 2}`;
              return typeof v === "number"
                ? `<c r="${at}"><v>${v}</v></c>`
                : `<c r="${at}" t="inlineStr"><is><t>${v}</t></is></c>`;
            })
            .join("") +
          `</row>`
      );
      // Rows below the header (the table's blank row) give way to the typed ones.
      const xml = walk
        .text(part)
        .replace(/<row r="(?!1")\d+"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, "")
        .replace("</sheetData>", `${cells.join("")}</sheetData>`);
      zip.file(part, xml);
      if (!grow) continue;
      const table = walk.rels(part).find((r) => r.type === REL_TABLE);
      // The table and its filter down to the last filled row.
      zip.file(
        table!.path!,
        walk.text(table!.path!).replace(/ref="A1:([A-Z]+)\d+"/g, `ref="A1:$1${rows.length + 1}"`)
      );
    }
    return zip.generateAsync({ type: "uint8array" });
  }

  test("rank on a filled template: the tables grown or not, the same result as without tables", async () => {
    const before = await json(
      await filled(await templateWithoutTables(), false),
      "plain-filled.xlsx",
      "rank"
    );
    expect((before.out as { communities: unknown[] }).communities).toHaveLength(3);
    const cliBytes = await cliTemplate();
    expect(await json(await filled(cliBytes, true), "cli-grown.xlsx", "rank")).toEqual(before);
    expect(await json(await filled(cliBytes, false), "cli-as-is.xlsx", "rank")).toEqual(before);
    expect(await json(await filled(await previewTemplate(), true), "preview-grown.xlsx", "rank")).toEqual(
      before
    );
  });
});

describe("Issue 9 — a table's name is free in the workbook, as Excel requires", () => {
  test("the preview on a workbook that already has a KH_Honors table and a KH_Staff name: KH_Honors2, KH_Staff2, ids past the input's", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("旧荣誉");
    ws.addTable({
      name: "KH_Honors",
      ref: "A1",
      columns: [{ name: "社区" }, { name: "分" }],
      rows: [["东门社区", 5]],
    });
    wb.definedNames.add("'旧荣誉'!$B$2", "KH_Staff");
    const walk = new Walk(await parts(await previewTemplate(wb)));
    const tables = tablesOf(walk);
    const byName = new Map(tables.map((t) => [t.root.attrs.name, t]));
    expect(byName.get("KH_Honors")?.sheet).toBe("旧荣誉");
    expect(byName.get("KH_Honors2")?.sheet).toBe("荣誉");
    expect(byName.get("KH_Staff2")?.sheet).toBe("人员");
    expect(byName.get("KH_Communities")?.sheet).toBe("社区");
    expect(byName.has("KH_Staff")).toBe(false);
    const ids = tables.map((t) => Number(t.root.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids.filter((_, i) => tables[i].sheet !== "旧荣誉"))).toBeGreaterThan(
      Number(byName.get("KH_Honors")!.root.attrs.id)
    );
    expect(walk.loose()).toEqual([]);
  });
});
