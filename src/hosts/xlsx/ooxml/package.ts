import { bytesOf, sniffWorkbook, UNREADABLE, UnreadableWorkbookError } from "../errors";
import { damaged } from "./limits";
import { DeflaterFactory, Parts } from "./parts";
import type { SharedStringsPart } from "./shared-strings";
import { encodeAttr, NS_MAIN_STRICT, NS_REL, NS_REL_STRICT } from "./xml";
import { prefixedAttr } from "./xml-stream";
import type { Checksum, Inflater } from "./zip";

/**
 * The .xlsx file as a package of parts (OOXML): opening the zip, finding parts through their
 * relationships, adding parts and relationships, and packing it again. Untouched parts keep their
 * bytes. Usable in a browser: bytes in, bytes out. Reading the small manifest parts is streamed
 * (saxes) like the sheets; the writer's edits to them stay text splices, so the rest of each part
 * keeps its bytes.
 *
 * A Strict Open XML workbook (ISO/IEC 29500 Strict: the same parts and content under other
 * namespaces) is read like a transitional one: elements are matched by local name, and Strict
 * relationship types by the name after their namespace. It is marked `strict`, and never written
 * into (write.ts says why).
 */

export const TYPE_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const TYPE_SHARED_STRINGS =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
export const TYPE_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const REL_WORKSHEET = `${NS_REL}/worksheet`;
export const REL_STYLES = `${NS_REL}/styles`;
export const REL_SHARED_STRINGS = `${NS_REL}/sharedStrings`;
export const REL_OFFICE_DOCUMENT = `${NS_REL}/officeDocument`;

export interface PackageSheet {
  name: string;
  /** Zip path of the worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  relId: string;
  sheetId: number;
}

export interface XlsxPackage {
  /** The zip's parts: read within the caps, written, packed (see parts.ts). */
  parts: Parts;
  workbookPath: string;
  /** The workbook is in Strict Open XML's namespace (read as any other; write.ts refuses to write into it). */
  strict: boolean;
  sheets: PackageSheet[];
  date1904: boolean;
  /** Every tab of the workbook (chart sheets too): names must stay unique, sheetIds too. */
  tabs: { name: string; sheetId: number }[];
  /** A1 of each sheet part (by path), kept by `packageGrids` so a write need not read the sheets again. */
  firstCells?: Map<string, unknown>;
  /** The shared strings as read by `packageGrids`. */
  sharedStrings?: SharedStringsPart;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourcePath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationship target of `targetPath` as seen from the part `sourcePath` ("../drawings/drawing1.xml"). */
export function relativeTarget(sourcePath: string, targetPath: string): string {
  const from = sourcePath.split("/").slice(0, -1);
  const to = targetPath.split("/");
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => ".."), ...to.slice(same)].join("/");
}

export function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

export interface Rel {
  id: string;
  /** The relationship type; a Strict one under its transitional namespace (see `relType`). */
  type: string;
  target: string;
  /** TargetMode="External": a URL or a file outside the package, not a part. */
  external: boolean;
}

/**
 * A relationship type as this reader compares it: a Strict type (".../purl.oclc.org/ooxml/
 * officeDocument/relationships/worksheet") is the transitional type of the same last name, as it
 * is for every type looked up here (officeDocument, worksheet, styles, sharedStrings, table,
 * drawing, chart, calcChain). Only the reader's copy is renamed: the part keeps its bytes.
 */
function relType(type: string): string {
  return type.startsWith(`${NS_REL_STRICT}/`) ? NS_REL + type.slice(NS_REL_STRICT.length) : type;
}

/** The relationships of a .rels part (none when the part is missing). */
export function readRels(parts: Parts, path: string): Rel[] {
  const out: Rel[] = [];
  parts.xml(path, {
    open(name, a) {
      if (name === "Relationship")
        out.push({
          id: a.Id ?? "",
          type: relType(a.Type ?? ""),
          target: a.Target ?? "",
          external: a.TargetMode === "External",
        });
    },
  });
  return out;
}

