import fc from "fast-check";
import { a1, address, columnLetters, columnNumber, parseCell } from "../../src/workbook/cells";
import { localDate, localTime } from "../../src/workbook/local-time";
import {
  chooseSheetNames,
  outputSheetName,
  sameSheetName,
  sheetNameKey,
} from "../../src/workbook/sheet-names";

describe("A1 addresses (issues name the cell: 规则 §6)", () => {
  test("column letters: the edges of one, two and three letters", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(columnLetters(0)).toBe("");
  });

  test("letters → number is the inverse, lower case read as upper", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
    expect(columnNumber("xfd")).toBe(16384);
  });

  test("a cell and a rectangle; a reference is parsed back, $ and spaces allowed; not a cell → null", () => {
    expect(a1(5, 4)).toBe("D5");
    expect(address(2, 1)).toBe("A2");
    expect(address(2, 1, 9, 3)).toBe("A2:C9");
    expect(parseCell(" $D$5 ")).toEqual({ row: 5, column: 4 });
    expect(parseCell("ab12")).toEqual({ row: 12, column: 28 });
    expect(parseCell("D")).toBeNull();
    expect(parseCell("ABCD1")).toBeNull();
    expect(parseCell("A1:B2")).toBeNull();
  });
});

describe("tab names as Excel tells them apart (规则 §6: a person's sheet is never overwritten)", () => {
  test("case and width fold, surrounding spaces ignored; inner spaces make another tab", () => {
    expect(sameSheetName("Sheet1", "SHEET1")).toBe(true);
    expect(sameSheetName("ＳＨＥＥＴ１", "sheet1")).toBe(true);
    expect(sameSheetName(" 排名 ", "排名")).toBe(true);
    expect(sameSheetName("排名 (2)", "排名(2)")).toBe(false);
    expect(sheetNameKey("排名 (2)")).toBe("排名 (2)");
  });

  test("a free name is kept; a generated one reused; a person's skipped to (2), (3)", () => {
    const there = new Map([
      ["排名", false],
      ["排名 (2)", false],
      ["计分明细", true],
    ]);
    const lookup = (n: string) => there.get(n);
    expect(outputSheetName("先进个人", lookup)).toBe("先进个人");
    expect(outputSheetName("计分明细", lookup)).toBe("计分明细");
    expect(outputSheetName("排名", lookup)).toBe("排名 (3)");
    expect(outputSheetName("先进个人", lookup, new Set(["先进个人"]))).toBe("先进个人 (2)");
  });

  test("the pipeline's choice and a writer's agree: the same fold on both sides", () => {
    const names = chooseSheetNames(
      ["ranking", "details"],
      [
        { name: "ＲＡＮＫＩＮＧ", generated: false },
        { name: " 排名 ", generated: false },
        { name: "计分明细", generated: true },
      ]
    );
    expect(names).toEqual({ ranking: "排名 (2)", details: "计分明细" });
  });
});

describe("local date and time (header lines, the work plan's today)", () => {
  test("the machine's calendar day and minute, zero-padded", () => {
    const t = new Date(2026, 0, 9, 7, 5, 59);
    expect(localDate(t)).toBe("2026-01-09");
    expect(localTime(t)).toBe("2026-01-09 07:05");
    expect(localTime(new Date(2025, 11, 31, 23, 59))).toBe("2025-12-31 23:59");
  });
});
