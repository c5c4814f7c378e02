import { Advanced, AssessmentResult, Exact, foldKey } from "../scoring";

/**
 * What moved between two assessments of the same records (规则 §8 whatif): the communities and
 * individuals whose rank, total or advanced mark changed, in the order of the second ranking.
 */
export interface CommunityMove {
  name: string;
  eligible: boolean;
  rankBefore: number;
  rankAfter: number;
  totalBefore: Exact;
  totalAfter: Exact;
  advancedBefore: Advanced;
  advancedAfter: Advanced;
  /** With `MoveOptions.money`: the money each side gives, in cents (absent: none). */
  moneyBefore?: bigint;
  moneyAfter?: bigint;
}

export interface IndividualMove {
  name: string;
  community: string;
  /** The staff row: names may repeat, rows do not. */
  row: number;
  rankBefore: number;
  rankAfter: number;
  advancedBefore: Advanced;
  advancedAfter: Advanced;
}

export interface Moves {
  communities: CommunityMove[];
  individuals: IndividualMove[];
}

/**
 * How two assessments are lined up. whatif ranks the same records twice: a person is the same
 * staff row. Two files (compare) have rows inserted and deleted: a person is the same folded 姓名
 * and 社区, the n-th of that name before paired with the n-th after; and money that moved counts.
 */
export interface MoveOptions {
  samePerson: "row" | "name";
  money: boolean;
}

const WHATIF: MoveOptions = { samePerson: "row", money: false };

type Person = AssessmentResult["individuals"][number];

/** The person of `before` each person of `after` is, by row or by folded name and community. */
function pairPeople(before: AssessmentResult, after: AssessmentResult, by: MoveOptions["samePerson"]) {
  if (by === "row") {
    const wasPerson = new Map(before.individuals.map((p) => [p.row, p]));
    return (p: Person) => wasPerson.get(p.row);
  }
  const key = (p: Person) => `${foldKey(p.name)}\u0000${foldKey(p.community)}`;
  const queues = new Map<string, Person[]>();
  for (const p of [...before.individuals].sort((x, y) => x.row - y.row)) {
    const q = queues.get(key(p));
    if (q) q.push(p);
    else queues.set(key(p), [p]);
  }
  const paired = new Map<Person, Person>();
  for (const p of [...after.individuals].sort((x, y) => x.row - y.row)) {
    const b = queues.get(key(p))?.shift();
    if (b) paired.set(p, b);
  }
  return (p: Person) => paired.get(p);
}

export function movesBetween(
  before: AssessmentResult,
  after: AssessmentResult,
  options: MoveOptions = WHATIF
): Moves {
  const was = new Map(before.communities.map((c) => [c.name, c]));
  const communities: CommunityMove[] = [];
  for (const c of after.communities) {
    const b = was.get(c.name);
    const moneyMoved = options.money && b !== undefined && b.moneyCents !== c.moneyCents;
    if (!b || (b.rank === c.rank && b.total.eq(c.total) && b.advanced === c.advanced && !moneyMoved))
      continue;
    communities.push({
      name: c.name,
      eligible: c.eligible,
      rankBefore: b.rank,
      rankAfter: c.rank,
      totalBefore: b.total,
      totalAfter: c.total,
      advancedBefore: b.advanced,
      advancedAfter: c.advanced,
      ...(options.money ? { moneyBefore: b.moneyCents, moneyAfter: c.moneyCents } : {}),
    });
  }
  const samePerson = pairPeople(before, after, options.samePerson);
  const individuals: IndividualMove[] = [];
  for (const p of after.individuals) {
    const b = samePerson(p);
    if (!b || (b.rank === p.rank && b.advanced === p.advanced)) continue;
    individuals.push({
      name: p.name,
      community: p.community,
      row: p.row,
      rankBefore: b.rank,
      rankAfter: p.rank,
      advancedBefore: b.advanced,
      advancedAfter: p.advanced,
    });
  }
  return { communities, individuals };
}

/** Only the moves that change who is advanced (or tied at the cut): the winners' list. */
export function advancedMoves(moves: Moves): Moves {
  return {
    communities: moves.communities.filter((m) => m.advancedBefore !== m.advancedAfter),
    individuals: moves.individuals.filter((m) => m.advancedBefore !== m.advancedAfter),
  };
}

export function isEmpty(moves: Moves): boolean {
  return moves.communities.length === 0 && moves.individuals.length === 0;
}
