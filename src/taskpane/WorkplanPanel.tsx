import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Issue } from "../workbook/types";
import { WorkplanView } from "./controller";
import { Handler } from "./handler";
import { useI18n } from "./i18n";
import { IssueList } from "./IssueList";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  stats: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: "6px", margin: "8px 0" },
  stat: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: "6px 4px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  statNumber: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  section: { marginBottom: "8px" },
});

const percent = (x: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x);

export interface WorkplanPanelProps {
  view: WorkplanView | null;
  busy: boolean;
  onRefresh: () => void;
  onGenerate: () => void;
  onSelect: Handler<[Issue, string]>;
}

/** The 工作要点 summary: counts per status, completion, a progress bar per section, overdue and no-owner lists. */
export function WorkplanPanel({
  view,
  busy,
  onRefresh,
  onGenerate,
  onSelect,
}: WorkplanPanelProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, locale } = useI18n();
  const actions = (
    <div className={shared.actions}>
      <Button
        appearance="primary"
        disabled={busy || !view?.summary}
        onClick={onGenerate}
        data-testid="workplan-generate"
      >
        {t("workplanGenerate")}
      </Button>
      <Button disabled={busy} onClick={onRefresh} data-testid="workplan-refresh">
        {t("workplanRefresh")}
      </Button>
    </div>
  );
  if (!view) return actions;
  const s = view.summary;
  if (!s)
    return (
      <div data-testid="workplan-panel">
        <Notice intent="info" text={t("workplanNone")} />
        {actions}
      </div>
    );
  const stat = (label: string, n: number, id: string) => (
    <div className={styles.stat} data-testid={`workplan-${id}`}>
      <span className={styles.statNumber}>{n}</span>
      <Caption1>{label}</Caption1>
    </div>
  );
  return (
    <div data-testid="workplan-panel">
      <Field
        label={`${t("workplanTotal", { n: s.total })} · ${t("workplanPercent", { p: percent(s.percent, locale) })}`}
      >
        <ProgressBar
          value={s.percent}
          max={1}
          thickness="large"
          color="brand"
          aria-label={percent(s.percent, locale)}
        />
      </Field>
      <div className={styles.stats}>
        {stat(t("statusDone"), s.done, "done")}
        {stat(t("statusInProgress"), s.inProgress, "in-progress")}
        {stat(t("statusNotStarted"), s.notStarted, "not-started")}
        {stat(t("statusAdjusted"), s.adjusted, "adjusted")}
      </div>
      {actions}
      <Subtitle2 as="h2" block className={shared.heading}>
        {t("workplanSections")}
      </Subtitle2>
      {s.sections.map((sec) => (
        <Field
          key={sec.section}
          className={styles.section}
          label={{ children: sec.section, translate: "no" }}
          hint={`${t("statusDone")} ${sec.done}/${sec.total} · ${t("statusInProgress")} ${sec.inProgress} · ${t("statusNotStarted")} ${sec.notStarted} · ${t("statusAdjusted")} ${sec.adjusted}`}
        >
          <ProgressBar
            value={sec.percent}
            max={1}
            aria-label={`${sec.section} ${percent(sec.percent, locale)}`}
          />
        </Field>
      ))}
      <Subtitle2 as="h2" block className={shared.heading}>
        {t("workplanOverdue", { today: view.today })}
      </Subtitle2>
      {s.overdue.length === 0 ? (
        <Body1 as="p">{t("workplanNoneOverdue")}</Body1>
      ) : (
        <ul className={shared.list} data-testid="workplan-overdue">
          {s.overdue.map((p) => (
            <li key={p.row}>
              <Text translate="no">{p.point}</Text>{" "}
              <Caption1>{t("workplanWhereDue", { row: p.row, due: p.due })}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h2" block className={shared.heading}>
        {t("workplanNoOwner")}
      </Subtitle2>
      {s.noOwner.length === 0 ? (
        <Body1 as="p">{t("workplanAllOwned")}</Body1>
      ) : (
        <ul className={shared.list} data-testid="workplan-no-owner">
          {s.noOwner.map((p) => (
            <li key={p.row}>
              <Text translate="no">{p.point}</Text> <Caption1>{t("workplanWhere", { row: p.row })}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {view.issues.length > 0 && <IssueList issues={view.issues} onSelect={onSelect} />}
    </div>
  );
}
