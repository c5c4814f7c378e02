import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";
import { zlibChecksum, zlibInflater } from "../../src/cli/inflate";
import { fflateChecksum, openXlsx, packageGrids, UnreadableWorkbookError } from "../../src/hosts/xlsx";
import { validateWorkbook } from "../../src/workbook/pipeline";
import { Issue, WorkbookGrids } from "../../src/workbook/types";
import { strFromU8, strToU8 } from "fflate";
import {
  edited,
  ODD_FILES,
  replaceBytes,
  sampleParts,
  storedZip,
  strictParts,
  TARGETS,
  zip,
  zipBomb,
} from "./corpus";

/**
 * 规则 §7.2 (exit 2: an unreadable file, in one line) and §6 (bad input: a located issue, never a
 * silent 0) for hostile and damaged .xlsx files (issue 9 items 1–3): each crafted in the test.
 */

async function read(bytes: Uint8Array): Promise<WorkbookGrids> {
  return packageGrids(await openXlsx(bytes));
}

async function refusal(bytes: Uint8Array): Promise<UnreadableWorkbookError> {
  try {
    await read(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return e;
    throw e;
  }
  throw new Error("read without complaint");
}

const oddFile = (name: string) => {
  const f = ODD_FILES.find((o) => o.name === name);
  if (!f) throw new Error(name);
  return f.bytes();
};

const errorsAt = (issues: Issue[], cell: string) =>
  issues.filter((i) => i.severity === "error" && i.cell === cell);

describe("规则 §6 a number cell whose stored value is no number is an error on that cell, never 0", () => {
  test.each(["empty <v></v> in a number cell", "blank <v> </v> in a number cell", "0x12 in a number cell"])(
    "%s",
    async (name) => {
      const grids = await read(await oddFile(name));
      const targets = grids.find((g) => g.name === "目标管理");
      expect(Number.isNaN(targets?.values[1][1])).toBe(true);
      const [issue] = errorsAt(validateWorkbook(grids), "B2");
      expect(issue).toMatchObject({ sheet: "目标管理", row: 2 });
      expect(issue.message.zh).toContain("不是有效数字");
    }
  );

  test.each([
    ["18.0", 18],
    [" 18 ", 18],
    ["1.5e1", 15],
    ["-.5", -0.5],
  ])("the edge: <v>%s</v> is the number %p", async (v, n) => {
    const grids = await read(await edited(TARGETS, '<c r="B2"><v>18</v></c>', `<c r="B2"><v>${v}</v></c>`));
    expect(grids[1].values[1][1]).toBe(n);
  });
});

describe("规则 §7.2 a damaged or hostile file is refused in one line (exit 2), never read as data", () => {
  test.each([
    ['row r="abc"', "行号“abc”不是数字"],
    ['row r="1000000000"', "行号 1000000000 超出 Excel 的范围"],
    ["cell ZZZZZZ20", "ZZZZZZ20 超出 Excel 的范围"],
    ["shared-string index past the table", "共享字符串“99999”不存在"],
    ["invalid code point &#x110000;", "不是有效的 XML"],
    ["control character U+0001", "不是有效的 XML"],
    ["duplicated zip entry for a sheet", "sheet2.xml 出现了两次"],
  ])("%s", async (name, words) => {
    const e = await refusal(await oddFile(name));
    expect(e.reason).toBe("corrupt");
    expect(e.words.zh).toContain(words);
    expect(e.words.zh).not.toContain("\n");
  });

  test("the edges: row 1,048,576 and column XFD are read; row 1,048,577 and column XFE are refused", async () => {
    const lastRow = await read(
      await edited(
        TARGETS,
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>'
      )
    );
    expect(lastRow[1].values.length).toBe(1_048_576);
    expect(lastRow[1].values[1_048_575][16_383]).toBe(7);
    await expect(
      refusal(
        await edited(
          TARGETS,
          "</sheetData>",
          '<row r="1048577"><c r="A1048577"><v>7</v></c></row></sheetData>'
        )
      )
    ).resolves.toMatchObject({ reason: "corrupt" });
    await expect(
      refusal(
        await edited(TARGETS, "</sheetData>", '<row r="20"><c r="XFE20"><v>7</v></c></row></sheetData>')
      )
    ).resolves.toMatchObject({ reason: "corrupt" });
  });

  test("a row or a cell twice, or out of order, is damage", async () => {
    await expect(refusal(await edited(TARGETS, '<row r="3"', '<row r="2"'))).resolves.toMatchObject({
      reason: "corrupt",
    });
    await expect(refusal(await edited(TARGETS, '<c r="C2">', '<c r="B2">'))).resolves.toMatchObject({
      reason: "corrupt",
    });
  });

  test("a UTF-16 part is decoded by its byte-order mark and reads as its UTF-8 original", async () => {
    const original = await read(zip(await sampleParts()));
    expect(await read(await oddFile("UTF-16 sheet part"))).toEqual(original);
  });

  test("a part whose directory size is 0 but which holds bytes is damage", async () => {
    const e = await refusal(await zipBomb(2 << 20, "comments", false));
    expect(e.words.zh).toContain("比目录所记的大");
  });
});

describe("规则 §7.2 a part whose CRC-32 does not match its directory is damage, never read as data (issue 22 §6)", () => {
  const CHANGED = "a digit changed on disk in a stored zip (CRC-32 no longer matches)";
  const WRONG_CRC = "a deflated part whose CRC-32 does not match its directory";

  test.each([CHANGED, WRONG_CRC])("%s: refused, naming the part", async (name) => {
    const e = await refusal(await oddFile(name));
    expect(e.reason).toBe("corrupt");
    expect(e.words.zh).toContain(`${TARGETS} 校验和不符`);
    expect(e.words.zh).not.toContain("\n");
  });

  test("the same with the command line's inflater and checksum (Node's zlib)", async () => {
    for (const name of [CHANGED, WRONG_CRC]) {
      const bytes = await oddFile(name);
      await expect(
        packageGrids(await openXlsx(bytes, undefined, zlibInflater, zlibChecksum))
      ).rejects.toMatchObject({ reason: "corrupt", words: { zh: expect.stringContaining("校验和不符") } });
    }
  });

  test("the edge: the stored zip untouched reads as the deflated sample", async () => {
    const parts = await sampleParts();
    expect(await read(storedZip(parts))).toEqual(await read(zip(parts)));
  });

  test("a sheet is checked whole, though its cells end before the part does", async () => {
    const parts = await sampleParts();
    parts[TARGETS] = strToU8(
      strFromU8(parts[TARGETS]).replace("</worksheet>", "<!-- tail 1 --></worksheet>")
    );
    // Changed on disk after </sheetData>, where the reader stops reading cells.
    const e = await refusal(replaceBytes(storedZip(parts), "<!-- tail 1 -->", "<!-- tail 2 -->"));
    expect(e.words.zh).toContain(`${TARGETS} 校验和不符`);
  });

  test("the command line's checksum is Node's zlib.crc32 here, and agrees with fflate's", () => {
    expect(zlibChecksum).toBeDefined();
    const data = new TextEncoder().encode("东门社区 18 ".repeat(50_000));
    const sum = (make: NonNullable<typeof zlibChecksum>) => {
      const c = make();
      for (let i = 0; i < data.length; i += 4096) c.push(data.subarray(i, i + 4096));
      return c.value();
    };
    expect(sum(zlibChecksum as NonNullable<typeof zlibChecksum>)).toBe(sum(fflateChecksum));
  });
});

describe("规则 §7.2 zip bombs are refused early, in one line, whatever their directory says", () => {
  // 1 MiB blocks repeated: ≈ 400 MB and 1 GB of XML from ≈ 1.2 MB and 3 MB of zip.
  test.each([
    [400 << 20, "comments", true, "解压后超过"],
    [1 << 30, "spaces", true, "解压后超过"],
    [400 << 20, "comments", false, "比目录所记的大"],
    [1 << 30, "spaces", false, "比目录所记的大"],
  ] as const)("%d bytes of %s, honest directory %p", async (size, filler, honest, words) => {
    const bytes = await zipBomb(size, filler, honest);
    expect(bytes.length).toBeLessThan(4 << 20);
    const e = await refusal(bytes);
    expect(e.words.zh).toContain(words);
  });

  test("a bomb whose directory is honest but small enough passes the part cap and stops at the ratio cap", async () => {
    const e = await refusal(await zipBomb(200 << 20, "comments", true));
    expect(e.reason).toBe("tooLarge");
    expect(e.words.zh).toContain("压缩比");
  });

  test("a run of spaces longer than any cell stops before it becomes a string", async () => {
    const e = await refusal(await zipBomb(7 << 20, "spaces", true));
    expect(e.words.zh).toContain("个字符的文字");
  });
});

describe("规则 §7.2 the command line: exit 2 and one line for every hostile input", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "scorecard-hostile-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const io: Io = { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") };
    const code = await run(args, io);
    return { code, out, err };
  }

  test("/dev/zero (not a regular file) is refused at once, not read forever", async () => {
    const r = await cli("validate", "/dev/zero");
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("不是普通文件");
  });

  test.each(ODD_FILES.filter((f) => !/number cell|UTF-16/.test(f.name)).map((f) => f.name))(
    "%s: validate and rank exit 2 in one line",
    async (name) => {
      const file = path.join(dir, "odd.xlsx");
      writeFileSync(file, await oddFile(name));
      for (const command of ["validate", "rank"]) {
        const r = await cli(command, file);
        expect(r).toMatchObject({ code: 2, out: "" });
        expect(r.err.trim().split("\n")).toHaveLength(1);
        expect(r.err).toContain("文件已损坏");
      }
    }
  );

  test("issue 22 §7 a Strict Open XML workbook: rank reads it as its transitional original; rank --out refuses in one line and writes nothing", async () => {
    const transitional = path.join(dir, "transitional.xlsx");
    const strict = path.join(dir, "strict.xlsx");
    writeFileSync(transitional, zip(await sampleParts()));
    writeFileSync(strict, zip(await strictParts()));
    const ranked = await cli("rank", strict);
    expect(ranked.code).toBe(0);
    expect(ranked.out).toEqual((await cli("rank", transitional)).out);
    const out = path.join(dir, "strict-out.xlsx");
    const r = await cli("rank", strict, "--out", out);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("Strict Open XML");
    expect(existsSync(out)).toBe(false);
  });

  test("a number cell holding no number: validate exits 1 with the cell located", async () => {
    const file = path.join(dir, "nan.xlsx");
    writeFileSync(file, await oddFile("0x12 in a number cell"));
    const r = await cli("validate", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("B2");
  });
});
