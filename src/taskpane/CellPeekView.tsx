import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters } from "../workbook/cells";
import { CellPeek } from "../hosts/port";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  peek: { borderCollapse: "collapse", margin: "4px 0 12px", fontSize: tokens.fontSizeBase200 },
  peekCell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    maxWidth: "140px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  peekHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  peekHit: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

/** The cells around an issue's cell, with Excel's column letters and row numbers (the preview cannot select). */
export function CellPeekView({ peek }: { peek: CellPeek }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div data-testid="cell-peek">
      <Caption1>{t("peekTitle", { sheet: peek.sheet, cell: peek.cell })}</Caption1>
      <table className={styles.peek} translate="no">
        <thead>
          <tr>
            <th className={mergeClasses(styles.peekCell, styles.peekHead)} />
            {(peek.rows[0]?.cells ?? []).map((_, j) => (
              <th key={j} className={mergeClasses(styles.peekCell, styles.peekHead)}>
                {columnLetters(peek.firstColumn + j)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {peek.rows.map((line, i) => (
            <tr key={line.row}>
              <th className={mergeClasses(styles.peekCell, styles.peekHead)}>{line.row}</th>
              {line.cells.map((v, j) => (
                <td
                  key={j}
                  className={mergeClasses(
                    styles.peekCell,
                    i === peek.at.row && j === peek.at.column && styles.peekHit
                  )}
                  title={v}
                >
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
