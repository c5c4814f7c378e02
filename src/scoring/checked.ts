import { AssessmentInput, CommunityRecord, EngineIssue, RecordSource } from "./model";
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
  const number = (source: RecordSource, row: number, name: string, field = "community"): number => {
    const id = numbering.id(name);
    if (id < listed) return id;
    if (!suggestions.has(name)) suggestions.set(name, nearestName(name, names));
    const near = suggestions.get(name);
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
    return id;
  };
  const each = <T extends { row: number; community: string }>(
    source: RecordSource,
    records: readonly T[]
  ) => {
    const ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) ids[i] = number(source, records[i].row, records[i].community);
    return ids;
  };
  const targets = each("targets", input.targets);
  const honors = each("honors", input.honors);
  const basicPublicity = each("basicPublicity", input.basicPublicity);
  let listedNames = 0;
  for (const r of input.publicity) listedNames += r.communities.length;
  const publicity = new Int32Array(listedNames);
  let at = 0;
  for (const r of input.publicity)
    for (const name of r.communities) publicity[at++] = number("publicity", r.row, name, "communities");
  const contributions = each("contributions", input.contributions);
  const staff = each("staff", input.staff);
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
