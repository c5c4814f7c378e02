import { attr, decodeXml } from "./xml";
import { PackageSheet, readRels, relsPathOf, resolveTarget, XlsxPackage } from "./package";

/**
 * Formulas turned into the values saved with them, in the package — the preview's 共享准备 on the
 * file the user opened, so nothing else of it changes: a converted cell keeps its style and its
 * saved value and loses only its <f>; a formula never calculated (no saved value) stays. The
 * calculation chain lists formula cells, so it is dropped when any cell changed (Excel rebuilds
 * it on opening; a chain naming plain values makes Excel repair the file).
 */

const CELL = /<((?:\w+:)?c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
const FORMULA = /<((?:\w+:)?f)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/;
const VALUE = /<((?:\w+:)?v)\b[^>]*>([\s\S]*?)<\/\1>/;
const TYPE_CALC_CHAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";

/** A formula cell `isTarget` accepts, with what it shows (null when a value was saved that is not an error). */
export interface FormulaCell {
  sheet: string;
  cell: string;
  /** The saved error ("#NAME?"), "" when no value was saved, null when it holds a value. */
  unsettled: string | null;
}

/** A sheet's XML with formulas in it, and the shared formulas (by si) whose text `isTarget` accepts. */
function* sheetsWithTargets(
  pkg: XlsxPackage,
  isTarget: (formula: string) => boolean
): Generator<{ sheet: PackageSheet; xml: string; isTargetCell: (f: RegExpExecArray) => boolean }> {
  for (const sheet of pkg.sheets) {
    const xml = pkg.parts.text(sheet.path);
    if (xml === null || !/<(?:\w+:)?f\b/.test(xml)) continue;
    // A shared formula's text sits on its first cell only: the others name it by si.
    const sharedTargets = new Set<string>();
    for (const m of xml.matchAll(CELL)) {
      const f = m[3] ? FORMULA.exec(m[3]) : null;
      if (f && attr(f[2], "t") === "shared" && f[3] && isTarget(decodeXml(f[3])))
        sharedTargets.add(attr(f[2], "si") ?? "");
    }
    const isTargetCell = (f: RegExpExecArray) =>
      (attr(f[2], "t") === "shared" && sharedTargets.has(attr(f[2], "si") ?? "")) ||
      (f[3] !== undefined && f[3] !== "" && isTarget(decodeXml(f[3])));
    yield { sheet, xml, isTargetCell };
  }
}

/** The cells whose formula `isTarget` accepts (a shared formula's other cells included), sheet by sheet. */
export function formulaCells(pkg: XlsxPackage, isTarget: (formula: string) => boolean): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const { sheet, xml, isTargetCell } of sheetsWithTargets(pkg, isTarget))
    for (const m of xml.matchAll(CELL)) {
      const f = m[3] ? FORMULA.exec(m[3]) : null;
      if (!f || !isTargetCell(f)) continue;
      const v = VALUE.exec(m[3] ?? "");
      const unsettled = !v || v[2] === "" ? "" : attr(m[2], "t") === "e" ? decodeXml(v[2]) : null;
      out.push({ sheet: sheet.name, cell: attr(m[2], "r") ?? "", unsettled });
    }
  return out;
}

/** Replaces the cells whose formula `isTarget` accepts by their saved values; returns how many changed. */
export async function convertFormulasToValues(
  pkg: XlsxPackage,
  isTarget: (formula: string) => boolean
): Promise<number> {
  let changed = 0;
  for (const { sheet, xml, isTargetCell } of sheetsWithTargets(pkg, isTarget)) {
    let count = 0;
    const out = xml.replace(CELL, (whole, tag: string, attrs: string, inner: string | undefined) => {
      const f = inner ? FORMULA.exec(inner) : null;
      if (!inner || !f || !isTargetCell(f)) return whole;
      const v = VALUE.exec(inner);
      if (!v) return whole;
      count++;
      const rest = inner.replace(FORMULA, "");
      // A formula's text result (t="str") becomes an inline string: t="str" means "formula text".
      if (attr(attrs, "t") === "str") {
        const prefix = tag.includes(":") ? tag.slice(0, tag.indexOf(":") + 1) : "";
        const t = attrs.replace(/\st="str"/, ` t="inlineStr"`);
        return `<${tag}${t}><${prefix}is><${prefix}t xml:space="preserve">${v[2]}</${prefix}t></${prefix}is></${tag}>`;
      }
      return `<${tag}${attrs}>${rest}</${tag}>`;
    });
    if (count > 0) {
      pkg.parts.set(sheet.path, out);
      changed += count;
    }
  }
  if (changed > 0) await dropCalcChain(pkg);
  return changed;
}

/** Drops the calculation chain (it lists formula cells; Excel repairs a file whose chain names a value). */
export async function dropCalcChain(pkg: XlsxPackage): Promise<void> {
  const relsPath = relsPathOf(pkg.workbookPath);
  const rels = pkg.parts.text(relsPath);
  if (rels === null) return;
  const chain = readRels(pkg.parts, relsPath).find((r) => r.type.endsWith("/calcChain"));
  if (!chain) return;
  const path = resolveTarget(pkg.workbookPath, chain.target);
  pkg.parts.remove(path);
  pkg.parts.set(
    relsPath,
    rels.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\bId="${chain.id}"[^>]*/>`), "")
  );
  const types = pkg.parts.text("[Content_Types].xml");
  if (types !== null)
    pkg.parts.set(
      "[Content_Types].xml",
      types.replace(
        new RegExp(
          `<(?:\\w+:)?Override\\b[^>]*ContentType="${TYPE_CALC_CHAIN.replace(/[.+]/g, "\\$&")}"[^>]*/>`
        ),
        ""
      )
    );
}
