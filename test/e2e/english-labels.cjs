// The rule both the Jest render test (test/taskpane/english.test.tsx) and the browser run
// (test/e2e/run.mjs) apply to the pane in English (issue 22 §12): what a person reads is words,
// not a program's identifiers and not Chinese left untranslated. The user's own data (community
// and person names, sheet names, cell values) is Chinese in either language: the pane marks the
// elements that show it with translate="no" (HTML's "do not translate this"), and a sentence may
// name the workbook's sheets, columns and values as the workbook spells them (`names`).
"use strict";

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
/** CamelCase (GapToCut, basicPublicity) or a dotted key (HonorPoints.Town); not a file name. */
const IDENTIFIER =
  /\b(?:[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]+\.(?!xlsx\b)[A-Za-z]+)\b/;
/** Proper names spelt in CamelCase by their owners. */
const PROPER = ["LibreOffice"];

/**
 * The labels of `shown` that are not English words. `shown`: each text the page shows (a text
 * node, a title or an aria-label), `data` when it sits inside translate="no", `attribute` for a
 * title or aria-label. A text of Chinese alone (no Latin letter) outside translate="no" is
 * untranslated even when it names a sheet (a 目标管理 row); in a sentence, the workbook's names
 * are struck out first and no Chinese may remain. An attribute may be a name alone.
 */
function untranslatedLabels(shown, names) {
  const longestFirst = [...new Set(names)].filter((n) => n.trim() !== "").sort((a, b) => b.length - a.length);
  const strip = (text) => longestFirst.reduce((s, n) => s.split(n).join(" "), text);
  const bad = [];
  for (const { text, data, attribute } of shown) {
    const s = text.trim();
    if (s === "" || data) continue;
    if (!attribute && HAN.test(s) && !LATIN.test(s)) {
      bad.push({ text: s, why: "Chinese only" });
      continue;
    }
    const rest = PROPER.reduce((x, p) => x.split(p).join(" "), strip(s));
    if (HAN.test(rest)) bad.push({ text: s, why: "untranslated" });
    else if (IDENTIFIER.test(rest)) bad.push({ text: s, why: "identifier" });
  }
  return bad;
}

/** The language switch names the other language in that language (中文 in the English pane). */
const LANGUAGE_SWITCH = "preview-language";

module.exports = { untranslatedLabels, LANGUAGE_SWITCH };
