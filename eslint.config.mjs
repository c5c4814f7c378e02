// ESLint flat config: Microsoft's office-addins rules (React flavour) plus typescript-eslint, Prettier last.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";

/** No import may climb out of src/ into a sibling's internals through the top (kept from the start). */
const NO_CLIMB = "../../*/../*";

/**
 * The floors (ARCHITECTURE "Floors"): which of our folders under src/ each folder may import.
 * `scoring` is the ground; the front doors (cli, taskpane, functions) never import one another.
 * test/lint/layers.test.ts proves each rule refuses an upward import and lets a downward one by.
 */
const FOLDERS = ["scoring", "explain", "workbook", "workplan", "history", "hosts", "taskpane", "cli", "functions"];
const MAY_IMPORT = {
  scoring: [],
  // explain re-runs the engine with other rules: pure, one floor above it
  explain: ["scoring"],
  workbook: ["scoring", "explain"],
  workplan: ["workbook", "scoring"],
  // history (record identity, the diff of two input sets) is pure: it reads grids and scores them
  history: ["scoring", "explain", "workbook"],
  hosts: ["scoring", "workbook", "workplan"],
  functions: ["scoring", "workbook"],
  taskpane: ["scoring", "explain", "workbook", "workplan", "history", "hosts"],
  cli: ["scoring", "explain", "workbook", "workplan", "history", "hosts"],
};

/** One flat-config block per folder: a relative import that climbs out (`../`) into a folder it may not use. */
const layerRules = Object.entries(MAY_IMPORT).map(([folder, allowed]) => {
  const refused = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const may = allowed.length === 0 ? "nothing else of ours" : allowed.map((f) => `src/${f}`).join(", ");
  return {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [NO_CLIMB] },
            {
              regex: `^(\\.\\./)+(src/)?(${refused.join("|")})(/|$)`,
              caseSensitive: true,
              message: `Layering (ARCHITECTURE "Floors"): src/${folder} may import only ${may}. Pass what it needs in from above.`,
            },
          ],
        },
      ],
    },
  };
});

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-output/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.cts"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "@typescript-eslint": tsPlugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // TypeScript itself reports undefined names (and knows the Jest/Office globals from tsconfig types).
      "no-undef": "off",
      // tsc's noUnusedLocals/noUnusedParameters decide; the base rule misreads names in function types.
      "no-unused-vars": "off",
      "no-restricted-imports": ["error", { patterns: [NO_CLIMB] }],
    },
  },
  ...layerRules,
];
