/** The pure scoring engine (SPEC §1–§5): no Office, no I/O, no clock. */
export * from "./exact";
export * from "./text";
export * from "./levels";
export * from "./values";
export * from "./rules";
export * from "./model";
export * from "./format";
export * from "./highest";
export * from "./honors";
export * from "./publicity";
export * from "./contributions";
export * from "./targets";
export * from "./ranking";
export * from "./money";
export * from "./assess";
export * from "./nearest";
export * from "./visible";
