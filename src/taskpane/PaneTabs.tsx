import * as React from "react";
import { makeStyles, Tab, TabList } from "@fluentui/react-components";
import { Handler } from "./handler";
import { useI18n } from "./i18n";
import { TabValue } from "./pane-state";

const useStyles = makeStyles({
  tabs: { flexWrap: "wrap" },
});

/** The pane's tabs: results, issues (with their count once checked), work plan, settings, sharing. */
export function PaneTabs({
  tab,
  issueCount,
  onTab,
}: {
  tab: TabValue;
  /** Errors and warnings of the last check; 0 or null shows no count. */
  issueCount: number | null;
  onTab: Handler<[TabValue]>;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <TabList
      className={styles.tabs}
      selectedValue={tab}
      onTabSelect={(_, data) => onTab(data.value as TabValue)}
      size="small"
    >
      <Tab value="ranking" data-testid="tab-ranking">
        {t("tabResults")}
      </Tab>
      <Tab value="issues" data-testid="tab-issues">
        {t("tabIssues")}
        {issueCount ? ` (${issueCount})` : ""}
      </Tab>
      <Tab value="workplan" data-testid="tab-workplan">
        {t("tabWorkplan")}
      </Tab>
      <Tab value="settings" data-testid="tab-settings">
        {t("tabSettings")}
      </Tab>
      <Tab value="share" data-testid="tab-share">
        {t("tabShare")}
      </Tab>
    </TabList>
  );
}
