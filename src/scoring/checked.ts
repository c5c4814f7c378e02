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
  const unknown = (source: RecordSource, row: number, name: string, field = "community") => {
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
  };
  // One loop per sheet, not one generic loop: each reads one shape of record (a loop over five
  // shapes reads every field the slow way), 200,000 times in a big workbook.
  const targets = new Int32Array(input.targets.length);
  for (let i = 0; i < targets.length; i++) {
    const r = input.targets[i];
    if ((targets[i] = numbering.id(r.community)) >= listed) unknown("targets", r.row, r.community);
  }
  const honors = new Int32Array(input.honors.length);
  for (let i = 0; i < honors.length; i++) {
    const r = input.honors[i];
    if ((honors[i] = numbering.id(r.community)) >= listed) unknown("honors", r.row, r.community);
  }
  const basicPublicity = new Int32Array(input.basicPublicity.length);
  for (let i = 0; i < basicPublicity.length; i++) {
    const r = input.basicPublicity[i];
    if ((basicPublicity[i] = numbering.id(r.community)) >= listed)
      unknown("basicPublicity", r.row, r.community);
  }
  // Indexed loops, not for…of: until the optimizing compiler takes over, each step of an
  // iterator is an object, and this loop runs 250,000 steps in a big workbook.
  const articles = input.publicity;
  let listedNames = 0;
  for (let i = 0; i < articles.length; i++) listedNames += articles[i].communities.length;
  const publicity = new Int32Array(listedNames);
  let at = 0;
  for (let i = 0; i < articles.length; i++) {
    const r = articles[i];
    const cell = r.communities;
    for (let k = 0; k < cell.length; k++)
      if ((publicity[at++] = numbering.id(cell[k])) >= listed)
        unknown("publicity", r.row, cell[k], "communities");
  }
  const contributions = new Int32Array(input.contributions.length);
  for (let i = 0; i < contributions.length; i++) {
    const r = input.contributions[i];
    if ((contributions[i] = numbering.id(r.community)) >= listed)
      unknown("contributions", r.row, r.community);
  }
  const staff = new Int32Array(input.staff.length);
  for (let i = 0; i < staff.length; i++) {
    const r = input.staff[i];
    if ((staff[i] = numbering.id(r.community)) >= listed) unknown("staff", r.row, r.community);
  }
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
