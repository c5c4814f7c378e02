import { createContext, useContext } from "react";
import { Locale, Msg } from "../scoring";
import { columnWords } from "../workbook/schema";
import TABLE from "./strings.json";

const header = (key: string): Msg => columnWords("ranking", key);

export type { Locale };

/**
 * Every word of the task pane, Chinese first, English second: the table is data
 * (strings.json, one entry per key with both languages), and the ranking's column names come
 * from the schema (the generated 排名 sheet's headers). Placeholders in braces ({n}, {sheet})
 * are filled by `t`. Messages that come from the engine or the workbook layer are already
 * `Msg` objects and are shown with `say`.
 */
const STRINGS = {
  ...TABLE,
  colRank: header("rank"),
  colCommunity: header("community"),
  colTarget: header("target"),
  colRewards: header("rewards"),
  colTotal: header("total"),
  colConverted: header("converted"),
} satisfies Record<string, Msg>;

export type StringKey = keyof typeof STRINGS;
/** A placeholder's value: a number, the user's text, or words of both languages. */
export type Vars = Record<string, string | number | Msg>;

const inLocale = (locale: Locale, m: Msg) => (locale === "en-US" ? m.en : m.zh);

/** The string `key` in `locale`, with {placeholders} filled from `vars`. */
export function t(locale: Locale, key: StringKey, vars: Vars = {}): string {
  return inLocale(locale, STRINGS[key]).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : typeof v === "object" ? inLocale(locale, v) : String(v);
  });
}

/**
 * The string `key` with `vars` in both languages: what a message kept on screen holds, so that
 * a language switch shows it again in the new language (not the text of the old one).
 */
export function words(key: StringKey, vars: Vars = {}): Msg {
  return { zh: t("zh-CN", key, vars), en: t("en-US", key, vars) };
}

/** A list of names or words in both languages (、 in Chinese, ", " in English). */
export function listWords(items: readonly (string | Msg)[]): Msg {
  const each = (locale: Locale) => items.map((i) => (typeof i === "string" ? i : inLocale(locale, i)));
  return { zh: joinList("zh-CN", each("zh-CN")), en: joinList("en-US", each("en-US")) };
}

/** The first `most` of `items` in words, and "…" when more were left out (a note never hides that there are more). */
export function firstItems<T>(items: readonly T[], most: number, each: (item: T) => Msg): Msg[] {
  const shown = items.slice(0, most).map(each);
  return items.length > most ? [...shown, { zh: "…", en: "…" }] : shown;
}

/** Sentences one after another: run together in Chinese, a space between in English. */
export function sentences(parts: readonly Msg[]): Msg {
  return { zh: parts.map((p) => p.zh).join(""), en: parts.map((p) => p.en).join(" ") };
}

/** Every key (tests check that both languages are filled). */
export function stringKeys(): StringKey[] {
  return Object.keys(STRINGS) as StringKey[];
}

export function rawString(key: StringKey): Msg {
  return STRINGS[key];
}

/** zh-CN first: English only when Office (or the URL) says English. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return language && /^en\b/i.test(language.trim()) ? "en-US" : "zh-CN";
}

/** `?lang=en-US` (or `lang=en`) in the preview URL; null when absent. */
export function localeFromSearch(search: string): Locale | null {
  const lang = new URLSearchParams(search).get("lang");
  return lang === null ? null : localeFromLanguage(lang);
}

/** List separator of the locale: 、 in Chinese, ", " in English. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "en-US" ? ", " : "、");
}

export interface I18n {
  locale: Locale;
  t: (key: StringKey, vars?: Vars) => string;
  say: (m: Msg) => string;
  list: (items: readonly string[]) => string;
}

export function makeI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, vars) => t(locale, key, vars),
    say: (m) => inLocale(locale, m),
    list: (items) => joinList(locale, items),
  };
}

export const I18nContext = createContext<I18n>(makeI18n("zh-CN"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
