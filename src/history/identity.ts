import { findSetting } from "../workbook/settings/keys";
import { foldName } from "../workbook/sheet-reader";

/**
 * Record identity (the rules in docs/规则.md §10): what stays the same when a record is corrected,
 * by input sheet (its schema zh name) as the columns' zh headers. Every other column of the sheet
 * is a field that can change. 工作要点 is no input of the assessment and is not compared.
 * 考核组决定 is listed by its name: it is compared as soon as the schema has that sheet.
 */
export const IDENTITY: Readonly<Record<string, readonly string[]>> = {
  社区: ["社区"],
  目标管理: ["社区"],
  基础宣传: ["社区"],
  荣誉: ["社区", "荣誉名称"],
  宣传报道: ["标题", "媒体"],
  重要贡献: ["社区", "条线", "事项"],
  人员: ["姓名", "社区"],
  设置: ["项目"],
  考核组决定: ["类别", "名称"],
};

/**
 * True when a 设置 key (as typed, zh or en, with or without its unit) is a document setting
 * (公示单位, 考核编号 …): words on the 公示 and the forms, not scoring rules. They count neither
 * for the fingerprint nor for the record diff (typing 考核编号 changes no input). The settings
 * table says which keys those are.
 */
export function isDocumentSetting(key: string): boolean {
  return findSetting(key)?.document === true;
}

/**
 * A part already in folded form: printable ASCII without capitals, or CJK ideographs (NFKC,
 * lower-casing and removing white space leave these as they are). Most names are; asking first
 * spares 400,000 identities of two big files the normalizer and its cache.
 */
function alreadyFolded(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** An identity as compared: each part folded (trimmed, full-width → half-width, case), joined. */
export function identityKey(parts: readonly string[]): string {
  return parts.map((p) => (alreadyFolded(p) ? p : foldName(p))).join("\u0000");
}