/** The target of the workbook's relationship of `type` (styles, shared strings), when it has one. */
export function workbookPart(pkg: XlsxPackage, type: string): string | null {
  const rel = readRels(pkg.parts, relsPathOf(pkg.workbookPath)).find((r) => r.type === type);
  return rel ? resolveTarget(pkg.workbookPath, rel.target) : null;
}

/**
 * Opens .xlsx bytes as a package; throws UnreadableWorkbookError for anything that is not one.
 * `deflater` compresses the parts written into it, `inflater` inflates the big parts read (sheets,
 * shared strings), `checksum` checks every part read: fflate's unless the host has faster ones.
 */
export async function openXlsx(
  data: Uint8Array | ArrayBuffer,
  deflater?: DeflaterFactory,
  inflater?: Inflater,
  checksum?: Checksum
): Promise<XlsxPackage> {
  const reason = sniffWorkbook(data);
  if (reason) throw new UnreadableWorkbookError(reason, UNREADABLE[reason]);
  try {
    const parts = new Parts(bytesOf(data), deflater, inflater, checksum);
    const doc = readRels(parts, "_rels/.rels").find((r) => r.type === REL_OFFICE_DOCUMENT);
    const workbookPath = doc ? resolveTarget("", doc.target) : "xl/workbook.xml";
    const rels = readRels(parts, relsPathOf(workbookPath));
    const sheets: PackageSheet[] = [];
    const tabs: { name: string; sheetId: number }[] = [];
    let date1904 = false;
    let strict = false;
    const found = parts.xml(workbookPath, {
      open(name, a) {
        if (name === "workbook")
          strict = Object.keys(a).some((k) => /^xmlns(?::|$)/.test(k) && a[k] === NS_MAIN_STRICT);
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (name !== "sheet") return;
        const relId = prefixedAttr(a, "id") ?? "";
        const rel = rels.find((r) => r.id === relId);
        const tab = { name: a.name ?? "", sheetId: Number(a.sheetId ?? 0) };
        tabs.push(tab);
        if (!rel || rel.type !== REL_WORKSHEET) return; // chart sheets, dialog sheets: not grids
        sheets.push({ ...tab, path: resolveTarget(workbookPath, rel.target), relId });
      },
    });
    if (!found) throw damaged("缺少工作簿部件", "no workbook part");
    if (sheets.length === 0) throw damaged("没有工作表", "no worksheets");
    return { parts, workbookPath, strict, sheets, date1904, tabs };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    throw new UnreadableWorkbookError("corrupt", UNREADABLE.corrupt);
  }
}

export function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

export function nextRelId(relsXml: string): string {
  let max = 0;
  for (const m of relsXml.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return `rId${max + 1}`;
}

export function addRel(relsXml: string, type: string, target: string, id = nextRelId(relsXml)): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${encodeAttr(target)}"/>`;
  const close = relsXml.search(/<\/(?:\w+:)?Relationships>/);
  return relsXml.slice(0, close) + rel + relsXml.slice(close);
}

export function addOverride(types: string, partName: string, contentType: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  const close = types.search(/<\/(?:\w+:)?Types>/);
  return (
    types.slice(0, close) +
    `<Override PartName="${partName}" ContentType="${contentType}"/>` +
    types.slice(close)
  );
}

export function removeOverride(types: string, partName: string): string {
  const name = partName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return types.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*\\bPartName="${name}"[^>]*/>`, "i"), "");
}

export function addSheetEntry(workbook: string, name: string, sheetId: number, relId: string): string {
  const rootPrefix = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? "";
  const relPrefix = new RegExp(`xmlns:(\\w+)="${NS_REL.replace(/[.]/g, "\\.")}"`).exec(workbook)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
  const entry = `<${rootPrefix}sheet name="${encodeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const close = workbook.search(/<\/(?:\w+:)?sheets>/);
  return workbook.slice(0, close) + entry + workbook.slice(close);
}

/** The package as .xlsx bytes; parts left untouched keep their compressed bytes. */
export async function packXlsx(pkg: XlsxPackage): Promise<Uint8Array> {
  await pkg.parts.settled();
  return pkg.parts.pack();
}
