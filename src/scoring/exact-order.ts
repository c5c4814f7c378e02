import { Exact } from "./exact";
import { officialFigure } from "./format";
import { msg, Msg } from "./text";
import { AssessmentResult, CommunityResult } from "./model";

/**
 * Where the official figure (2 decimals) hides the order: communities whose deciding
 * figure shows the same — 综合得分, or 目标管理得分 when the ranking takes the target first — yet
 * rank apart on the exact values. Each of them gets the note `按精确值排序：86.0033 > 86.0000`,
 * so no reader sees two equal figures in different places without the reason.
 */

/** Decimals enough to tell the values apart: 4, more only when 4 would show two of them the same. */
function distinctText(values: readonly Exact[]): string[] {
  for (let d = 4; d < 12; d++) {
    const texts = values.map((v) => v.toFixed(d));
    if (new Set(texts).size === texts.length) return texts;
  }
  return values.map((v) => v.toFixed(12));
}

/** The note of each community of the result (null: none), in rank order. */
export function exactOrderNotes(
  result: Pick<AssessmentResult, "communities" | "rankingMode">
): (Msg | null)[] {
  const { communities, rankingMode: mode } = result;
  const key = (c: Pick<CommunityResult, "total" | "target">) => (mode === "targetFirst" ? c.target : c.total);
  const notes: (Msg | null)[] = communities.map(() => null);
  let start = 0;
  while (start < communities.length) {
    const shown = officialFigure(key(communities[start]));
    let end = start + 1;
    while (end < communities.length && officialFigure(key(communities[end])) === shown) end++;
    // The run's exact values in rank order, each once: a note only when they step down.
    const values: Exact[] = [];
    for (let i = start; i < end; i++) {
      const v = key(communities[i]);
      if (values.length === 0 || !values[values.length - 1].eq(v)) values.push(v);
    }
    const descending = values.every((v, i) => i === 0 || values[i - 1].gt(v));
    if (values.length > 1 && descending) {
      const chain = distinctText(values).join(" > ");
      const note = msg(`按精确值排序：${chain}`, `Ordered by exact value: ${chain}`);
      for (let i = start; i < end; i++) notes[i] = note;
    }
    start = end;
  }
  return notes;
}
