/**
 * Cells that call this add-in's KH. functions, as both hosts meet them.
 *
 * Excel's `formulas` gives a custom function as the user's Excel names it: `=KH.HONOR_POINTS(A2)`
 * in English, `=KH.荣誉分(A2)` in Chinese Excel (the names of src/functions/functions.zh-CN.json);
 * a file stores `_xldudf_KH_…`. A function name is letters of any script after `KH.`.
 */
export function isKhFormula(formula: unknown): boolean {
  return (
    typeof formula === "string" &&
    formula.startsWith("=") &&
    /(^|[^\p{L}\p{N}_.])(KH\.[\p{L}_]|_xldudf_KH_)/iu.test(formula)
  );
}

/** Excel's error values (as `values` gives them), #BUSY! (still calculating) included. */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#BUSY!",
  "#PYTHON!",
]);

/**
 * What a KH. cell shows when it must not be frozen into a value (an error, #BUSY!, nothing
 * calculated yet); null when it shows a result.
 */
export function unsettledShown(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string" && ERROR_VALUES.has(value.trim().toUpperCase())) return value.trim();
  if (typeof value === "object" && value !== null && "error" in value)
    return String((value as { error: unknown }).error);
  return null;
}
