/**
 * Checks the BUILT custom functions the way Excel meets them: dist/functions.js run in a fresh
 * JavaScript context whose only Office piece is the `CustomFunctions` global, plus the generated
 * metadata (functions.json) and its Chinese twin (functions.zh-CN.json). Needs `npm run build`.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import vm from "vm";
import {
  CustomFunction,
  CustomFunctionsError,
  customFunctionsRuntime,
} from "../setup/custom-functions-runtime";

const DIST = join(__dirname, "..", "..", "dist");
const MAX_BUNDLE_BYTES = 60 * 1024;

type Fn = CustomFunction;
interface Param {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
}

/** 规则 §7.1: parameters in order; "?" = optional, "[]" = a range (matrix). */
const SIGNATURES: Record<string, string[]> = {
  HONOR_POINTS: ["level", "lineDept?"],
  HONOR_TOTAL: ["levels[]", "lineDepts[]?", "kinds[]?", "approved[]?"],
  PUBLICITY_POINTS: ["level", "communities?"],
  PUBLICITY_TOTAL: ["levels[]", "communities[]?", "contentKeys[]?"],
  BASIC_PUBLICITY: ["score"],
  CONTRIBUTION_TOTAL: ["lines[]", "points[]", "lineCap?", "totalCap?"],
  CONVERTED_SCORE: ["total", "rate?"],
  RANK_EXACT: ["value", "values[]", "tieBreak?", "tieBreaks[]?"],
};

const ZH_NAMES: Record<string, string> = {
  HONOR_POINTS: "荣誉分",
  HONOR_TOTAL: "荣誉合计",
  PUBLICITY_POINTS: "宣传分",
  PUBLICITY_TOTAL: "宣传合计",
  BASIC_PUBLICITY: "基础宣传",
  CONTRIBUTION_TOTAL: "贡献合计",
  CONVERTED_SCORE: "折算分",
  RANK_EXACT: "精确排名",
};

/** One valid call per function (omitted trailing arguments arrive as null, as in Excel). */
const VALID: [string, unknown[], number][] = [
  ["HONOR_POINTS", ["省级", false], 10],
  ["HONOR_POINTS", ["省级", true], 5], // line-department commendation counts one level lower
  ["HONOR_POINTS", ["镇级", true], 0.5],
  ["HONOR_TOTAL", [[["省级"], ["市级"]], null, [["a"], ["a"]], null], 10],
  ["PUBLICITY_POINTS", ["市级", 2], 1],
  [
    "PUBLICITY_TOTAL",
    [
      [["市级"], ["省级"]],
      [[1], [2]],
      [["x"], ["x"]],
    ],
    2.5,
  ],
  ["BASIC_PUBLICITY", [4], 4],
  [
    "CONTRIBUTION_TOTAL",
    [
      [["招商引资"], ["招商引资"], ["征地拆迁"]],
      [[4], [3], [2]],
    ],
    7,
  ],
  ["CONVERTED_SCORE", [90], 18],
  ["RANK_EXACT", [81, [[80.4 + 0.2 + 0.2 + 0.2], [81], [90]]], 2],
];

/**
 * Blank cells, as Excel hands them over: null (web), "" and 0 (Windows, Mac). `BLANK` in the
 * arguments is replaced by each form in turn; the answer must be the same.
 */
const BLANK = Symbol("blank");
const WITH_BLANKS: [string, unknown[], number][] = [
  [
    "HONOR_TOTAL",
    [
      [["省级"], [BLANK], ["市级"]],
      [[BLANK], [BLANK], [BLANK]],
      [[BLANK], [BLANK], [BLANK]],
    ],
    15,
  ],
  [
    "PUBLICITY_TOTAL",
    [
      [["市级"], [BLANK], ["省级"]],
      [[BLANK], [BLANK], [2]],
      [[BLANK], [BLANK], [BLANK]],
    ],
    4.5,
  ],
  [
    "CONTRIBUTION_TOTAL",
    [
      [["招商引资"], [BLANK], ["征地拆迁"]],
      [[4], [BLANK], [BLANK]],
    ],
    4,
  ],
  ["HONOR_POINTS", ["省级", BLANK], 10],
  ["BASIC_PUBLICITY", [BLANK], 0],
];
const withBlank = (value: unknown, blank: unknown): unknown =>
  value === BLANK ? blank : Array.isArray(value) ? value.map((v) => withBlank(v, blank)) : value;

