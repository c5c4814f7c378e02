/**
 * Excel provides a `CustomFunctions` global to the functions runtime. Jest has none, so this
 * gives the tests the same shape: an Error class carrying an error code and a message, and an
 * `associate` that records what a bundle registers.
 */
class CustomFunctionsError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
  }
}

const registered = new Map<string, (...args: unknown[]) => unknown>();

const customFunctionsGlobal = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(
    idOrMap: string | Record<string, (...args: unknown[]) => unknown>,
    fn?: (...args: unknown[]) => unknown
  ) {
    if (typeof idOrMap === "string" && fn) registered.set(idOrMap.toUpperCase(), fn);
    else if (typeof idOrMap === "object")
      for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
  },
  registered,
};

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = customFunctionsGlobal;
