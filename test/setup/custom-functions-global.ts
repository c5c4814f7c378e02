/** Excel provides a `CustomFunctions` global to the functions runtime; Jest gets the same shape. */
import { CustomFunction, customFunctionsRuntime } from "./custom-functions-runtime";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = customFunctionsRuntime(
  new Map<string, CustomFunction>()
);