/** One bad argument per function: the error code(s) allowed and text the message must contain. */
const BAD: [string, unknown[], string[], string][] = [
  ["HONOR_POINTS", ["乡级"], ["#VALUE!"], "乡级"],
  ["HONOR_TOTAL", [[["省级"], ["乡级"]]], ["#VALUE!"], "乡级"],
  ["PUBLICITY_POINTS", ["市级", 1.5], ["#VALUE!"], "1.5"],
  ["PUBLICITY_TOTAL", [[["国际"]]], ["#VALUE!"], "国际"],
  ["BASIC_PUBLICITY", [6], ["#VALUE!"], "6"],
  ["CONTRIBUTION_TOTAL", [[["招商引资"]], [[-3]]], ["#VALUE!"], "-3"],
  ["CONVERTED_SCORE", ["九十"], ["#VALUE!"], "九十"],
  ["RANK_EXACT", ["高分", [[1], [2]]], ["#VALUE!"], "高分"],
];

function readDist(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path))
    throw new Error(
      `dist/${file} is missing: run \`npm run build\` first (npm test does). ` +
        "It is built from src/functions/functions.ts (JSDoc @customfunction)."
    );
  return readFileSync(path, "utf8");
}

/** Runs the bundle in its own context, as Excel's runtime would, and returns what it associated. */
function loadBundle(): Map<string, Fn> {
  const associated = new Map<string, Fn>();
  const CustomFunctions = customFunctionsRuntime(associated);
  // Office is present in the shared runtime; a bundle may wait for it, so give it a ready one.
  const Office = { onReady: (cb?: (info: unknown) => void) => Promise.resolve(cb?.({ host: "Excel" })) };
  const context = vm.createContext({ CustomFunctions, Office, console, setTimeout, clearTimeout });
  Object.assign(context, { window: context, self: context });
  new vm.Script(readDist("functions.js"), { filename: "dist/functions.js" }).runInContext(context);
  return associated;
}

/** Calls like Excel: every declared parameter is passed, omitted ones as null. */
async function call(fns: Map<string, Fn>, meta: FunctionMeta[], id: string, args: unknown[]) {
  const arity = meta.find((m) => m.id === id)?.parameters.length ?? args.length;
  const padded = [...args, ...Array(Math.max(0, arity - args.length)).fill(null)];
  return await fns.get(id)!(...padded);
}

const metadata = (): FunctionMeta[] => JSON.parse(readDist("functions.json")).functions;

describe("built custom functions (dist/)", () => {
  test("dist/functions.js stays within 60 KB", () => {
    readDist("functions.js");
    const bytes = statSync(join(DIST, "functions.js")).size;
    console.log(`dist/functions.js: ${(bytes / 1024).toFixed(1)} KB (limit ${MAX_BUNDLE_BYTES / 1024} KB)`);
    expect(bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  test("functions.json declares the 8 functions of 规则 §7.1 with their parameters, optional flags and ranges", () => {
    const meta = metadata();
    expect(meta.map((m) => m.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
    for (const m of meta) {
      expect(m.name).toBe(m.id);
      expect(m.description).toBeTruthy();
      const declared = m.parameters.map(
        (p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`
      );
      expect({ id: m.id, parameters: declared }).toEqual({ id: m.id, parameters: SIGNATURES[m.id] });
    }
  });

  test("functions.zh-CN.json has the same ids with Chinese function and parameter names", () => {
    const zh: FunctionMeta[] = JSON.parse(readDist("functions.zh-CN.json")).functions;
    const en = metadata();
    expect(zh.map((m) => m.id)).toEqual(en.map((m) => m.id));
    for (const m of zh) {
      expect(m.name).toBe(ZH_NAMES[m.id]);
      expect(m.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of m.parameters) expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(m.parameters.length).toBe(en.find((e) => e.id === m.id)!.parameters.length);
    }
  });

  test("the bundle associates all 8 ids when Excel loads it", () => {
    expect([...loadBundle().keys()].sort()).toEqual(Object.keys(SIGNATURES).sort());
  });

  test.each(VALID)("%s(%j) = %p", async (id, args, expected) => {
    expect(await call(loadBundle(), metadata(), id, args)).toBeCloseTo(expected, 12);
  });

  test.each(WITH_BLANKS)(
    '%s(%j) = %p whether a blank arrives as null, "" or 0',
    async (id, args, expected) => {
      const fns = loadBundle();
      for (const blank of [null, "", 0])
        expect(await call(fns, metadata(), id, withBlank(args, blank) as unknown[])).toBeCloseTo(
          expected,
          12
        );
    }
  );

  test.each(BAD)("%s(%j) raises %j naming %s", async (id, args, codes, named) => {
    let error: unknown;
    try {
      await call(loadBundle(), metadata(), id, args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CustomFunctionsError);
    const { code, message } = error as CustomFunctionsError;
    expect(codes).toContain(code);
    expect(message).toContain(named);
  });
});
