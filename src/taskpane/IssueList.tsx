import * as React from "react";
import {
  Badge,
  Caption1,
  CounterBadge,
  List,
  ListItem,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Issue } from "../workbook/types";
import { groupIssues } from "./controller";
import { Handler } from "./handler";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  group: { marginBottom: "12px" },
  groupHead: { display: "flex", alignItems: "center", gap: "6px", marginBottom: "4px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    marginBottom: "4px",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  where: { display: "flex", alignItems: "center", gap: "6px" },
  plain: { cursor: "default" },
});

/** Where an issue points: the cell to select, or null when it concerns a whole sheet. */
export function issueTarget(issue: Issue): string | null {
  if (issue.cell) return issue.cell;
  if (issue.row !== undefined) return `A${issue.row}`;
  return null;
}

export interface IssueListProps {
  issues: readonly Issue[];
  onSelect: Handler<[Issue, string]>;
}

/** Issues grouped by sheet with severity badges and counts; an issue with a cell is an action (click / Enter). */
export function IssueList({ issues, onSelect }: IssueListProps): React.JSX.Element {
  const styles = useStyles();
  const { t, say } = useI18n();
  const groups = groupIssues(issues);
  return (
    <div data-testid="issue-list">
      {groups.map((g) => (
        <section key={g.sheet} className={styles.group} aria-label={g.sheet} data-testid="issue-group">
          <div className={styles.groupHead}>
            <Subtitle2 translate="no">{g.sheet}</Subtitle2>
            {g.errors > 0 && (
              <CounterBadge
                count={g.errors}
                color="danger"
                aria-label={`${t("severityError")} ${g.errors}`}
              />
            )}
            {g.warnings > 0 && (
              <CounterBadge
                count={g.warnings}
                color="important"
                appearance="ghost"
                aria-label={`${t("severityWarning")} ${g.warnings}`}
              />
            )}
          </div>
          <List navigationMode="items" aria-label={g.sheet}>
            {g.issues.map((issue, i) => {
              const cell = issueTarget(issue);
              const where = [
                issue.row !== undefined ? t("issueRow", { row: issue.row }) : t("issueSheetLevel"),
                issue.column,
                issue.cell,
              ]
                .filter((x) => x !== undefined && x !== "")
                .join(" · ");
              const severity = issue.severity === "error" ? t("severityError") : t("severityWarning");
              return (
                <ListItem
                  key={`${issue.row ?? 0}-${issue.column ?? ""}-${i}`}
                  value={`${g.sheet}-${i}`}
                  className={mergeClasses(
                    styles.item,
                    issue.severity === "error" ? styles.error : styles.warning,
                    !cell && styles.plain
                  )}
                  data-testid="issue-item"
                  data-severity={issue.severity}
                  data-cell={cell ?? ""}
                  aria-label={`${severity} ${g.sheet} ${where}: ${say(issue.message)}`}
                  onAction={cell ? () => onSelect(issue, cell) : undefined}
                >
                  <span className={styles.where}>
                    <Badge
                      size="small"
                      appearance={issue.severity === "error" ? "filled" : "tint"}
                      color={issue.severity === "error" ? "danger" : "warning"}
                    >
                      {severity}
                    </Badge>
                    <Caption1>{where}</Caption1>
                  </span>
                  <Text>{say(issue.message)}</Text>
                </ListItem>
              );
            })}
          </List>
        </section>
      ))}
    </div>
  );
}
