import { interpretations, movesBetween } from "../src/explain";
import { assess, assessor, defaultRules, Rules } from "../src/scoring";
import { generateInput, recordCount } from "./data";
import { median } from "./timing";

/**
 * Explaining (issue 12): `whatif --interpretations` re-runs the engine a few dozen times on the
 * same records. Goal: ≤ 10 s on 2,000 communities / 200,000 records. Baseline measured in the
 * same run: one full assess(), and as many fresh assess() calls as the scan made.
 */
export async function benchExplain(): Promise<string[]> {
  const input = generateInput(2000, 200000);
  const rules = defaultRules();
  const runs = 3;

  const full: number[] = [];
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    assess(input, rules);
    full.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    const run = assessor(input);
    calls = 0;
    interpretations(input, rules, (r: Rules) => {
      calls++;
      return run(r);
    });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const one = median(full);
  const all = median(times);

  // whatif --set: the baseline and one changed setting (the advanced count), moves listed.
  const whatif = median(
    Array.from({ length: runs }, () => {
      const t = process.hrtime.bigint();
      const run = assessor(input);
      movesBetween(run(rules), run({ ...rules, advancedCommunities: 9 }));
      return Number(process.hrtime.bigint() - t) / 1e6;
    })
  );
  return [
    `explain: 2,000 communities, ${recordCount(input).toLocaleString("en-US")} records, median of ${runs}`,
    `  whatif --interpretations: ${(all / 1000).toFixed(2)} s for ${calls} engine runs  (goal ≤ 10 s)`,
    `  one full assess(): ${one.toFixed(0)} ms; ${calls} fresh assess() would take ≈ ${((one * calls) / 1000).toFixed(1)} s; ratio scan / that: ${(all / (one * calls)).toFixed(2)}×`,
    `  whatif --set (before + after, moves): ${whatif.toFixed(0)} ms  (${(whatif / one).toFixed(2)}× one assess)`,
  ];
}
