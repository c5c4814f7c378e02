import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { untranslatedLabels } from "../e2e/english-labels.cjs";
import { workbookNames } from "../e2e/names";
import { sampleGrids } from "../workbook/helpers";

/** Issue 22 §12: `--lang en` prints words, never a column's alias (GapToCut) or a setting's (HonorPoints.Town). */

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-en-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function out(...args: string[]): Promise<string> {
  let stdout = "";
  const io: Io = { out: (t) => (stdout += t + "\n"), err: () => undefined };
  await run(args, io);
  return stdout;
}

test("--lang en: the ranking, the work plan and the [I] readings are labelled in words, not identifiers", async () => {
  const sample = path.join(dir, "sample.xlsx");
  await out("sample", sample);
  const printed = [
    await out("rank", sample, "--lang", "en"),
    await out("workplan", sample, "--lang", "en", "--today", "2025-06-30"),
    await out("whatif", sample, "--interpretations", "--lang", "en"),
  ].join("\n");
  expect(printed).toContain("Gap to the cut");
  // Each cell of the tables and each line: the workbook's own names (communities, sheets) may stand alone.
  const shown = printed
    .split("\n")
    .flatMap((line) => line.split(/\s{2,}/))
    .map((text) => ({ text, data: false, attribute: true }));
  expect(untranslatedLabels(shown, workbookNames(sampleGrids()))).toEqual([]);
});
