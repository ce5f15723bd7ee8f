/**
 * The command line compiled (npm install's prepare, and before the tests): src/cli/main.ts bundled
 * into build/cli.cjs (docx stays a package: it is loaded only to write a submission), the launcher
 * build/bloc-summary.cjs (package.json's bin), and the V8 code cache the launcher uses, made by one
 * build of the bundled sample. Measured: the compile cache saves ~4% of a 300-unit build's process
 * (`npm run bench`, cliProcessVsExceljs).
 *
 *   npx tsx scripts/build-cli.ts
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "build");
const BUNDLE = path.join(OUT, "cli.cjs");
const BIN = path.join(OUT, "bloc-summary.cjs");
const CACHE = `${BUNDLE}.cache`;
const SAMPLE = path.join(ROOT, "examples", "khoi-thi-dua-2-2023.xlsx");

// Never a cache of an older bundle beside a new one, even when a step below fails.
fs.rmSync(CACHE, { force: true });
buildSync({
  entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["docx"],
  // fflate's browser build: its Node build loads worker_threads at start for the asynchronous API
  // the command line never uses (Node's zlib does its work).
  alias: { fflate: "fflate/browser" },
  // A module loaded when needed (child_process, for a conversion) by require: the launcher runs the
  // bundle as a vm.Script, which has no loader for import().
  supported: { "dynamic-import": false },
  outfile: BUNDLE,
  logLevel: "warning",
});
fs.copyFileSync(path.join(ROOT, "scripts", "cli-launcher.cjs"), BIN);
fs.chmodSync(BIN, 0o755);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bloc-summary-cache-"));
try {
  const run = spawnSync(process.execPath, [BIN, "build", SAMPLE, "--out", path.join(tmp, "out.xlsx")], {
    env: { ...process.env, BLOC_SUMMARY_WRITE_CODE_CACHE: CACHE },
    encoding: "utf8",
  });
  // The run is also a check: a bin that cannot build the sample is not installed quietly. Without a
  // cache the bin still works (it compiles as usual): that is said, not fatal.
  if (run.status !== 0) throw new Error(`The compiled command line failed on ${SAMPLE}:\n${run.stderr || run.stdout}`);
  if (!fs.existsSync(CACHE)) console.warn(`No code cache was made (${CACHE}): the command line will start a little slower.`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
