import {
  AssessmentInput,
  BasicPublicityRecord,
  CommunityRecord,
  ContributionRecord,
  EngineIssue,
  HonorRecord,
  PublicityRecord,
  RecordSource,
  StaffRecord,
  TargetRecord,
} from "./model";
import { nearestName } from "./nearest";
import { Numbering } from "./numbered";
import { msg } from "./text";
import { visible } from "./visible";

/**
 * The input cross-checked once, whatever the rules: the community list (first row of a
 * duplicated name counts), records naming unknown communities, and every community a record
 * names as a number — the listed communities are 0 … listed − 1 in the list's order, names not
 * on the list follow in order of first appearance (their records are still scored and shown).
 */
export interface CheckedInput {
  communities: CommunityRecord[];
  /** Every community name by number. */
  names: string[];
  /** How many communities are listed: a number below it is a listed community. */
  listed: number;
  issues: EngineIssue[];
  /** Per record of each sheet, its community's number; publicity: every listed name, article after article. */
  ids: Record<"targets" | "honors" | "basicPublicity" | "publicity" | "contributions" | "staff", Int32Array>;
}

export function checkRecords(input: AssessmentInput): CheckedInput {
  const issues: EngineIssue[] = [];
  const communities: CommunityRecord[] = [];
  const numbering = new Numbering();
  const firstRow: number[] = [];
  for (const c of input.communities) {
    const id = numbering.id(c.name);
    if (id < communities.length) {
      issues.push({
        severity: "error",
        source: "communities",
        row: c.row,
        field: "name",
        message: msg(
          `社区“${visible(c.name)}”与第 ${firstRow[id]} 行重复：社区名称必须唯一`,
          `Community "${visible(c.name)}" repeats row ${firstRow[id]}: names must be unique`
        ),
      });
      continue;
    }
    firstRow.push(c.row);
    communities.push(c);
  }
  const listed = communities.length;
  const names = numbering.names.slice(0, listed);
  // One suggestion per distinct unknown name, however many rows repeat it.
  const suggestions = new Map<string, string | undefined>();
  const unknown = (source: RecordSource, row: number, name: string, field = "community") => {
    if (!suggestions.has(name)) suggestions.set(name, nearestName(name, names));
    const found = suggestions.get(name);
    const near = found === undefined ? undefined : visible(found);
    const shown = visible(name);
    issues.push({
      severity: "error",
      source,
      row,
      field,
      message: near
        ? msg(
            `社区“${shown}”不在社区表中：是否应为“${near}”？`,
            `Community "${shown}" is not on the communities sheet: did you mean "${near}"?`
          )
        : msg(
            `社区“${shown}”不在社区表中：请核对名称或先在社区表中添加`,
            `Community "${shown}" is not on the communities sheet: check the name or add it there`
          ),
    });
  };
  const targets = numberTargets(input.targets, numbering, listed, unknown);
  const honors = numberHonors(input.honors, numbering, listed, unknown);
  const basicPublicity = numberBasicPublicity(input.basicPublicity, numbering, listed, unknown);
  const publicity = numberPublicity(input.publicity, numbering, listed, unknown);
  const contributions = numberContributions(input.contributions, numbering, listed, unknown);
  const staff = numberStaff(input.staff, numbering, listed, unknown);
  return {
    communities,
    names: numbering.names,
    listed,
    issues,
    ids: {
      targets,
      honors,
      basicPublicity,
      publicity,
      contributions,
      staff,
    },
  };
}

/** Says a record names a community not on the list. */
type Unknown = (source: RecordSource, row: number, name: string, field?: string) => void;

// One function per sheet, each only its loop: a loop over one shape of record reads its fields
// the fast way (one loop over five shapes reads every field the slow way), and a function that is
// its loop is optimized whole — code after a loop in the same function would run unoptimized on
// every call, until the next loop is entered (200,000 records in a big workbook).

function numberTargets(records: readonly TargetRecord[], n: Numbering, listed: number, unknown: Unknown) {
  const ids = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((ids[i] = n.id(r.community)) >= listed) unknown("targets", r.row, r.community);
  }
  return ids;
}

function numberHonors(records: readonly HonorRecord[], n: Numbering, listed: number, unknown: Unknown) {
  const ids = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((ids[i] = n.id(r.community)) >= listed) unknown("honors", r.row, r.community);
  }
  return ids;
}

function numberBasicPublicity(
  records: readonly BasicPublicityRecord[],
  n: Numbering,
  listed: number,
  unknown: Unknown
) {
  const ids = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((ids[i] = n.id(r.community)) >= listed) unknown("basicPublicity", r.row, r.community);
  }
  return ids;
}

/** Every listed name of every article, article after article (indexed loops: no iterator objects). */
function numberPublicity(
  records: readonly PublicityRecord[],
  n: Numbering,
  listed: number,
  unknown: Unknown
) {
  const ids = new Int32Array(listedNames(records));
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const cell = r.communities;
    for (let k = 0; k < cell.length; k++)
      if ((ids[at++] = n.id(cell[k])) >= listed) unknown("publicity", r.row, cell[k], "communities");
  }
  return ids;
}

function numberContributions(
  records: readonly ContributionRecord[],
  n: Numbering,
  listed: number,
  unknown: Unknown
) {
  const ids = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((ids[i] = n.id(r.community)) >= listed) unknown("contributions", r.row, r.community);
  }
  return ids;
}

function numberStaff(records: readonly StaffRecord[], n: Numbering, listed: number, unknown: Unknown) {
  const ids = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((ids[i] = n.id(r.community)) >= listed) unknown("staff", r.row, r.community);
  }
  return ids;
}

function listedNames(records: readonly PublicityRecord[]): number {
  let names = 0;
  for (let i = 0; i < records.length; i++) names += records[i].communities.length;
  return names;
}
