import * as React from "react";
import { Body1, Button, Text } from "@fluentui/react-components";
import { FunctionCells, HostCapabilities } from "../hosts/port";
import { useI18n } from "./i18n";
import { Notice } from "./Notice";
import { Section } from "./Section";
import { useSharedStyles } from "./styles";

export interface SharePanelProps {
  capabilities: HostCapabilities;
  cells: FunctionCells | null;
  busy: boolean;
  onCheck: () => void;
  onPrepare: () => void;
}

/** Prepare to share: how many KH. cells there are, the conversion, and what a colleague without the add-in sees. */
export function SharePanel({
  capabilities,
  cells,
  busy,
  onCheck,
  onPrepare,
}: SharePanelProps): React.JSX.Element {
  const styles = useSharedStyles();
  const { t, list } = useI18n();
  return (
    <Section title={t("shareTitle")} testId="share-panel">
      {cells && (
        <Body1 as="p" className={styles.paragraph} data-testid="share-count">
          {cells.total === 0
            ? t("shareCountNone")
            : t("shareCount", {
                n: cells.total,
                sheets: list(cells.bySheet.map((s) => `${s.sheet} ${s.count}`)),
              })}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={onPrepare} data-testid="share-prepare">
          {t("actionShare")}
        </Button>
        <Button disabled={busy} onClick={onCheck} data-testid="share-check">
          {t("shareCheck")}
        </Button>
      </div>
      <Text weight="semibold">{t("shareRecipient")}</Text>
      <ul className={styles.list} data-testid="share-recipient">
        <li>{t("shareRecipient1")}</li>
        <li>{t("shareRecipient2")}</li>
        <li>{t("shareRecipient3")}</li>
        <li>{t("shareRecipient4")}</li>
      </ul>
      {!capabilities.autoOpen && <Notice intent="info" text={t("sharePreviewNote")} />}
    </Section>
  );
}
