/**
 * A stand-in for Excel's `CustomFunctions` global: an Error class carrying an error code and a
 * message, the error codes, and an `associate` that records what a bundle registers. Used as the
 * Jest global (custom-functions-global.ts) and inside the vm that loads the built bundle.
 */
export type CustomFunction = (...args: unknown[]) => unknown;

export class CustomFunctionsError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
  }
}

export const EXCEL_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function customFunctionsRuntime(registered: Map<string, CustomFunction>) {
  return {
    Error: CustomFunctionsError,
    ErrorCode: EXCEL_ERROR_CODES,
    associate(idOrMap: string | Record<string, CustomFunction>, fn?: CustomFunction) {
      if (typeof idOrMap === "string" && fn) registered.set(idOrMap.toUpperCase(), fn);
      else if (typeof idOrMap === "object")
        for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
    },
    registered,
  };
}
