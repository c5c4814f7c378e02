import { relsPathOf, resolveTarget } from "../../src/hosts/xlsx/ooxml/package";
import { all, parseXml } from "./xml-tree";

/** Following relationships through an unzipped package (tests): sheets, drawings, charts, content types. */

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;
export const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export interface Rel {
  id: string;
  type: string;
  /** The target as a part path; null for an external target. */
  path: string | null;
}

export class Walk {
  constructor(readonly files: Map<string, Buffer>) {}

  text(path: string): string {
    const b = this.files.get(path);
    if (!b) throw new Error(`no part ${path}`);
    return b.toString("utf8");
  }

  rels(source: string): Rel[] {
    const p = relsPathOf(source);
    if (!this.files.has(p)) return [];
    return all(parseXml(this.text(p)), "Relationship").map((r) => ({
      id: r.attrs.Id,
      type: r.attrs.Type,
      path: r.attrs.TargetMode === "External" ? null : resolveTarget(source, r.attrs.Target),
    }));
  }

  /** The one relationship of `type` from `source`, as a part path. */
  target(source: string, type: string): string {
    const found = this.rels(source).filter((r) => r.type === type);
    if (found.length !== 1 || !found[0].path) throw new Error(`${source}: ${found.length} rels of ${type}`);
    return found[0].path;
  }

  /** Content type overrides: part path (no leading /) → type. */
  overrides(): Map<string, string> {
    const types = parseXml(this.text("[Content_Types].xml"));
    return new Map(
      all(types, "Override").map((o) => [o.attrs.PartName.replace(/^\//, ""), o.attrs.ContentType])
    );
  }

  /** The worksheet part of a tab, by name. */
  sheetPath(name: string): string {
    const book = parseXml(this.text("xl/workbook.xml"));
    const sheet = all(book, "sheet").find((s) => s.attrs.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rel = this.rels("xl/workbook.xml").find((r) => r.id === sheet.attrs["r:id"]);
    if (!rel?.path) throw new Error(`no part for ${name}`);
    return rel.path;
  }

  /** The chart part drawn on a sheet (sheet → drawing → chart), checking the sheet's <drawing r:id>. */
  chartOf(sheet: string): { drawing: string; chart: string } {
    const path = this.sheetPath(sheet);
    const ids = all(parseXml(this.text(path)), "drawing").map((d) => d.attrs["r:id"]);
    const rel = this.rels(path).find((r) => r.type === REL_DRAWING);
    if (!rel?.path || ids.length !== 1 || ids[0] !== rel.id)
      throw new Error(`${sheet}: no drawing (${ids.join()})`);
    return { drawing: rel.path, chart: this.target(rel.path, REL_CHART) };
  }

  /**
   * What does not hold together: a part no relationship reaches (an orphan), a relationship to a
   * missing part, an override for a missing part, a .rels of a missing part.
   */
  loose(): string[] {
    const problems: string[] = [];
    const reached = new Set<string>();
    for (const p of this.files.keys()) {
      const m = /^(.*?)_rels\/(.*)\.rels$/.exec(p);
      if (!m) continue;
      const source = `${m[1]}${m[2]}`;
      if (source !== "" && !this.files.has(source)) problems.push(`rels of a missing part: ${p}`);
      for (const r of this.rels(source)) {
        if (!r.path) continue;
        reached.add(r.path);
        if (!this.files.has(r.path)) problems.push(`${p} → missing ${r.path}`);
      }
    }
    for (const p of this.files.keys())
      if (!p.endsWith(".rels") && p !== "[Content_Types].xml" && !reached.has(p))
        problems.push(`orphan ${p}`);
    for (const p of this.overrides().keys())
      if (!this.files.has(p)) problems.push(`override of missing ${p}`);
    return problems;
  }
}
