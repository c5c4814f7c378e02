import { zlibInflater } from "../../src/cli/inflate";
import {
  fflateInflater,
  Inflater,
  openXlsx,
  packageGrids,
  UnreadableWorkbookError,
} from "../../src/hosts/xlsx";
import { WorkbookGrids } from "../../src/workbook/types";
import { ODD_FILES, sampleParts, zip, zipBomb } from "../xlsx/corpus";

/**
 * 规则 §7.2 (issues 9 and 13 §5): `rank --out` inflates the big parts it reads with Node's zlib
 * (src/cli/inflate.ts); the preview keeps fflate's. Every file reads the same either way — the
 * same grids, or the same one-line refusal — the caps included, since they are counted on the
 * inflated pieces whoever inflates them.
 */

type Verdict = { grids: WorkbookGrids } | { refused: string };

async function verdict(bytes: Uint8Array, inflater: Inflater): Promise<Verdict> {
  try {
    return { grids: await packageGrids(await openXlsx(bytes, undefined, inflater)) };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { refused: e.words.en };
    throw e;
  }
}

describe("规则 §7.2 the command line's inflater: every file reads as with fflate's", () => {
  const files: [string, () => Promise<Uint8Array>][] = [
    ["the sample", async () => zip(await sampleParts())],
    ...ODD_FILES.map((f): [string, () => Promise<Uint8Array>] => [f.name, f.bytes]),
    ["a bomb whose directory claims 1 KB", () => zipBomb(2 << 20, "comments", false)],
    ["a bomb past the ratio cap", () => zipBomb(40 << 20, "comments", true)],
    ["a run of spaces past the text cap", () => zipBomb(7 << 20, "spaces", true)],
  ];

  test.each(files)("%s", async (_, make) => {
    const bytes = await make();
    const theirs = await verdict(bytes, fflateInflater);
    const ours = await verdict(bytes, zlibInflater);
    expect(ours).toEqual(theirs);
  });

  test("a deflated part that is cut short is refused in one line", async () => {
    const bytes = zip(await sampleParts());
    // Each big part's data cut in half on its way to zlib: the directory still claims it whole.
    const cut = await verdict(bytes, async (data, onChunk) =>
      zlibInflater(data.subarray(0, Math.floor(data.length / 2)), onChunk)
    );
    expect(cut).toEqual({ refused: expect.stringMatching(/cannot be inflated/) });
  });
});
