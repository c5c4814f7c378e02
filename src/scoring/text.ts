/**
 * Words for people. Every message and reason exists in Chinese (the product's first language)
 * and English; the hosts pick one with `say`.
 */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = "zh-CN" | "en-US";

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

export function say(m: Msg, locale: Locale = "zh-CN"): string {
  return locale === "en-US" ? m.en : m.zh;
}

/**
 * Folds what people type into one comparable form: full-width letters, digits and spaces become
 * ASCII (NFKC), every run of white space (including U+3000) becomes one space, ends trimmed. A run
 * that holds a line break (Alt+Enter in a cell) becomes one line break instead: it separates the
 * communities of a joint article, and a name that holds one is quoted with it made visible
 * (visible.ts), not with a space the person never typed.
 */
export function normalizeText(value: string): string {
  return alreadyNormal(value) ? value : value.normalize("NFKC").replace(/\s+/gu, foldSpace).trim();
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const foldSpace = (run: string): string => (LINE_BREAK.test(run) ? "\n" : " ");

/**
 * True when `value` is its own normal form: printable ASCII other than the space and the CJK
 * Unified Ideographs (U+4E00–U+9FFF) have no compatibility mapping, combine with nothing and are
 * no white space, so NFKC, the space folding and the trim all leave such text as it is. Most
 * names and titles are such text, and a scan is far cheaper than NFKC on every cell.
 */
function alreadyNormal(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** The form used to compare names and keys: normalized and case-folded. */
export function foldKey(value: string): string {
  // Names and keys repeat across thousands of rows; NFKC is the costly part, so remember results.
  let key = foldCache.get(value);
  if (key === undefined) {
    key = normalizeText(value).toLowerCase();
    if (foldCache.size > 100000) foldCache.clear();
    foldCache.set(value, key);
  }
  return key;
}
const foldCache = new Map<string, string>();
