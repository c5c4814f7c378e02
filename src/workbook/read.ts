import {
  AssessmentInput,
  BasicPublicityRecord,
  CATEGORIES,
  CategoryKey,
  cellText,
  CommunityRecord,
  CommunityType,
  ContributionRecord,
  DecisionRecord,
  Exact,
  excelError,
  formulaWithoutResult,
  HonorRecord,
  Parse,
  Level,
  msg,
  Msg,
  parseLevel,
  parseNumber,
  parseYesNo,
  PublicityRecord,
  Rules,
  splitCommunities,
  StaffRecord,
  TargetRecord,
  visible,
} from "../scoring";
import {
  COMMUNITY_TYPES,
  DECISION_CHOICES,
  DECISION_KINDS,
  InputSheetKey,
  SheetSchema,
  SHEETS,
} from "./schema";
import { readSettings } from "./settings";
import { findSheet, foldName, HeaderRef, isBlank, issueAt, readRows } from "./sheet-reader";
import { Issue, SheetGrid, WorkbookGrids } from "./types";

/**
 * Grids → the engine's typed records + located issues (规则 §6). Cell-level parsing lives here:
 * levels, yes/no words, numbers, error values, formulas without a result, dates in number columns,
 * sheets and headers. A cell that cannot be read is an error at its cell and its record is left
 * out (so no wrong number enters a score). Cross-record checks (unknown community, duplicates,
 * ranges, caps) are the engine's; `mapEngineIssues` locates them.
 */

/** Where each input sheet was found and which of its columns, for locating engine issues. */
export interface SheetLocation {
  grid?: SheetGrid;
  headers: Map<string, HeaderRef>;
}

export type Locations = Record<InputSheetKey, SheetLocation>;

export interface ReadOutcome {
  input: AssessmentInput;
  rules: Rules;
  issues: Issue[];
  locations: Locations;
  /** Cells that failed to parse, as "source\u0000row\u0000field": engine issues about them are redundant. */
  failedCells: Set<string>;
}

// Where the work plan's reader finds it (it reads cells as this reader does).
export { formulaWithoutResult };

class RowReader {
  ok = true;
  constructor(
    private readonly source: InputSheetKey,
    private readonly sheet: SheetGrid,
    private readonly headers: Map<string, HeaderRef>,
    readonly row: number,
    /** The row's line of the grid, and where each column key is in it (a header's index). */
    private readonly line: readonly unknown[],
    private readonly at: Partial<Record<string, number>>,
    private readonly issues: Issue[],
    private readonly failed: Set<string>,
    private readonly numbers: (v: unknown) => Parse<Exact>
  ) {}

  /** The raw cell of a column key; undefined when the sheet has no such column. */
  private cell(key: string): unknown {
    const i = this.at[key];
    return i === undefined ? undefined : this.line[i];
  }

  private fail(key: string, message: Msg): void {
    this.ok = false;
    this.failed.add(`${this.source}\u0000${this.row}\u0000${key}`);
    const ref = this.headers.get(key);
    const col = ref ?? SHEETS[this.source].columns.find((c) => c.key === key);
    this.issues.push(issueAt(this.sheet, this.row, col, "error", message));
  }

  /** Error values and formulas without a result are refused in every column. */
  private unusable(key: string): boolean {
    const v = this.cell(key);
    const err = excelError(v);
    if (err) {
      this.fail(
        key,
        msg(
          `单元格是错误值 ${err}：请修正其公式或来源，或改填数值/文字`,
          `The cell holds the error ${err}: fix its formula or source, or type the value`
        )
      );
      return true;
    }
    const formula = formulaWithoutResult(v);
    if (formula !== null) {
      this.fail(
        key,
        msg(
          `公式 =${formula} 没有计算结果（文件由不计算公式的程序保存）：请在 Excel 中打开、保存后再试，或改填数值`,
          `The formula =${formula} has no computed result (saved by a program that does not calculate): open and save the file in Excel, or type the value`
        )
      );
      return true;
    }
    return false;
  }

  private parsed<T>(key: string, parse: (v: unknown) => Parse<T>): T | undefined {
    if (this.unusable(key)) return undefined;
    const r = parse(this.cell(key));
    if (r.ok) return r.value;
    this.fail(key, r.message);
    return undefined;
  }

  /** Text (names, titles): NFKC, trimmed, full-width spaces folded; "" when blank. */
  text(key: string): string {
    if (this.unusable(key)) return "";
    return cellText(this.cell(key));
  }

  optionalText(key: string): string | undefined {
    const t = this.text(key);
    return t === "" ? undefined : t;
  }

