/** Due dates are read as every date cell of the workbook is: src/workbook/dates.ts. */
export * from "../workbook/dates";
