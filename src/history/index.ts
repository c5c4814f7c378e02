/** History (the rules in docs/规则.md §10): record identity and the diff of two input sets, pure. */
export * from "./identity";
export * from "./records";
export * from "./diff";
export * from "./compare";
