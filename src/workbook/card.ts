import {
  cellText,
  CATEGORIES,
  CATEGORY_NAMES,
  CategoryKey,
  CommunityResult,
  Exact,
  exactOrderNotes,
  msg,
  Msg,
  RecordSource,
} from "../scoring";
import { Scored } from "./pipeline";
import { columnWords, SHEETS } from "./schema";
import { findSetting, SettingDef } from "./settings";
import { a1 } from "./cells";
import { findSheet, readRows } from "./sheet-reader";
import { OutputValue, WorkbookGrids } from "./types";

/**
 * A community's card (issue 12, "from a community to its points"): what the pane shows when a
 * community of the ranking is clicked — its place and gaps, the six categories against their
 * maxima, and every bonus record of the community, counted or not, with points, reasons and the
 * cell to select in the workbook.
 */

export interface CardRecord {
  /** The input sheet's tab name as found, and the record's Excel row. */
  sheet: string;
  row: number;
  /** The record's 社区 cell (A1), to select; null when the sheet has no such header. */
  cell: string | null;
  /** What the record is: the user's own words (an honor, a title, a line and matter), or ours for a 目标管理 or 基础宣传 row. */
  label: Msg;
  /** True when `label` is the user's text, shown as typed in either language. */
  typed: boolean;
  points: Exact;
  reasons: Msg[];
}

export type BonusKind = "honor" | "basicPublicity" | "externalPublicity" | "contribution";

export interface CardKind {
  key: BonusKind;
  /** The 排名 column's name (业绩优秀奖, 基础宣传, 对外宣传, 重要贡献奖). */
  name: Msg;
  subtotal: Exact;
  records: CardRecord[];
}

export interface CommunityCard {
  community: CommunityResult;
  /** How many communities were ranked (for 第 N 名（共 M 个社区）). */
  count: number;
  categories: { key: CategoryKey; name: Msg; max: Exact; score: Exact }[];
  /** The community's 目标管理 row. */
  target: CardRecord | null;
  kinds: CardKind[];
  /** `按精确值排序：…` when a neighbour shows the same total but ranks apart; else null. */
  note: Msg | null;
}

/** The records whose label the engine writes (one per community) rather than the user. */
const OUR_LABELS: Partial<Record<RecordSource, Msg>> = {
  targets: msg(SHEETS.targets.zh, "Target management"),
  basicPublicity: columnWords("ranking", "basicPublicity"),
};

/** A community's 类型 (社区 or 村改居) in words. */
export function communityTypeWords(type: string): Msg {
  return type === "村改居"
    ? msg(type, "village-to-community")
    : type === "社区"
      ? msg(type, "community")
      : msg(type, type);
}

const KINDS: { key: BonusKind; source: RecordSource }[] = [
  { key: "honor", source: "honors" },
  { key: "basicPublicity", source: "basicPublicity" },
  { key: "externalPublicity", source: "publicity" },
  { key: "contribution", source: "contributions" },
];

export function communityCard(
  scored: Pick<Scored, "result" | "rules" | "locations">,
  name: string
): CommunityCard | null {
  const { result, rules, locations } = scored;
  const at = result.communities.findIndex((c) => c.name === name);
  if (at < 0) return null;
  const community = result.communities[at];
  const records = (source: RecordSource): CardRecord[] =>
    result.details
      .filter((d) => d.source === source && d.community === name)
      .sort((a, b) => a.row - b.row)
      .map((d) => {
        const where = source === "settings" ? undefined : locations[source];
        const at = where?.headers.get(source === "publicity" ? "communities" : "community");
        return {
          sheet: where?.grid?.name ?? source,
          row: d.row,
          cell: at ? a1(d.row, at.column) : null,
          label: OUR_LABELS[source] ?? msg(d.label, d.label),
          typed: OUR_LABELS[source] === undefined,
          points: d.points,
          reasons: d.reasons.map((r) => r.text),
        };
      });
  return {
    community,
    count: result.communities.length,
    categories: CATEGORIES.map((key) => ({
      key,
      name: CATEGORY_NAMES[key],
      max: rules.categoryMax[key],
      score: community.categories[key],
    })),
    target: records("targets")[0] ?? null,
    kinds: KINDS.map(({ key, source }) => ({
      key,
      name: columnWords("ranking", key),
      subtotal: community[key],
      records: records(source),
    })),
    note: exactOrderNotes(result)[at],
  };
}

// ---------------------------------------------------------------------------------------------
// 应用: where a tried setting is written on the 设置 sheet

/** A cell to write: A1 address and value (the host's CellWrite). */
export interface SettingCell {
  cell: string;
  value: string | number;
}

/**
 * Where 应用 (after 试算) writes a setting: the 值 cell of the first row that names the key, or —
 * when no row does — 项目 and 值 in the row after the sheet's last. Null when there is no 设置
 * sheet with 项目 and 值 headers (the pane then says to create the template first). Only these
 * cells are written; the rest of the sheet, and every other sheet, is left as it is.
 */
export function settingCells(
  grids: WorkbookGrids,
  setting: SettingDef,
  value: OutputValue
): { sheet: string; cells: SettingCell[] } | null {
  const sheet = findSheet(grids, SHEETS.settings);
  if (!sheet) return null;
  const read = readRows(sheet, SHEETS.settings);
  const keyRef = read.headers.get("key");
  const valueRef = read.headers.get("value");
  if (!keyRef || !valueRef) return null;
  const shown: string | number = value === null ? "" : typeof value === "boolean" ? String(value) : value;
  const line = read.rows.find((r) => findSetting(cellText(r.cells.key))?.id === setting.id);
  if (line) return { sheet: sheet.name, cells: [{ cell: a1(line.row, valueRef.column), value: shown }] };
  const next = sheet.firstRow + sheet.values.length;
  return {
    sheet: sheet.name,
    cells: [
      { cell: a1(next, keyRef.column), value: setting.zh },
      { cell: a1(next, valueRef.column), value: shown },
    ],
  };
}
