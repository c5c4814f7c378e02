import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
} from "@fluentui/react-components";
import { Reading } from "../explain";
import { Msg, officialFigure } from "../scoring";
import { advancedMark, readingName, readingSummary } from "../workbook/explain";
import { Issue, OutputValue } from "../workbook/types";
import { SettingRow } from "./controller";
import { ApplyOutcome, TryOutcome } from "./explain";
import { EXPLAIN_WORDS as W } from "./explain-words";
import { useI18n } from "./i18n";
import { Notice } from "./Notice";
import { Section } from "./Section";
import { NumberCell, Table, TableBody, TableCell, TableHead, TableRow } from "./table";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: "8px", margin: "6px 0" },
  // The key on a row of its own: the pane is ~320–450 px wide and setting names are long.
  key: { flexBasis: "100%", minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  value: { width: "120px" },
  // Fluent's Input is wider than the field by default: keep it inside, off the buttons.
  input: { width: "100%", minWidth: 0 },
  reading: { margin: "6px 0" },
});

const shownValue = (v: OutputValue) => (v === null ? "" : String(v));
const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);

export interface WhatifActions {
  tryValue: (key: string, value: string) => Promise<TryOutcome>;
  /** Writes the value to 设置 and ranks (the pane's 一键排名 flow, with its confirmation). */
  apply: (key: string, value: string) => Promise<ApplyOutcome>;
  analyse: () => Promise<{ kind: "inputErrors"; issues: Issue[] } | { kind: "ok"; readings: Reading[] }>;
}

/** An action of a panel that takes a while: `working` meanwhile (its buttons off), its last problem cleared first. */
function useAttempt() {
  const [problem, setProblem] = React.useState<Msg | null>(null);
  const [working, setWorking] = React.useState(false);
  const attempt = async (action: () => Promise<void>) => {
    setWorking(true);
    setProblem(null);
    try {
      await action();
    } finally {
      setWorking(false);
    }
  };
  return { problem, setProblem, working, attempt };
}

