import * as React from "react";
import { Button, makeStyles, Tooltip } from "@fluentui/react-components";
import { Handler } from "./handler";
import { StringKey, useI18n } from "./i18n";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
});

/** One of the pane's main actions: a button with its hint as a tooltip and a test id. */
export interface PaneAction {
  label: StringKey;
  hint: StringKey;
  onClick: Handler;
  testId: string;
  primary?: boolean;
}

/** The row of main actions (一键排名, 校验, 创建模板, 共享准备 …), all disabled while one runs. */
export function PaneActions({
  actions,
  disabled,
}: {
  actions: readonly PaneAction[];
  disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.actions}>
      {actions.map((a) => (
        <Tooltip key={a.testId} content={t(a.hint)} relationship="description" withArrow>
          <Button
            appearance={a.primary ? "primary" : "secondary"}
            disabled={disabled}
            onClick={a.onClick}
            data-testid={a.testId}
          >
            {t(a.label)}
          </Button>
        </Tooltip>
      ))}
    </div>
  );
}
