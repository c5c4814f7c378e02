import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The looks several parts of the pane share, defined once: a title with its action at the
 * right, figures in columns, secondary text, lists inside a panel, a heading over its text.
 */
export const useSharedStyles = makeStyles({
  /** A title and, at the right, its button. */
  head: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px" },
  /** Figures: right-aligned, digits of one width, never broken over two lines. */
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  /** Secondary text: notes, reasons, hints. */
  muted: { color: tokens.colorNeutralForeground3 },
  /** A hint line under a heading or above a list. */
  hint: { color: tokens.colorNeutralForeground3, display: "block", margin: "4px 0 8px" },
  /** A bulleted list inside a message or panel. */
  list: { margin: "4px 0 8px", paddingLeft: "18px" },
  /** A row of buttons that wraps in a narrow pane. */
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0 12px" },
  /** A heading of a panel's part: space above it, and between it and its text. */
  heading: { display: "block", marginTop: "16px", marginBottom: "4px" },
  /** A paragraph under a heading. */
  paragraph: { margin: "4px 0 8px" },
  /** A table wider than a narrow pane (360 px) scrolls sideways instead of losing its last columns. */
  scroll: { overflowX: "auto", maxWidth: "100%" },
});