/** 试算 on the 设置 tab (issue 12): one setting changed, the movements shown, nothing written until 应用. */
export function WhatifPanel({
  rows,
  actions,
}: {
  rows: readonly SettingRow[];
  actions: WhatifActions;
}): React.JSX.Element {
  const styles = useStyles();
  const { say } = useI18n();
  const [key, setKey] = React.useState(rows[0]?.id ?? "");
  const row = rows.find((r) => r.id === key);
  const [value, setValue] = React.useState(shownValue(row?.value ?? null));
  const [outcome, setOutcome] = React.useState<TryOutcome | null>(null);
  const { problem, setProblem, working, attempt } = useAttempt();
  const name = key; // the setting id: parseSettingAssignment reads ids as well as zh and en names

  const onTry = () => attempt(async () => setOutcome(await actions.tryValue(name, value)));
  const onApply = () =>
    attempt(async () => {
      const done = await actions.apply(name, value);
      if (done.kind === "badInput") setProblem(done.message);
      else if (done.kind === "noSettingsSheet") setProblem(W.whatifNoSheet);
      else setOutcome(null);
    });

  return (
    <Section title={say(W.whatifTitle)} intro={say(W.whatifIntro)} testId="whatif-panel">
      <div className={styles.form}>
        <Field label={say(W.whatifKey)} className={styles.key}>
          <Select
            className={styles.select}
            value={key}
            data-testid="whatif-key"
            onChange={(_, d) => {
              setKey(d.value);
              setValue(shownValue(rows.find((r) => r.id === d.value)?.value ?? null));
              setOutcome(null);
            }}
          >
            {rows.map((r) => (
              <option key={r.id} value={r.id}>
                {say(r.name)}
                {r.interpretation ? " [I]" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={say(W.whatifValue)} className={styles.value}>
          <Input
            className={styles.input}
            value={value}
            data-testid="whatif-value"
            onChange={(_, d) => setValue(d.value)}
          />
        </Field>
        <Button appearance="primary" disabled={working} onClick={() => void onTry()} data-testid="whatif-try">
          {say(W.whatifTry)}
        </Button>
        <Button disabled={working} onClick={() => void onApply()} data-testid="whatif-apply">
          {say(W.whatifApply)}
        </Button>
      </div>
      {problem && <Problem text={say(problem)} />}
      {outcome && <TryResult outcome={outcome} />}
    </Section>
  );
}

function Problem({ text }: { text: string }): React.JSX.Element {
  return <Notice intent="warning" text={text} testId="whatif-problem" />;
}

/** What moved: communities (rank, total, advanced) and individuals (rank, advanced), before → after. */
export function TryResult({ outcome }: { outcome: TryOutcome }): React.JSX.Element {
  const { say } = useI18n();
  if (outcome.kind === "badInput") return <Problem text={say(outcome.message)} />;
  if (outcome.kind === "inputErrors") return <Problem text={say(W.whatifInputErrors)} />;
  if (outcome.kind === "refused")
    return <Problem text={outcome.issues.map((i) => say(i.message)).join(say({ zh: "；", en: "; " }))} />;
  const { communities, individuals } = outcome.moves;
  // 规则 §10: decisions the changed settings leave without their tie are listed, not applied.
  const unapplied =
    outcome.unapplied.length > 0 ? (
      <Notice
        intent="warning"
        text={outcome.unapplied.map((i) => say(i.message)).join(say({ zh: "；", en: "; " }))}
        testId="whatif-unapplied"
      />
    ) : null;
  if (communities.length === 0 && individuals.length === 0)
    return (
      <>
        <Body1 as="p" data-testid="whatif-nothing">
          {say(W.whatifNothing)}
        </Body1>
        {unapplied}
      </>
    );
  const mark = (a: Parameters<typeof advancedMark>[0], eligible: boolean) => say(advancedMark(a, eligible));
  return (
    <div data-testid="whatif-moves">
      {unapplied}
      {communities.length > 0 && (
        <Table size="small" aria-label={say(W.whatifTitle)}>
          <TableHead columns={[W.whatifCommunity, W.whatifRank, W.cardTotal, W.whatifAdvanced].map(say)} />
          <TableBody>
            {communities.map((m) => (
              <TableRow key={m.name} data-testid="whatif-move">
                <TableCell translate="no">{m.name}</TableCell>
                <NumberCell>{arrow(String(m.rankBefore), String(m.rankAfter))}</NumberCell>
                <NumberCell>{arrow(officialFigure(m.totalBefore), officialFigure(m.totalAfter))}</NumberCell>
                <TableCell>
                  {arrow(mark(m.advancedBefore, m.eligible), mark(m.advancedAfter, m.eligible))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {individuals.length > 0 && (
        <Table size="small" aria-label={say(W.whatifPerson)}>
          <TableHead columns={[W.whatifPerson, W.whatifCommunity, W.whatifRank, W.whatifAdvanced].map(say)} />
          <TableBody>
            {individuals.map((m) => (
              <TableRow key={m.row} data-testid="whatif-person">
                <TableCell translate="no">{m.name}</TableCell>
                <TableCell translate="no">{m.community}</TableCell>
                <NumberCell>{arrow(String(m.rankBefore), String(m.rankAfter))}</NumberCell>
                <TableCell>{arrow(mark(m.advancedBefore, true), mark(m.advancedAfter, true))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

/** The panel of 规则 [I] readings: run on request (a few dozen re-rankings), one line each. */
export function InterpretationsPanel({ actions }: { actions: WhatifActions }): React.JSX.Element {
  const { say } = useI18n();
  const [readings, setReadings] = React.useState<Reading[] | null>(null);
  const { problem, setProblem, working, attempt } = useAttempt();
  const run = () =>
    attempt(async () => {
      const r = await actions.analyse();
      if (r.kind === "ok") setReadings(r.readings);
      else setProblem(W.whatifInputErrors);
    });
  return (
    <Section title={say(W.interpretTitle)} intro={say(W.interpretIntro)} testId="interpretations-panel">
      <Button disabled={working} onClick={() => void run()} data-testid="interpretations-run">
        {say(W.interpretRun)}
      </Button>
      {problem && <Problem text={say(problem)} />}
      {readings && <ReadingList readings={readings} />}
    </Section>
  );
}

/** One line per [I] reading: its name, whether it changes the advanced lists, and how. */
export function ReadingList({ readings }: { readings: readonly Reading[] }): React.JSX.Element {
  const styles = useStyles();
  const { say } = useI18n();
  return (
    <>
      {readings.map((r) => (
        <div key={r.id} className={styles.reading} data-testid="interpretation" data-changes={r.changes}>
          <Text weight="semibold">{say(readingName(r))} </Text>
          <Badge size="small" color={r.changes ? "warning" : "success"} appearance="tint">
            {say(r.changes ? W.interpretChanges : W.interpretSame)}
          </Badge>
          <Caption1 block>{say(readingSummary(r))}</Caption1>
        </div>
      ))}
    </>
  );
}
