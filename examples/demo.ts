/**
 * npm run demo [-- --lang en]: builds the bundled sample bloc workbook with the command line and says
 * where the outputs went. The sample's per-unit and 2022 figures are invented; its 2023 bloc totals
 * are the seed report's. Further arguments go to the build (e.g. --lang en, --json).
 * It then names the other samples: a mid-year workbook and three blocs to roll up.
 */
import path from "path";
import { parseCommandLine } from "../src/cli/args";
import { COMMANDS } from "../src/cli/commands/table";
import { runCli } from "../src/cli/main";
import { DEMO_TEXT } from "../src/core/i18n/cli";

const dir = __dirname;
const input = path.join(dir, "khoi-thi-dua-2-2023.xlsx");
const out = path.join(dir, "khoi-thi-dua-2-2023.summary.xlsx");
const docx = path.join(dir, "khoi-thi-dua-2-2023.docx");
const rel = (p: string) => path.relative(process.cwd(), p);
const extra = process.argv.slice(2);

runCli(["build", rel(input), "--out", rel(out), "--docx", rel(docx), ...extra], {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  now: () => new Date(),
}).then((code) => {
  // With --json stdout holds only the JSON object; the closing words go to stderr then.
  const say = extra.includes("--json") ? process.stderr : process.stdout;
  // Exit 2 has said what is wrong with the arguments; otherwise they parse, in the language asked for.
  if (code !== 2) {
    const T = DEMO_TEXT[parseCommandLine(["build", input, ...extra], COMMANDS).lang];
    say.write(`\n${T.done(rel(out), rel(docx))}\n`);
    say.write(`\n${T.others(rel(path.join(dir, "khoi-thi-dua-2-6-thang-2024.xlsx")), rel(path.join(dir, "rollup")))}\n`);
  }
  process.exitCode = code;
});
