import { Reading } from "../explain";
import { PaneHost } from "../hosts/port";
import { Msg } from "../scoring";
import { communityCard, CommunityCard, settingCells } from "../workbook/card";
import { interpretationsOfWorkbook, whatifWorkbook, WhatifOutcome } from "../workbook/explain";
import { scoreWorkbook } from "../workbook/pipeline";
import { parseSettingAssignment } from "../workbook/settings";
import { Issue } from "../workbook/types";

/**
 * The explaining actions of the pane, without React (issue 12): a community's card, 试算 (what
 * if a setting had another value), 应用 (write it to 设置), and how much each [I] reading
 * matters. Each reads the workbook through the host; only `applySetting` writes, and only the
 * setting's cells on 设置.
 */

export type CardOutcome = { kind: "ok"; card: CommunityCard } | { kind: "inputErrors"; issues: Issue[] };

/** The card of `name` from the workbook as it is now (read again: the inputs may have changed since ranking). */
export async function openCommunityCard(host: PaneHost, name: string): Promise<CardOutcome | null> {
  const scored = scoreWorkbook((await host.read()).grids);
  if (scored.issues.some((i) => i.severity === "error"))
    return { kind: "inputErrors", issues: scored.issues };
  const card = communityCard(scored, name);
  return card ? { kind: "ok", card } : null;
}

export type TryOutcome = WhatifOutcome | { kind: "badInput"; message: Msg };

/** 试算: ranks again with one setting changed (key and value as on 设置); nothing is written. */
export async function tryWhatif(host: PaneHost, key: string, valueText: string): Promise<TryOutcome> {
  const change = parseSettingAssignment(key, valueText);
  if (!change.ok) return { kind: "badInput", message: change.message };
  return whatifWorkbook((await host.read()).grids, [change]);
}

export type ApplyOutcome =
  | { kind: "written"; sheet: string; cells: string[] }
  | { kind: "badInput"; message: Msg }
  | { kind: "noSettingsSheet" };

/** 应用: writes the setting's value on the 设置 sheet (its row, or a new row at the end). The caller ranks after. */
export async function applySetting(host: PaneHost, key: string, valueText: string): Promise<ApplyOutcome> {
  const change = parseSettingAssignment(key, valueText);
  if (!change.ok) return { kind: "badInput", message: change.message };
  const target = settingCells((await host.read()).grids, change.setting, change.shown);
  if (!target) return { kind: "noSettingsSheet" };
  await host.writeCells(target.sheet, target.cells);
  return { kind: "written", sheet: target.sheet, cells: target.cells.map((c) => c.cell) };
}

/** How much each [I] reading matters for the workbook's data. */
export async function analyseInterpretations(
  host: PaneHost
): Promise<{ kind: "inputErrors"; issues: Issue[] } | { kind: "ok"; readings: Reading[] }> {
  return interpretationsOfWorkbook((await host.read()).grids);
}
