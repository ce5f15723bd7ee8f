// ESLint (flat config): the recommended rules, React hooks in the pane, and the walls between the
// stages and hosts (docs/architecture.md) kept one-way by no-restricted-imports. Type-unaware on
// purpose: it stays fast, and tsc already checks the types.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

/** Node's own modules by bare name ("fs", "fs/promises"); "node:…" is a pattern below. */
const NODE = builtinModules.filter((name) => !name.startsWith("_"));

/** The folders under src/, each a stage or a host. */
const HOSTS = ["excel", "file", "xlsx", "taskpane", "commands", "cli", "docx"];

/**
 * An import of a folder under src/ reached by climbing out of the importing folder ("../excel/…",
 * "../../file/…"). Relative only: nothing in this tree imports src/ by an absolute name.
 */
const folder = (name) => ({
  regex: `^(\\.\\./)+${name}(/|$)`,
  message: `src/${name} is on the other side of a wall (docs/architecture.md).`,
});

/** The walls: for each folder, what it must never import (folders of src/, packages, Node's modules). */
function walls({ hosts = [], names = [], node = false, why }) {
  return {
    "no-restricted-imports": [
      "error",
      {
        paths: [...names, ...(node ? NODE : [])].map((name) => ({ name, message: why })),
        patterns: [...hosts.map(folder), ...names.map((name) => ({ group: [`${name}/*`], message: why })), ...(node ? [{ regex: "^node:", message: why }] : [])],
      },
    ],
  };
}

const UI = ["react", "react-dom", "@fluentui/react-components"];
const PACKAGE_LIBS = ["exceljs", "jszip", "fflate", "saxes", "docx"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test/output/", ".tmp/", "assets/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter kept for its position).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // A test's pattern mirrors the printed text it expects, indentation included: "  BCA" reads as the
    // output does, " {2}BCA" does not.
    files: ["test/**"],
    rules: { "no-regex-spaces": "off" },
  },
  {
    // CommonJS: the two config files and the bench's preload.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "test/taskpane/**/*.{ts,tsx}", "test/browser/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    // A missing dependency is a stale value on screen: an error, not a warning.
    rules: { ...reactHooks.configs.flat.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },

  // ---- The walls ----
  {
    // The engine runs anywhere: no host, no UI, no package reader or writer, no Node, no Office, no DOM.
    files: ["src/core/**/*.ts"],
    rules: {
      ...walls({
        hosts: HOSTS,
        names: [...UI, ...PACKAGE_LIBS, "@microsoft/office-js"],
        node: true,
        why: "src/core is pure TypeScript: hosts hand it snapshots and apply its plans.",
      }),
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension", "window", "document", "navigator", "localStorage", "process", "Buffer", "require", "__dirname"].map((name) => ({
          name,
          message: "src/core reaches no environment: the host passes in what it needs (the clock, the language, the workbook).",
        })),
      ],
      "no-restricted-syntax": ["error", { selector: "ImportExpression", message: "src/core loads nothing at run time." }],
    },
  },
  {
    // SpreadsheetML packages, host-neutral: the file host (Node) and the pane (browser) both use it.
    files: ["src/xlsx/**/*.ts"],
    rules: {
      ...walls({
        hosts: ["excel", "file", "taskpane", "commands", "cli"],
        names: [...UI, "@microsoft/office-js"],
        node: true,
        why: "src/xlsx is host-neutral: bytes in, bytes out, no Node, no Office, no UI.",
      }),
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "process", "Buffer", "require"].map((name) => ({ name, message: "src/xlsx runs in Node and in the browser alike." })),
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: walls({ hosts: ["file", "cli", "commands"], node: true, why: "The pane runs in Office's browser: it reaches the workbook through the excel host only." }),
  },
  {
    // The pane meets Office only in its entry: the workbook through the BlocHost, the surroundings handed in.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({
          name,
          message: "The pane reaches Office through the BlocHost (src/excel/session.ts) or what its entry hands in.",
        })),
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: walls({ hosts: ["file", "cli", "taskpane", "commands"], node: true, why: "The Office host runs in the browser and knows no other host." }),
  },
  {
    files: ["src/commands/**/*.ts"],
    rules: walls({ hosts: ["file", "cli", "taskpane"], node: true, why: "The ribbon command runs in the browser through the excel host only." }),
  },
  {
    files: ["src/file/**/*.ts"],
    rules: walls({ hosts: ["excel", "taskpane", "commands", "cli"], why: "The file host knows no other host." }),
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: walls({ hosts: ["excel", "taskpane", "commands"], why: "The command line uses the file host (and xlsx) only." }),
  },
  {
    // The document writer serves the pane (Blob) and the command line (Buffer): no host of its own.
    files: ["src/docx/**/*.ts"],
    rules: walls({ hosts: ["excel", "file", "taskpane", "commands", "cli"], why: "src/docx writes documents for any host and knows none." }),
  },
);
