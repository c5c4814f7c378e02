import * as React from "react";
import { Badge, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { CellPeek } from "../hosts/port";
import { Advanced, AssessmentResult, DecisionRecord, officialFigure } from "../scoring";
import { CardRecord } from "../workbook/card";
import { CardProblem, CommunityCardView } from "./CommunityCardView";
import { CardOutcome } from "./explain";
import { EXPLAIN_WORDS as W } from "./explain-words";
import { decidedLabel, decisionHint } from "../workbook/marks";
import { individualsToShow } from "../workbook/report";
import { useI18n } from "./i18n";
import { useSharedStyles } from "./styles";
import { NumberCell, Table, TableBody, TableCell, TableHead, TableRow } from "./table";

const TOP = 12;

const useStyles = makeStyles({
  name: { whiteSpace: "nowrap" },
  advanced: { backgroundColor: tokens.colorPaletteLightGreenBackground1 },
  tie: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  // Headers on one line: in a narrow pane the table scrolls sideways rather than break 距先进线 into letters.
  table: { marginTop: "4px", marginBottom: "12px", tableLayout: "auto", "& th": { whiteSpace: "nowrap" } },
  rank: { width: "40px" },
  score: { width: "64px" },
  badgeCol: { width: "96px" },
  badge: { whiteSpace: "nowrap" },
});

/** What the advanced column says: advanced, tie (并列待定), not eligible (村改居), or nothing. */
export function advancedWord(
  advanced: Advanced,
  eligible: boolean
): "advanced" | "tie" | "not-eligible" | "no" {
  return advanced === true ? "advanced" : advanced === "tie" ? "tie" : eligible ? "no" : "not-eligible";
}

function AdvancedBadge({
  advanced,
  eligible,
  person,
  decided,
}: {
  advanced: Advanced;
  eligible: boolean;
  person: boolean;
  decided?: DecisionRecord;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { t, say } = useI18n();
  if (decided !== undefined && advanced !== "tie")
    return (
      <Badge
        className={styles.badge}
        color={advanced ? "success" : "informative"}
        appearance={advanced ? "filled" : "outline"}
        size="small"
        title={decisionHint(decided)}
        data-testid="decided-badge"
      >
        {say(decidedLabel(advanced))}
      </Badge>
    );
  switch (advancedWord(advanced, eligible)) {
    case "advanced":
      return (
        <Badge className={styles.badge} color="success" appearance="filled" size="small">
          {t(person ? "advancedPerson" : "advancedYes")}
        </Badge>
      );
    case "tie":
      return (
        <Badge className={styles.badge} color="warning" appearance="filled" size="small" title={t("tieHint")}>
          {t("advancedTie")}
        </Badge>
      );
    case "not-eligible":
      return (
        <Badge
          className={styles.badge}
          color="informative"
          appearance="outline"
          size="small"
          title={t("notEligibleHint")}
        >
          {t("notEligible")}
        </Badge>
      );
    default:
      return null;
  }
}

/** What the ranking needs to open a community's card (issue 12); without it rows are not clickable. */
export interface CardActions {
  open: (name: string) => Promise<CardOutcome | null>;
  /** Selects the record's row in the workbook; the preview returns the cells around it. */
  select: (record: CardRecord) => Promise<CellPeek | null>;
  renderPeek: (peek: CellPeek) => React.ReactNode;
}

/**
 * The top of the ranking (all on request) with 距先进线, and the advanced individuals, as the pane
 * shows them after Rank. Clicking a community opens its card above the table.
 */
export function RankingView({
  result,
  cards,
}: {
  result: AssessmentResult;
  cards?: CardActions;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, say } = useI18n();
  const [all, setAll] = React.useState(false);
  const [card, setCard] = React.useState<{ name: string; outcome: CardOutcome | null } | null>(null);
  const [peek, setPeek] = React.useState<CellPeek | null>(null);
  const open = (name: string) => {
    if (!cards) return;
    setPeek(null);
    cards.open(name).then(
      (outcome) => setCard({ name, outcome }),
      () => setCard({ name, outcome: null })
    );
  };
  const shown = all ? result.communities : result.communities.slice(0, TOP);
  const people = individualsToShow(result);
  return (
    <div data-testid="ranking-view">
      <div className={shared.head}>
        <Subtitle2>
          {result.communities.length > TOP && !all
            ? t("rankTop", { n: TOP })
            : t("rankAll", { n: result.communities.length })}
        </Subtitle2>
        {result.communities.length > TOP && (
          <Button size="small" appearance="subtle" onClick={() => setAll(!all)}>
            {all ? t("showTop", { n: TOP }) : t("showAll")}
          </Button>
        )}
      </div>
      {cards && !card && <Caption1 block>{say(W.cardOpenHint)}</Caption1>}
      {cards &&
        card &&
        (card.outcome?.kind === "ok" ? (
          <CommunityCardView
            card={card.outcome.card}
            peek={peek}
            renderPeek={cards.renderPeek}
            onClose={() => setCard(null)}
            onSelectRecord={(r) => void cards.select(r).then(setPeek, () => setPeek(null))}
          />
        ) : (
          <CardProblem text={say(card.outcome ? W.cardInputErrors : W.cardGone)} />
        ))}
      <div className={shared.scroll} data-testid="ranking-scroll">
        <Table size="small" className={styles.table} aria-label={t("tabResults")} data-testid="ranking-table">
          <TableHead
            columns={[
              { label: t("colRank"), className: styles.rank },
              t("colCommunity"),
              { label: t("colTarget"), className: styles.score },
              { label: t("colTotal"), className: styles.score },
              { label: t("colAdvanced"), className: styles.badgeCol },
              { label: say(W.cardGapToCut), className: styles.score },
            ]}
          />
          <TableBody>
            {shown.map((c) => (
              <TableRow
                key={c.name}
                data-testid="ranking-row"
                tabIndex={cards ? 0 : undefined}
                style={cards ? { cursor: "pointer" } : undefined}
                onClick={cards ? () => open(c.name) : undefined}
                onKeyDown={cards ? (e) => e.key === "Enter" && open(c.name) : undefined}
                data-advanced={advancedWord(c.advanced, c.eligible)}
                className={
                  c.advanced === true ? styles.advanced : c.advanced === "tie" ? styles.tie : undefined
                }
              >
                <NumberCell>{c.rank}</NumberCell>
                <TableCell className={styles.name} data-testid="ranking-name" translate="no">
                  {c.name}
                </TableCell>
                <NumberCell>{officialFigure(c.target)}</NumberCell>
                <NumberCell
                  data-testid="ranking-total"
                  title={`${t("colTarget")} ${officialFigure(c.target)} + ${t("colRewards")} ${officialFigure(c.rewards)}`}
                >
                  {officialFigure(c.total)}
                </NumberCell>
                <TableCell>
                  <AdvancedBadge
                    advanced={c.advanced}
                    eligible={c.eligible}
                    person={false}
                    decided={c.decided}
                  />
                </TableCell>
                <NumberCell data-testid="ranking-gap">
                  {c.gapToCut === null ? "" : officialFigure(c.gapToCut)}
                </NumberCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {people.length > 0 && (
        <>
          <Subtitle2>{t("individualsTitle")}</Subtitle2>
          <div className={shared.scroll}>
            <Table
              size="small"
              className={styles.table}
              aria-label={t("individualsTitle")}
              data-testid="individuals-table"
            >
              <TableBody>
                {people.map((p) => (
                  <TableRow
                    key={`${p.name}-${p.row}`}
                    className={
                      p.advanced === true ? styles.advanced : p.advanced === "tie" ? styles.tie : undefined
                    }
                  >
                    <NumberCell className={styles.rank}>{p.rank}</NumberCell>
                    <TableCell className={styles.name} translate="no">
                      {p.name}
                    </TableCell>
                    <TableCell translate="no">
                      <Caption1>{p.community}</Caption1>
                    </TableCell>
                    <NumberCell>{officialFigure(p.score)}</NumberCell>
                    <TableCell>
                      <AdvancedBadge advanced={p.advanced} eligible={p.eligible} person decided={p.decided} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
