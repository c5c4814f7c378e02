import { Advanced, AssessmentResult, Exact } from "../scoring";

/**
 * What moved between two assessments of the same records (SPEC §8 whatif): the communities and
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

export function movesBetween(before: AssessmentResult, after: AssessmentResult): Moves {
  const was = new Map(before.communities.map((c) => [c.name, c]));
  const communities: CommunityMove[] = [];
  for (const c of after.communities) {
    const b = was.get(c.name);
    if (!b || (b.rank === c.rank && b.total.eq(c.total) && b.advanced === c.advanced)) continue;
    communities.push({
      name: c.name,
      eligible: c.eligible,
      rankBefore: b.rank,
      rankAfter: c.rank,
      totalBefore: b.total,
      totalAfter: c.total,
      advancedBefore: b.advanced,
      advancedAfter: c.advanced,
    });
  }
  const wasPerson = new Map(before.individuals.map((p) => [p.row, p]));
  const individuals: IndividualMove[] = [];
  for (const p of after.individuals) {
    const b = wasPerson.get(p.row);
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
