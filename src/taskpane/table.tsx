import * as React from "react";
import {
  mergeClasses,
  TableCell,
  TableCellProps,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useSharedStyles } from "./styles";

/** The pane's tables are Fluent's, with the parts below: every table part comes from this module. */
export { Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";

/** A column of a table's header: its name, and a width or class where the column is narrow. */
export type HeadColumn = string | { label: React.ReactNode; width?: string; className?: string };

/** The header row of a pane table: one cell per column. */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }): React.JSX.Element {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((c, i) =>
          typeof c === "string" ? (
            <TableHeaderCell key={i}>{c}</TableHeaderCell>
          ) : (
            <TableHeaderCell key={i} className={c.className} style={c.width ? { width: c.width } : undefined}>
              {c.label}
            </TableHeaderCell>
          )
        )}
      </TableRow>
    </TableHeader>
  );
}

/** A cell holding a figure (points, a rank, a move): right-aligned, tabular digits, one line. */
export function NumberCell({ className, ...props }: TableCellProps): React.JSX.Element {
  const styles = useSharedStyles();
  return <TableCell {...props} className={mergeClasses(styles.number, className)} />;
}
