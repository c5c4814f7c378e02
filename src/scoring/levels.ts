import { visible } from "./visible";
import { foldKey, msg, Msg } from "./text";
import type { Parse } from "./values";

/**
 * The administrative levels of 规则 §1, lowest first. Honors and publicity are both scored by
 * level; the seed leaves two of the five names blank (`获得区镇、、、省级、全国荣誉`), read here as
 * district and city [I] (规则 §1).
 */
export const LEVELS = ["town", "district", "city", "province", "national"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, Msg> = {
  town: msg("区镇", "town"),
  district: msg("区级", "district"),
  city: msg("市级", "city"),
  province: msg("省级", "province"),
  national: msg("全国", "national"),
};

/** Every accepted spelling, compared after `foldKey` (trimmed, case-folded, full-width folded). */
const ALIASES: Record<Level, readonly string[]> = {
  town: ["区镇", "镇", "镇级", "区镇级", "街道", "街道级", "town"],
  district: ["区级", "区", "县", "县级", "区县", "区县级", "district", "county"],
  city: ["市级", "市", "city"],
  province: ["省级", "省", "province", "provincial"],
  national: ["全国", "国家", "国家级", "全国级", "中央", "national"],
};

const BY_ALIAS = new Map<string, Level>();
for (const level of LEVELS) for (const alias of ALIASES[level]) BY_ALIAS.set(foldKey(alias), level);

/** The list shown in drop-downs and in error messages. */
export const LEVEL_CHOICES_ZH = LEVELS.map((l) => LEVEL_NAMES[l].zh);

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

/** One level lower, or null below the lowest (line-department commendations, 规则 §3.1). */
export function levelBelow(level: Level, steps = 1): Level | null {
  const i = levelIndex(level) - steps;
  return i >= 0 ? LEVELS[i] : null;
}

// One shared result per level: cells are parsed by the hundred thousand.
const PARSED = Object.fromEntries(LEVELS.map((l) => [l, { ok: true, value: l }])) as Record<
  Level,
  Parse<Level>
>;

export function parseLevel(value: unknown): Parse<Level> {
  if (typeof value === "string") {
    const level = BY_ALIAS.get(value) ?? BY_ALIAS.get(foldKey(value));
    if (level) return PARSED[level];
  }
  const shown = typeof value === "string" ? visible(value) : String(value ?? "");
  return {
    ok: false,
    message: msg(
      `未知级别“${shown}”：应为 ${LEVEL_CHOICES_ZH.join("/")}`,
      `Unknown level "${shown}": expected ${LEVELS.map((l) => LEVEL_NAMES[l].zh + " (" + l + ")").join(", ")}`
    ),
  };
}