  /**
   * Text shown back to people and never compared as it is (an honor's name, an article's title, a
   * matter): the cell exactly as typed — full-width brackets, spaces and all (规则 §8); "" when
   * blank. Whatever compares it (same kind, same content) folds its own copy (foldKey).
   */
  typed(key: string): string {
    if (this.unusable(key)) return "";
    const v = this.cell(key);
    if (typeof v === "string") return isBlank(v) ? "" : v;
    return cellText(v);
  }

  optionalTyped(key: string): string | undefined {
    const t = this.typed(key);
    return t === "" ? undefined : t;
  }

  level(key: string): Level | undefined {
    return this.parsed(key, parseLevel);
  }

  yesNo(key: string, fallback: boolean): boolean {
    return this.parsed(key, (v) => parseYesNo(v, fallback)) ?? fallback;
  }

  number(key: string): Exact | undefined {
    return this.parsed(key, this.numbers);
  }

  /** A number that may be blank (target categories): undefined when blank. */
  optionalNumber(key: string): Exact | undefined {
    if (isBlank(this.cell(key))) return undefined;
    return this.number(key);
  }

  communityType(key: string): CommunityType {
    const v = this.cell(key);
    if (isBlank(v)) return "社区";
    return (
      this.parsed(key, (x): Parse<CommunityType> => {
        const t = foldName(cellText(x));
        const found = COMMUNITY_TYPES.find((c) => foldName(c) === t);
        if (found) return { ok: true, value: found };
        return {
          ok: false,
          message: msg(
            `类型“${visible(cellText(x))}”无法识别：应填 ${COMMUNITY_TYPES.join(" 或 ")}（空白为${COMMUNITY_TYPES[0]}）`,
            `Unknown type "${visible(cellText(x))}": use ${COMMUNITY_TYPES.join(" or ")} (blank = ${COMMUNITY_TYPES[0]})`
          ),
        };
      }) ?? "社区"
    );
  }

  /**
   * One of a column's words (its schema choices, compared folded): its index, or undefined with
   * an error naming the words when the cell holds another.
   */
  choice(key: string, choices: readonly string[]): number | undefined {
    return this.parsed(key, (x): Parse<number> => {
      const t = foldName(cellText(x));
      const i = choices.findIndex((c) => foldName(c) === t);
      if (i >= 0) return { ok: true, value: i };
      return {
        ok: false,
        message: msg(
          `“${visible(cellText(x))}”无法识别：应填 ${choices.join(" 或 ")}`,
          `"${visible(cellText(x))}" is not understood: use ${choices.join(" or ")}`
        ),
      };
    });
  }

  communityList(key: string): string[] {
    if (this.unusable(key)) return [];
    const list = splitCommunities(cellText(this.cell(key)));
    if (list.length === 0)
      this.fail(
        key,
        msg(
          "没有写出社区名称：多个社区用 、 或逗号分隔",
          "No community named: separate several communities with 、 or commas"
        )
      );
    return list;
  }
}

function fallbackOf(sheet: InputSheetKey, key: string): boolean {
  const f = SHEETS[sheet].columns.find((c) => c.key === key)?.fallback;
  return f === true;
}

// The yes/no columns' defaults, looked up once rather than on every row.
const FALLBACK = {
  lineDept: fallbackOf("honors", "lineDept"),
  approved: fallbackOf("honors", "approved"),
  communityBuilding: fallbackOf("publicity", "communityBuilding"),
  authorIsStaff: fallbackOf("publicity", "authorIsStaff"),
  communityIsSubject: fallbackOf("publicity", "communityIsSubject"),
  countedInTargets: fallbackOf("publicity", "countedInTargets"),
  leaderAgreed: fallbackOf("contributions", "leaderAgreed"),
};

/** How many distinct numbers a read remembers the parse of (~100 bytes each: 1 MB at most). */
const NUMBERS_REMEMBERED = 10_000;

/**
 * `parseNumber`, remembering the parse of each number cell's value (up to NUMBERS_REMEMBERED of
 * them): a sheet of a million staff holds some hundreds of distinct scores, and its records then
 * share one Exact per score (Exact is immutable) rather than hold one each — 40 MB less held
 * through scoring in the bench's million rows, and no decimal parse (a string, a regular
 * expression and BigInts) per cell.
 * Text cells, -0, NaN and numbers refused are parsed each time, as before.
 */
function rememberingParseNumber(): (v: unknown) => Parse<Exact> {
  const seen = new Map<number, Parse<Exact>>();
  return (v) => {
    if (typeof v !== "number" || Number.isNaN(v) || Object.is(v, -0)) return parseNumber(v);
    let parsed = seen.get(v);
    if (parsed === undefined) {
      parsed = parseNumber(v);
      if (parsed.ok && seen.size < NUMBERS_REMEMBERED) seen.set(v, parsed);
    }
    return parsed;
  };
}

