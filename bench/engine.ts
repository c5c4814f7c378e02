import { existsSync, statSync } from "fs";
import { join } from "path";
import { honorTotalFn } from "../src/functions/functions";
import { assess, defaultRules, LEVEL_NAMES, LEVELS } from "../src/scoring";
import { generateInput, recordCount, rng } from "./data";
import { median, timeIt } from "./timing";

/** Engine figures: scoring 2,000 communities / 200,000 records against a bare summing loop, HONOR_TOTAL, bundle size. */
export async function benchEngine(): Promise<string[]> {
  const input = generateInput(2000, 200000);
  const records = recordCount(input);
  const rules = defaultRules();
  const runs = 5;

  // Baseline: a loop that only adds up the same points as floats, with no rules, no reasons, no exactness.
  const points = [
    ...input.honors.map((h) => rules.honorPoints[h.level].toNumber()),
    ...input.publicity.map((p) => rules.publicityPoints[p.level].toNumber()),
    ...input.contributions.map((c) => c.points.toNumber()),
    ...input.staff.map((s) => s.score.toNumber()),
  ];
  const bare = median(
    timeIt(runs, () => {
      let total = 0;
      for (let i = 0; i < points.length; i++) total += points[i];
      return total;
    })
  );
  // A second baseline: the same float points, but added up per community in a Map (what any
  // scoring must at least do), still with no rules, reasons or exactness.
  const communityOf = [
    ...input.honors.map((h) => h.community),
    ...input.publicity.map((p) => p.communities[0]),
    ...input.contributions.map((c) => c.community),
    ...input.staff.map((s) => s.community),
  ];
  const bareByCommunity = median(
    timeIt(runs, () => {
      const totals = new Map<string, number>();
      for (let i = 0; i < points.length; i++)
        totals.set(communityOf[i], (totals.get(communityOf[i]) ?? 0) + points[i]);
      return totals;
    })
  );
  const engine = median(timeIt(runs, () => assess(input, rules)));
  // The detail records (计分明细, statements, the pane's card) and the staff results are made when
  // first read: the same run with every one of them read, so the deferred part is seen too.
  const withDetails = median(
    timeIt(runs, () => {
      const result = assess(input, rules);
      let reasons = 0;
      for (const d of result.details) reasons += d.reasons.length;
      for (const p of result.individuals) reasons += p.rank;
      return reasons;
    })
  );

  const sample = assess(input, rules);
  const detailCount = sample.details.length;
  const staffCount = sample.individuals.length;

  const r = rng(7);
  const levels = Array.from({ length: 100000 }, () => [LEVEL_NAMES[LEVELS[Math.floor(r() * 5)]].zh]);
  const kinds = Array.from({ length: 100000 }, (_, i) => [`类${i % 500}`]);
  const honorTotal = median(timeIt(runs, () => honorTotalFn(levels, null as never, kinds, null as never)));

  const bundle = join(__dirname, "..", "dist", "functions.js");
  const size = existsSync(bundle)
    ? `${(statSync(bundle).size / 1024).toFixed(1)} KB (goal ≤ 60 KB)`
    : "dist/functions.js missing: run npm run build";
  return [
    `engine: 2,000 communities, ${records.toLocaleString("en-US")} records, median of ${runs}`,
    `  assess (score + rank; details and staff results made when read): ${engine.toFixed(1)} ms  (goal ≤ 120 ms; issue 13 baseline 291 ms)  ${Math.round(records / (engine / 1000)).toLocaleString("en-US")} records/s`,
    `  bare float summing loop, same numbers: ${bare.toFixed(2)} ms`,
    `  ratio engine / bare loop: ${(engine / bare).toFixed(0)}×  (goal ≤ 5×)`,
    `  bare loop summing per community in a Map: ${bareByCommunity.toFixed(2)} ms; ratio engine / that: ${(engine / bareByCommunity).toFixed(1)}×  (goal ≤ 10×; issue 13 baseline 28×)`,
    `  assess() + reading every detail record (${detailCount.toLocaleString("en-US")}) and staff result (${staffCount.toLocaleString("en-US")}): ${withDetails.toFixed(1)} ms  (goal ≤ 120 ms); ratio to the Map loop: ${(withDetails / bareByCommunity).toFixed(1)}×  (goal ≤ 10×)`,
    `HONOR_TOTAL over 100,000 rows: ${honorTotal.toFixed(1)} ms  (goal ≤ 50 ms)`,
    `functions bundle: ${size}`,
  ];
}
