import * as React from "react";
import { Badge, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { CellPeek } from "../hosts/port";
import { exactText, officialFigure } from "../scoring";
import { CardRecord, CommunityCard, communityTypeWords } from "../workbook/card";
import { advancedMark } from "../workbook/explain";
import { decisionHint } from "../workbook/marks";
import { EXPLAIN_WORDS as W, placeWords } from "./explain-words";
import { Handler } from "./handler";
import { Notice } from "./Notice";
import { useI18n } from "./i18n";
import { useSharedStyles } from "./styles";
import { NumberCell, Table, TableBody, TableCell, TableHead, TableRow } from "./table";

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    margin: "4px 0 12px",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: "12px",
    rowGap: "2px",
    margin: "6px 0",
  },
  row: { cursor: "pointer" },
  kind: { marginTop: "8px" },
});

/**
 * A community's card (issue 12): place, status, 距先进线 and 距上一名, the six categories against
 * their maxima, and every bonus record — counted or not — with points and reason. Clicking a
 * record selects its row in the workbook (Excel) or shows the cells around it (preview).
 */
export function CommunityCardView({
  card,
  onSelectRecord,
  onClose,
  peek,
  renderPeek,
}: {
  card: CommunityCard;
  onSelectRecord: Handler<[CardRecord]>;
  onClose: Handler;
  peek: CellPeek | null;
  renderPeek: (peek: CellPeek) => React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { say } = useI18n();
  const c = card.community;
  const record = (r: CardRecord) => (
    <TableRow
      key={`${r.sheet}-${r.row}`}
      className={styles.row}
      data-testid="card-record"
      tabIndex={0}
      title={say(W.cardSelectHint)}
      onClick={() => onSelectRecord(r)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onSelectRecord(r);
      }}
    >
      <NumberCell>{r.row}</NumberCell>
      <TableCell>
        <Text translate={r.typed ? "no" : undefined}>{say(r.label)}</Text>
        <Caption1 block className={shared.muted}>
          {r.reasons.map(say).join(say({ zh: "；", en: "; " }))}
        </Caption1>
      </TableCell>
      <NumberCell data-testid="card-record-points">{exactText(r.points)}</NumberCell>
    </TableRow>
  );
  const recordHeader = (
    <TableHead
      columns={[
        { label: say(W.cardRow), width: "40px" },
        `${say(W.cardItem)} · ${say(W.cardReason)}`,
        { label: say(W.cardPoints), width: "64px" },
      ]}
    />
  );
  return (
    <div className={styles.card} data-testid="community-card" data-community={c.name}>
      <div className={shared.head}>
        <Subtitle2>
          <span translate="no">{c.name}</span> <Caption1>{say(communityTypeWords(c.type))}</Caption1>
        </Subtitle2>
        <Button size="small" appearance="subtle" onClick={() => onClose()} data-testid="card-close">
          {say(W.cardClose)}
        </Button>
      </div>
      <div className={styles.facts}>
        <Caption1>{say(placeWords(c.rank, card.count))}</Caption1>
        <span>
          <Badge
            size="small"
            appearance={c.advanced === false ? "outline" : "filled"}
            title={c.decided === undefined ? undefined : decisionHint(c.decided)}
          >
            {say(advancedMark(c.advanced, c.eligible, c.decided !== undefined))}
          </Badge>
        </span>
        <Caption1>{say(W.cardTotal)}</Caption1>
        <Text className={shared.number} data-testid="card-total">
          {officialFigure(c.total)}
        </Text>
        {card.note && (
          <>
            <span />
            <Caption1 data-testid="card-note">{say(card.note)}</Caption1>
          </>
        )}
        <Caption1>{say(W.cardGapToCut)}</Caption1>
        <Text className={shared.number} data-testid="card-gap">
          {c.gapToCut === null ? say(W.cardNotEligible) : officialFigure(c.gapToCut)}
        </Text>
        <Caption1>{say(W.cardGapToAbove)}</Caption1>
        <Text className={shared.number}>{c.gapToAbove === null ? "—" : officialFigure(c.gapToAbove)}</Text>
      </div>
      <Table size="small" aria-label={say(W.cardCategories)}>
        <TableHead
          columns={[
            `${say(W.cardCategories)} ${officialFigure(c.target)}`,
            { label: say(W.cardMax), width: "56px" },
            { label: say(W.cardScore), width: "64px" },
          ]}
        />
        <TableBody>
          {card.categories.map((k) => (
            <TableRow key={k.key}>
              <TableCell>{say(k.name)}</TableCell>
              <NumberCell>{officialFigure(k.max)}</NumberCell>
              <NumberCell>{officialFigure(k.score)}</NumberCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {card.target && (
        <Table size="small" aria-label={say(W.cardCategories)}>
          <TableBody>{record(card.target)}</TableBody>
        </Table>
      )}
      {card.kinds.map((k) => (
        <div key={k.key} className={styles.kind} data-testid="card-kind" data-kind={k.key}>
          <Text weight="semibold">
            {say(k.name)} {officialFigure(k.subtotal)}
          </Text>
          {k.records.length === 0 ? (
            <Caption1 block>{say(W.cardNoRecords)}</Caption1>
          ) : (
            <Table size="small" aria-label={say(k.name)}>
              {recordHeader}
              <TableBody>{k.records.map(record)}</TableBody>
            </Table>
          )}
        </div>
      ))}
      {peek && renderPeek(peek)}
    </div>
  );
}

/** A note in place of the card when it cannot be shown. */
export function CardProblem({ text }: { text: string }): React.JSX.Element {
  return <Notice intent="warning" text={text} />;
}
