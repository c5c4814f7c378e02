import {
  AssessmentInput,
  CATEGORIES,
  CategoryKey,
  Exact,
  HonorRecord,
  LEVELS,
  PublicityRecord,
  ContributionRecord,
  StaffRecord,
} from "../src/scoring";

/** A deterministic pseudo-random sequence, so every bench run scores the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MAX: Record<CategoryKey, number> = {
  foundation: 20,
  service: 20,
  culture: 15,
  environment: 15,
  brand: 15,
  admin: 15,
};
const LINES = ["招商引资", "征地拆迁", "建设发展", "信访维稳", "矛盾化解"];

/** `communities` communities and `records` bonus records of every kind (honors, articles, contributions, staff). */
export function generateInput(communities: number, records: number): AssessmentInput {
  const r = rng(42);
  const names = Array.from({ length: communities }, (_, i) => `社区${String(i + 1).padStart(4, "0")}`);
  const pick = () => names[Math.floor(r() * names.length)];
  const tenth = (max: number) => Exact.ratio(Math.floor(r() * max * 10), 10);
  const input: AssessmentInput = {
    communities: names.map((name, i) => ({ row: i + 2, name, type: i % 6 === 5 ? "村改居" : "社区" })),
    targets: names.map((community, i) => ({
      row: i + 2,
      community,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, tenth(MAX[c])])) as Record<CategoryKey, Exact>,
    })),
    honors: [],
    basicPublicity: names.map((community, i) => ({
      row: i + 2,
      community,
      score: Exact.int(1 + Math.floor(r() * 5)),
    })),
    publicity: [],
    contributions: [],
    staff: [],
  };
  const quarter = Math.floor(records / 4);
  for (let i = 0; i < quarter; i++) {
    const h: HonorRecord = {
      row: i + 2,
      community: pick(),
      honor: `荣誉${i % 50}`,
      level: LEVELS[Math.floor(r() * 5)],
      lineDept: r() < 0.2,
      approved: r() < 0.9,
      docNo: `文${i}`,
    };
    input.honors.push(h);
    const joint = r() < 0.1 ? [pick(), pick(), pick()] : [pick()];
    const p: PublicityRecord = {
      row: i + 2,
      communities: joint,
      title: `报道${i % 3000}`,
      level: LEVELS[Math.floor(r() * 5)],
      communityBuilding: r() < 0.95,
      authorIsStaff: true,
      communityIsSubject: true,
      countedInTargets: r() < 0.05,
    };
    input.publicity.push(p);
    const c: ContributionRecord = {
      row: i + 2,
      community: pick(),
      line: LINES[Math.floor(r() * 5)],
      points: tenth(4),
      leaderAgreed: r() < 0.9,
    };
    input.contributions.push(c);
    const s: StaffRecord = { row: i + 2, name: `人员${i}`, community: pick(), score: tenth(100) };
    input.staff.push(s);
  }
  return input;
}

export function recordCount(input: AssessmentInput): number {
  return input.honors.length + input.publicity.length + input.contributions.length + input.staff.length;
}
