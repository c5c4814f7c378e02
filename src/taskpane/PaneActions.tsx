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

/**
 * One action: its hint shows below it (never over the preview bar above, where 下载结果 waits
 * for the next click) and goes once the button is pressed, not lingering over what comes next.
 */
function ActionButton({ action, disabled }: { action: PaneAction; disabled: boolean }): React.JSX.Element {
  const { t } = useI18n();
  const [hint, setHint] = React.useState(false);
  // Pressed: the hint stays away until the pointer leaves the button (it came back on re-enabling).
  const pressed = React.useRef(false);
  return (
    <Tooltip
      content={t(action.hint)}
      relationship="description"
      positioning="below"
      withArrow
      visible={hint}
      onVisibleChange={(_, data) => setHint(data.visible && !pressed.current)}
    >
      <Button
        appearance={action.primary ? "primary" : "secondary"}
        disabled={disabled}
        onClick={() => {
          pressed.current = true;
          setHint(false);
          action.onClick();
        }}
        onPointerLeave={() => (pressed.current = false)}
        data-testid={action.testId}
      >
        {t(action.label)}
      </Button>
    </Tooltip>
  );
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
  return (
    <div className={styles.actions}>
      {actions.map((a) => (
        <ActionButton key={a.testId} action={a} disabled={disabled} />
      ))}
    </div>
  );
}
