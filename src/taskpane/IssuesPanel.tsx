import * as React from "react";
import { Body1, Caption1 } from "@fluentui/react-components";
import { CellPeek } from "../hosts/port";
import { Issue } from "../workbook/types";
import { countIssues } from "./controller";
import { CellPeekView } from "./CellPeekView";
import { useI18n } from "./i18n";
import { IssueList } from "./IssueList";
import { useSharedStyles } from "./styles";

/** The 校验结果 tab: a summary with the time of the check, the clicked cell's peek, the issue list. */
export function IssuesPanel({
  issues,
  validatedAt,
  peek,
  onSelect,
}: {
  /** null: not checked yet. */
  issues: readonly Issue[] | null;
  validatedAt: Date | null;
  peek: CellPeek | null;
  onSelect: (issue: Issue, cell: string) => void;
}): React.JSX.Element {
  const styles = useSharedStyles();
  const { t, locale } = useI18n();
  if (issues === null) return <Body1 as="p">{t("issuesNotYet")}</Body1>;
  return (
    <>
      <Body1 as="p" data-testid="issues-summary">
        {issues.length === 0 ? t("issuesNone") : t("issuesSummary", countIssues(issues))}
        {validatedAt ? ` · ${t("validatedAt", { time: validatedAt.toLocaleTimeString(locale) })}` : ""}
      </Body1>
      {issues.length > 0 && <Caption1 className={styles.hint}>{t("issuesClickHint")}</Caption1>}
      {peek && <CellPeekView peek={peek} />}
      <IssueList issues={issues} onSelect={onSelect} />
    </>
  );
}
