import * as React from "react";
import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { Issue, OutputValue } from "../workbook/types";
import { SettingsView } from "./controller";
import { Handler } from "./handler";
import { useI18n } from "./i18n";
import { IssueList } from "./IssueList";
import { Notice } from "./Notice";
import { Section } from "./Section";
import { useSharedStyles } from "./styles";
import { Table, TableBody, TableCell, TableHead, TableRow } from "./table";
import { InterpretationsPanel, WhatifActions, WhatifPanel } from "./WhatifPanel";

const useStyles = makeStyles({
  name: { display: "flex", flexDirection: "column", gap: "2px", padding: "4px 0" },
  value: { fontVariantNumeric: "tabular-nums", wordBreak: "break-word" },
  changed: { fontWeight: tokens.fontWeightSemibold },
  source: { width: "84px" },
});

export interface SettingsPanelProps {
  view: SettingsView | null;
  onSelect: Handler<[Issue, string]>;
  /** 试算, 应用 and the weight of each [I] reading (issue 12). */
  whatif?: WhatifActions;
}

/** The rules in force: each key's value, whether it comes from the 设置 sheet (and which row) or the default. */
export function SettingsPanel({ view, onSelect, whatif }: SettingsPanelProps): React.JSX.Element | null {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, say } = useI18n();
  if (!view) return null;
  const blank = (v: OutputValue) => v === null || v === "";
  const shown = (v: OutputValue) => (blank(v) ? t("settingsBlank") : String(v));
  // A value as the 设置 sheet holds it (the user's words); "(blank)" is ours.
  const value = (v: OutputValue) => (blank(v) ? shown(v) : <span translate="no">{shown(v)}</span>);
  return (
    <Section title={t("settingsTitle")} intro={t("settingsIntro")} testId="settings-panel">
      {!view.sheetName && <Notice intent="info" text={t("settingsNoSheet")} />}
      {whatif && <WhatifPanel rows={view.rows} actions={whatif} />}
      {whatif && <InterpretationsPanel actions={whatif} />}
      <Table size="small" aria-label={t("settingsTitle")}>
        <TableHead
          columns={[
            t("settingsKey"),
            t("settingsValue"),
            { label: t("settingsSource"), className: styles.source },
          ]}
        />
        <TableBody>
          {view.rows.map((r) => {
            const differs = shown(r.value) !== shown(r.defaultValue);
            return (
              <TableRow
                key={r.id}
                data-testid="setting-row"
                data-source={r.sheetRow === null ? "default" : "sheet"}
              >
                <TableCell>
                  <div className={styles.name}>
                    <Text weight="semibold">
                      {say(r.name)}{" "}
                      {r.interpretation && (
                        <Badge size="small" appearance="outline">
                          [I]
                        </Badge>
                      )}
                    </Text>
                    <Caption1 className={shared.muted}>{say(r.note)}</Caption1>
                  </div>
                </TableCell>
                <TableCell className={mergeClasses(styles.value, differs && styles.changed)}>
                  {value(r.value)}
                  {differs && (
                    <Caption1 className={shared.muted} block>
                      {t("settingsDefault")}: {value(r.defaultValue)}
                    </Caption1>
                  )}
                </TableCell>
                <TableCell>
                  {r.sheetRow === null ? (
                    <Badge size="small" appearance="tint" color="informative">
                      {t("settingsFromDefault")}
                    </Badge>
                  ) : (
                    <Badge size="small" appearance="filled" color="brand">
                      {t("settingsFromSheet")} {t("issueRow", { row: r.sheetRow })}
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {view.issues.length > 0 && (
        <Section title={t("settingsIssues")}>
          <IssueList issues={view.issues} onSelect={onSelect} />
        </Section>
      )}
    </Section>
  );
}
