/** Unit tests run in node; React component tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Tests that need LibreOffice (soffice, pdftoppm) run apart: `npm run test:libreoffice`.
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/", "\\.libreoffice\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
};
