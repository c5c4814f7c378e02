import { freeTableName, tableRef } from "../../../workbook/tables";
import { OutputSheet, SheetTable } from "../../../workbook/types";
import {
  addOverride,
  addRel,
  readRels,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  XlsxPackage,
} from "./package";
import { encodeAttr, NS_MAIN, NS_REL } from "./xml";
import { STOP } from "./xml-stream";

/**
 * A sheet's Excel table (src/workbook/tables.ts) in the package: a table part as Excel writes a
 * new one (ECMA-376 Part 1 §18.5: id and name unique in the workbook, ref over the header and
 * rows, the filter over the same range, one column per header cell, named as that cell), the
 * relationship sheet → table and `<tableParts>` at the end of the worksheet.
 */

export const REL_TABLE = `${NS_REL}/table`;
export const TYPE_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** What of a sheet its table needs: the table, and the chart whose drawing takes the first relationship. */
type Tabled = Pick<OutputSheet, "table" | "chart">;

/** The table's relationship id in a generated sheet's own relationships (after the chart's drawing, rId1). */
export function tableRelId(sheet: Tabled): string {
  return sheet.chart ? "rId2" : "rId1";
}

/** `<tableParts>`, the last of CT_Worksheet's children before extLst; "" without a table. */
export function tablePartsXml(sheet: Tabled): string {
  return sheet.table ? `<tableParts count="1"><tablePart r:id="${tableRelId(sheet)}"/></tableParts>` : "";
}

function tableXml(table: SheetTable, id: number, name: string): string {
  const ref = tableRef(table);
  const columns = table.columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${encodeAttr(c)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${encodeAttr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/**
 * The tables a write adds to a package. The ids and names already in it — every table part the
 * content types list, and the workbook's defined names, with which table names share one space —
 * are taken, so a workbook that holds a KH_Honors gets KH_Honors2 (as Excel and the pane do).
 */
export class PackageTables {
  private readonly names = new Set<string>();
  private lastId = 0;

  constructor(private readonly pkg: XlsxPackage) {
    const parts: string[] = [];
    pkg.parts.xml("[Content_Types].xml", {
      open: (tag, attrs) => {
        if (tag === "Override" && attrs.ContentType === TYPE_TABLE && attrs.PartName)
          parts.push(attrs.PartName.replace(/^\//, ""));
      },
    });
    for (const path of parts)
      try {
        pkg.parts.xml(path, {
          open: (tag, attrs) => {
            if (tag !== "table") return;
            this.lastId = Math.max(this.lastId, Number(attrs.id) || 0);
            for (const n of [attrs.name, attrs.displayName]) if (n) this.names.add(n.toLowerCase());
            throw STOP;
          },
        });
      } catch {
        // A table part that does not read is the input's own damage, kept as it is; Excel repairs it.
      }
    pkg.parts.xml(pkg.workbookPath, {
      open: (tag, attrs) => {
        if (tag === "definedName" && attrs.name) this.names.add(attrs.name.toLowerCase());
      },
    });
  }

  /**
   * Adds the sheet's table part (under a free name in the tables folder) and its relationship
   * from the sheet (`tableRelId`), to the sheet's relationships part as the chart left it.
   * Returns the content types with the part's.
   */
  add(sheetPath: string, sheet: Tabled, types: string): string {
    const table = sheet.table;
    if (!table) return types;
    const parts = this.pkg.parts;
    const dir = resolveTarget(this.pkg.workbookPath, "tables/x").replace(/x$/, "");
    let n = 1;
    while (parts.has(`${dir}table${n}.xml`)) n++;
    const path = `${dir}table${n}.xml`;
    const name = freeTableName(table.name, (folded) => this.names.has(folded));
    this.names.add(name.toLowerCase());
    parts.set(path, tableXml(table, ++this.lastId, name));
    const relsPath = relsPathOf(sheetPath);
    const rels =
      parts.text(relsPath) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    parts.set(relsPath, addRel(rels, REL_TABLE, relativeTarget(sheetPath, path), tableRelId(sheet)));
    return addOverride(types, `/${path}`, TYPE_TABLE);
  }
}

/** The table parts a sheet's relationships name (a replaced sheet's go with it). */
export function sheetTableParts(pkg: XlsxPackage, sheetPath: string): string[] {
  return readRels(pkg.parts, relsPathOf(sheetPath))
    .filter((r) => !r.external && r.type === REL_TABLE)
    .map((r) => resolveTarget(sheetPath, r.target));
}
