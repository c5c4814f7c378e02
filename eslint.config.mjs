// ESLint flat config: Microsoft's office-addins rules (React flavour) plus typescript-eslint, Prettier last.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "@typescript-eslint": tsPlugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // TypeScript itself reports undefined names (and knows the Jest/Office globals from tsconfig types).
      "no-undef": "off",
      // tsc's noUnusedLocals/noUnusedParameters decide; the base rule misreads names in function types.
      "no-unused-vars": "off",
      "no-restricted-imports": ["error", { patterns: ["../../*/../*"] }],
    },
  },
];