interface SheetRead<T> {
  records: T[];
  /** Excel row of the header row, when the sheet and its header were found. */
  headerRow?: number;
}

function readSheet<T>(
  grids: WorkbookGrids,
  key: InputSheetKey,
  locations: Locations,
  issues: Issue[],
  failed: Set<string>,
  numbers: (v: unknown) => Parse<Exact>,
  build: (r: RowReader) => T | null,
  letGo: boolean
): SheetRead<T> {
  const schema: SheetSchema = SHEETS[key];
  const grid = findSheet(grids, schema);
  if (!grid) {
    if (schema.required)
      issues.push(
        issueAt(
          schema.zh,
          undefined,
          undefined,
          "error",
          msg(
            `缺少工作表“${schema.zh}”：请添加该表（可从模板复制），表名为“${schema.zh}”或“${schema.en}”`,
            `The sheet "${schema.zh}" (${schema.en}) is missing: add it (copy it from the template)`
          )
        )
      );
    return { records: [] };
  }
  const records: T[] = [];
  // Records are built row by row as the rows are read (none of the rows is kept). The cells'
  // issues come before the rows' own in `issues`; each row has issues of one kind only (a row
  // with a blank required cell is not built), and issues are sorted by sheet and row anyway.
  let at: Partial<Record<string, number>> | null = null;
  const read = readRows(
    grid,
    schema,
    (row, line, headers) => {
      at ??= Object.fromEntries([...headers].map(([k, ref]) => [k, ref.index]));
      const reader = new RowReader(key, grid, headers, row, line, at, issues, failed, numbers);
      const rec = build(reader);
      if (rec !== null && reader.ok) records.push(rec);
    },
    letGo
  );
  locations[key] = { grid, headers: read.headers };
  issues.push(...read.issues);
  return { records, headerRow: read.headerRow };
}

/**
 * 社区 read without a single community and without a row in error (the empty template): an error
 * at the first row below the header, or validation would say "0 个错误" and ranking would rank
 * nothing. Rows in error already say what is wrong with them.
 */
function noCommunities(
  location: SheetLocation,
  headerRow: number | undefined,
  issues: readonly Issue[]
): Issue[] {
  const name = location.headers.get("name");
  const grid = location.grid;
  if (!grid || !name || headerRow === undefined) return [];
  if (issues.some((i) => i.sheet === grid.name && i.row !== undefined && i.row > headerRow)) return [];
  const first = headerRow + 1;
  return [
    issueAt(
      grid,
      first,
      name,
      "error",
      msg(
        `“${grid.name}”表中没有社区：请从第 ${first} 行起每行填写一个社区的名称（“${name.header}”列），再校验或排名`,
        `The sheet "${grid.name}" lists no community: from row ${first} on, type one community's name per row in the "${name.header}" column, then validate or rank`
      )
    ),
  ];
}

/** Tabs that name the same input sheet twice (e.g. 社区 and Communities): the second is ignored. */
function duplicateTabs(grids: WorkbookGrids): Issue[] {
  const out: Issue[] = [];
  for (const key of Object.keys(SHEETS) as (keyof typeof SHEETS)[]) {
    const s = SHEETS[key];
    if (s.generated) continue;
    const names = [foldName(s.zh), foldName(s.en)];
    const tabs = grids.filter((g) => names.includes(foldName(g.name)));
    const used = findSheet(grids, s);
    for (const t of tabs)
      if (t !== used)
        out.push(
          issueAt(
            t,
            undefined,
            undefined,
            "warning",
            msg(
              `工作表“${t.name}”与“${used?.name ?? s.zh}”是同一张表：只读取“${used?.name ?? s.zh}”，请合并或删去一张`,
              `The sheet "${t.name}" duplicates "${used?.name ?? s.zh}": only "${used?.name ?? s.zh}" is read`
            )
          )
        );
  }
  return out;
}

/**
 * Reads every input sheet of the assessment (not the work plan) and the settings. With `letGo`
 * (the caller gives its grids away), the input sheets' rows below their headers are let go as
 * they are read (`readRows`).
 */
