import { foldKey } from "../scoring";
import { WorkplanStatus } from "../workbook/schema";
import { isIsoDate } from "./dates";
import { WorkplanRecord } from "./model";

/** How many points stand at each status, and how far the work is (规则 §6, §7.2). */
export interface StatusCounts {
  total: number;
  /** 已完成 */
  done: number;
  /** 推进中 */
  inProgress: number;
  /** 未启动 */
  notStarted: number;
  /** 已调整 */
  adjusted: number;
  /**
   * Completion as a fraction 0–1 (Excel's "0.0%" shows it): 已完成 ÷ (total − 已调整).
   * Adjusted points are left out of the base because the province or city changed them
   * (see WORKPLAN_CLOSING_NOTE): they are no longer this office's to finish. 0 when nothing is left.
   */
  percent: number;
}

export interface SectionSummary extends StatusCounts {
  section: string;
}

export interface OverduePoint {
  row: number;
  point: string;
  due: string;
}

export interface PointWithoutOwner {
  row: number;
  point: string;
}

/** The shape `workplan --json` prints (规则 §7.2), plus `percent`. */
export interface WorkplanSummary extends StatusCounts {
  /** In order of first appearance on the sheet. */
  sections: SectionSummary[];
  /** Due before `today` and neither 已完成 nor 已调整, in sheet order. */
  overdue: OverduePoint[];
  /** Blank 责任单位, in sheet order. */
  noOwner: PointWithoutOwner[];
}

type CountKey = "done" | "inProgress" | "notStarted" | "adjusted";

const COUNT_OF: Record<WorkplanStatus, CountKey> = {
  已完成: "done",
  推进中: "inProgress",
  未启动: "notStarted",
  已调整: "adjusted",
};

/** Statuses that close a point: it can no longer be overdue. */
const CLOSED: ReadonlySet<WorkplanStatus> = new Set<WorkplanStatus>(["已完成", "已调整"]);

type Tally = Omit<StatusCounts, "percent">;

const emptyTally = (): Tally => ({ total: 0, done: 0, inProgress: 0, notStarted: 0, adjusted: 0 });

function withPercent(tally: Tally): StatusCounts {
  const base = tally.total - tally.adjusted;
  return { ...tally, percent: base > 0 ? tally.done / base : 0 };
}

/**
 * Counts per section and overall, overdue points and points without an owner.
 * Pure: `today` ("YYYY-MM-DD") is passed in, so the same sheet gives the same summary in a test,
 * the CLI (`--today`) and the task pane.
 */
export function summarizeWorkplan(records: readonly WorkplanRecord[], today: string): WorkplanSummary {
  // A malformed `today` would compare as text and flag the wrong points: refuse it outright.
  if (!isIsoDate(today)) throw new Error(`summarizeWorkplan: today must be YYYY-MM-DD, got "${today}"`);
  const overall = emptyTally();
  // Sections group by their folded text, so "一、…，…" and "一、…,…" typed on two rows are one
  // section; the heading shown is the first row's.
  const sections = new Map<string, { section: string; tally: Tally }>();
  const overdue: OverduePoint[] = [];
  const noOwner: PointWithoutOwner[] = [];

  for (const record of records) {
    const key = foldKey(record.section);
    let entry = sections.get(key);
    if (!entry) {
      entry = { section: record.section, tally: emptyTally() };
      sections.set(key, entry);
    }
    const counted = COUNT_OF[record.status];
    for (const tally of [overall, entry.tally]) {
      tally.total += 1;
      tally[counted] += 1;
    }
    // ISO dates compare correctly as text.
    if (record.due !== undefined && record.due < today && !CLOSED.has(record.status))
      overdue.push({ row: record.row, point: record.point, due: record.due });
    if (record.owner === undefined || record.owner.trim() === "")
      noOwner.push({ row: record.row, point: record.point });
  }

  return {
    ...withPercent(overall),
    sections: [...sections.values()].map(({ section, tally }) => ({ section, ...withPercent(tally) })),
    overdue,
    noOwner,
  };
}
