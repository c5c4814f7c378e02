/** The work plan (规则 §6 工作要点, §7.2 `workplan`): the seed's 21 points, reading, summary, report. */
export * from "./points";
export * from "./model";
export * from "./dates";
export * from "./template";
export * from "./read";
export * from "./summary";
export * from "./report";