export function readAssessment(grids: WorkbookGrids, letGo = false): ReadOutcome {
  const issues: Issue[] = [...duplicateTabs(grids)];
  const failed = new Set<string>();
  const numbers = rememberingParseNumber();
  const empty = (): SheetLocation => ({ headers: new Map() });
  const locations: Locations = {
    communities: empty(),
    targets: empty(),
    honors: empty(),
    basicPublicity: empty(),
    publicity: empty(),
    contributions: empty(),
    staff: empty(),
    decisions: empty(),
    settings: empty(),
    workplan: empty(),
  };
  const settingsGrid = findSheet(grids, SHEETS.settings);
  const settings = readSettings(settingsGrid);
  if (settingsGrid)
    locations.settings = { grid: settingsGrid, headers: readRows(settingsGrid, SHEETS.settings).headers };
  issues.push(...settings.issues);

  const sheet = <T>(key: InputSheetKey, build: (r: RowReader) => T | null) =>
    readSheet(grids, key, locations, issues, failed, numbers, build, letGo);
  const read = <T>(key: InputSheetKey, build: (r: RowReader) => T | null) => sheet(key, build).records;

  const communitiesRead = sheet<CommunityRecord>("communities", (r) => {
    const name = r.text("name");
    if (!r.ok) return null;
    const rec = { row: r.row, name, type: r.communityType("type"), code: r.optionalText("code") };
    // A community with an unreadable type or code stays on the list, so its records do not all
    // turn into "unknown community" errors; the cell's own error stops the ranking.
    r.ok = true;
    return rec;
  });
  const communities = communitiesRead.records;
  if (communities.length === 0)
    issues.push(...noCommunities(locations.communities, communitiesRead.headerRow, issues));
  const targets = read<TargetRecord>("targets", (r) => {
    const scores: Partial<Record<CategoryKey, Exact>> = {};
    for (const c of CATEGORIES) {
      const v = r.optionalNumber(c);
      if (v !== undefined) scores[c] = v;
    }
    const rec = { row: r.row, community: r.text("community"), scores };
    // A target row with an unreadable category stays, without it, so the community keeps its row
    // (no second error "no target row"); the cell's own error stops the ranking.
    r.ok = true;
    return rec;
  });
  // A row any of whose cells cannot be read is left out (readSheet keeps a record only while its
  // reader is ok), after every cell of it has been read and its issues reported: a record without
  // its level, points or score is never kept, so the casts below let none through. Those cells
  // are read first, as before; the records keep their fields' order (the fingerprint reads it).
  const honors = read<HonorRecord>("honors", (r) => {
    const level = r.level("level") as Level;
    return {
      row: r.row,
      community: r.text("community"),
      honor: r.typed("honor"),
      kind: r.optionalText("kind"),
      lineDept: r.yesNo("lineDept", FALLBACK.lineDept),
      issuer: r.optionalTyped("issuer"),
      docNo: r.optionalTyped("docNo"),
      approved: r.yesNo("approved", FALLBACK.approved),
      level,
    };
  });
  const basicPublicity = read<BasicPublicityRecord>("basicPublicity", (r) => {
    const score = r.number("score") as Exact;
    return { row: r.row, community: r.text("community"), score };
  });
  const publicity = read<PublicityRecord>("publicity", (r) => {
    const named = r.communityList("communities");
    const level = r.level("level") as Level;
    return {
      row: r.row,
      communities: named,
      title: r.typed("title"),
      contentKey: r.optionalText("contentKey"),
      media: r.optionalTyped("media"),
      communityBuilding: r.yesNo("communityBuilding", FALLBACK.communityBuilding),
      authorIsStaff: r.yesNo("authorIsStaff", FALLBACK.authorIsStaff),
      communityIsSubject: r.yesNo("communityIsSubject", FALLBACK.communityIsSubject),
      countedInTargets: r.yesNo("countedInTargets", FALLBACK.countedInTargets),
      level,
    };
  });
  const contributions = read<ContributionRecord>("contributions", (r) => {
    const points = r.number("points") as Exact;
    return {
      row: r.row,
      community: r.text("community"),
      line: r.text("line"),
      matter: r.optionalTyped("matter"),
      leaderAgreed: r.yesNo("leaderAgreed", FALLBACK.leaderAgreed),
      points,
    };
  });
  const staff = read<StaffRecord>("staff", (r) => {
    const score = r.number("score") as Exact;
    return { row: r.row, name: r.text("name"), community: r.text("community"), score };
  });
  // 考核组决定 (规则 §10): a missing sheet means no decisions.
  const decisions = read<DecisionRecord>("decisions", (r) => {
    const kind = r.choice("kind", DECISION_KINDS);
    const decision = r.choice("decision", DECISION_CHOICES);
    return {
      row: r.row,
      kind: kind === 0 ? "community" : "individual",
      name: r.text("name"),
      community: r.optionalText("community"),
      advanced: decision === 0,
      reason: r.optionalTyped("reason"),
      basis: r.optionalTyped("basis"),
    };
  });

  const records = { communities, targets, honors, basicPublicity, publicity, contributions, staff };
  // Decisions only when there are some: a workbook without them keeps the fingerprint it had.
  const input: AssessmentInput = decisions.length > 0 ? { ...records, decisions } : records;
  return {
    input,
    rules: settings.rules,
    issues,
    locations,
    failedCells: failed,
  };
}
