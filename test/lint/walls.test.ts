/**
 * The walls of eslint.config.mjs refuse what they should and let through what they should: each
 * case is a one-line file linted as if it stood at that path of the tree.
 */
import { execFileSync } from "child_process";
import path from "path";

interface Case {
  path: string;
  code: string;
  /** The rule that must refuse it; null when the import is allowed. */
  refusedBy: string | null;
}

const IMPORT = "no-restricted-imports";
const GLOBAL = "no-restricted-globals";
const SYNTAX = "no-restricted-syntax";

const use = (what: string) => `import * as x from "${what}";\nexport const y = x;\n`;
const useType = (what: string) => `import type { BlocHost } from "${what}";\nexport type Y = BlocHost;\n`;

const CASES: Case[] = [
  // The engine imports no host, UI, package library, Node or Office.
  { path: "src/core/x.ts", code: use("../excel/session"), refusedBy: IMPORT },
  { path: "src/core/read/x.ts", code: use("../../file/xlsx"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: useType("../excel/session"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("../xlsx/zip"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("../taskpane/App"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("../cli/main"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("react"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("react/jsx-runtime"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("exceljs"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("jszip"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("fflate"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("saxes"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("docx"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("fs"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: use("node:path"), refusedBy: IMPORT },
  { path: "src/core/x.ts", code: "export const lang = Office.context.displayLanguage;\n", refusedBy: GLOBAL },
  { path: "src/core/x.ts", code: "export const el = document.body;\n", refusedBy: GLOBAL },
  { path: "src/core/x.ts", code: 'export const m = import("./snapshot");\n', refusedBy: SYNTAX },
  { path: "src/core/render/x.ts", code: use("../snapshot"), refusedBy: null },
  { path: "src/core/x.ts", code: use("./i18n/format"), refusedBy: null },
  // SpreadsheetML code is host-neutral.
  { path: "src/xlsx/x.ts", code: use("fs"), refusedBy: IMPORT },
  { path: "src/xlsx/x.ts", code: use("../file/load"), refusedBy: IMPORT },
  { path: "src/xlsx/x.ts", code: use("../excel/session"), refusedBy: IMPORT },
  { path: "src/xlsx/x.ts", code: use("react"), refusedBy: IMPORT },
  { path: "src/xlsx/x.ts", code: use("fflate"), refusedBy: null },
  { path: "src/xlsx/x.ts", code: use("../core/snapshot"), refusedBy: null },
  // The pane reaches the workbook through the excel host only.
  { path: "src/taskpane/x.tsx", code: use("../file/load"), refusedBy: IMPORT },
  { path: "src/taskpane/components/x.tsx", code: use("../../cli/main"), refusedBy: IMPORT },
  { path: "src/taskpane/x.tsx", code: use("../excel/session"), refusedBy: null },
  { path: "src/taskpane/components/x.tsx", code: "export const lang = Office.context.displayLanguage;\n", refusedBy: GLOBAL },
  { path: "src/taskpane/index.tsx", code: "export const lang = Office.context.displayLanguage;\n", refusedBy: null },
  { path: "src/taskpane/x.tsx", code: use("../xlsx/zip"), refusedBy: null },
  // The hosts never import each other.
  { path: "src/excel/x.ts", code: use("../file/load"), refusedBy: IMPORT },
  { path: "src/excel/x.ts", code: use("../taskpane/App"), refusedBy: IMPORT },
  { path: "src/excel/x.ts", code: use("../cli/main"), refusedBy: IMPORT },
  { path: "src/file/x.ts", code: use("../excel/session"), refusedBy: IMPORT },
  { path: "src/file/x.ts", code: use("../taskpane/App"), refusedBy: IMPORT },
  { path: "src/file/x.ts", code: use("fs"), refusedBy: null },
  { path: "src/cli/x.ts", code: use("../excel/session"), refusedBy: IMPORT },
  { path: "src/cli/x.ts", code: use("../file/load"), refusedBy: null },
  { path: "src/commands/x.ts", code: use("../taskpane/App"), refusedBy: IMPORT },
  { path: "src/commands/x.ts", code: use("../excel/session"), refusedBy: null },
];

function lint(cases: readonly Case[]): string[][] {
  const script = path.join(__dirname, "..", "support", "lintText.mjs");
  const out = execFileSync(process.execPath, [script], { input: JSON.stringify(cases.map(({ path, code }) => ({ path, code }))), encoding: "utf8" });
  return JSON.parse(out) as string[][];
}

describe("the walls between stages and hosts", () => {
  const results = lint(CASES);

  it.each(CASES.map((c, k) => [`${c.path}: ${c.code.split("\n")[0]}`, c, k] as const))("%s", (_name, c, k) => {
    const rules = results[k];
    if (c.refusedBy) expect(rules).toContain(c.refusedBy);
    else expect(rules).toEqual([]);
  });
});
