/** Jest: unit, property, host-mock and built-bundle tests. Browser end-to-end tests run apart (npm run test:e2e). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  setupFiles: ["<rootDir>/test/setup/custom-functions-global.ts"],
  testTimeout: 120000,
};
