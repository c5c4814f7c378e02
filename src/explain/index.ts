/**
 * Explaining the ranking (规则 §8, issue 12): what moves when a setting changes, and how much each
 * [I] reading matters. Pure, like the engine below it: every answer is assess() run again with
 * other Rules on the same records — no scoring rule lives here.
 */
export * from "./moves";
export * from "./interpretations";
