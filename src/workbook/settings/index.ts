/**
 * The 设置 sheet's settings (规则 §6), split by job: table.ts (the one table, and getting and
 * setting through each id's path into `Rules`), value.ts (a typed value ↔ a cell), keys.ts (which
 * setting a typed key names; "did you mean"), read.ts (the sheet → `Rules` with issues; repeats.ts
 * for a key on two rows), render.ts (the template's rows, the header summary), assign.ts
 * (`whatif --set KEY=VALUE`).
 */
export * from "./table";
export * from "./value";
export * from "./keys";
export * from "./read";
export * from "./render";
export * from "./assign";
