/**
 * npm run bench [-- --json]: performance as ratios measured in one run, never as absolute
 * assertions. The engine on 6, 60 and 600 units (linear: 600 ≤ 12 × 60), and the CLI build of a
 * 300-unit file against a bare exceljs load + save of the same file (≤ 1.5 ×); the compiled CLI as a
 * process against the same (≤ 0.5 ×), and its peak memory against a bare exceljs process's (≤ 1 ×).
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { buildBloc } from "../src/core/pipeline";
import { applyPlan } from "../src/excel/applyPlan";
import { readSnapshot } from "../src/excel/readSnapshot";
import { fakeFromSnapshot } from "../test/support/excelFake";
import { taskpaneInitialJsGzipBytes } from "../scripts/bundle-size";
import { syntheticSnapshot, syntheticWorkbook } from "./synthetic";

const json = process.argv.includes("--json");
const log = (s: string) => (json ? process.stderr : process.stdout).write(s + "\n");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** With --expose-gc, collect before each timed run so no run pays for the garbage of the one before. */
const gc = (globalThis as { gc?: () => void }).gc;

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  gc?.();
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchEngine(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of [6, 60, 600]) {
    const snap = syntheticSnapshot(n);
    const runs = n >= 600 ? 9 : 21;
    buildBloc(snap, { lang: "vi", now: new Date().toISOString() }); // warm-up
    const ts: number[] = [];
    for (let i = 0; i < runs; i++) ts.push(await time(() => buildBloc(snap, { lang: "vi", now: new Date().toISOString() })));
    out[String(n)] = Math.round(median(ts) * 100) / 100;
    log(`engine, ${n} units: ${out[String(n)]} ms (median of ${runs})`);
  }
  return out;
}

export async function benchCli(units = 300): Promise<{ cliMs: number; exceljsMs: number; ratio: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bench-"));
  try {
    const file = path.join(dir, "bloc.xlsx");
    await syntheticWorkbook(units).xlsx.writeFile(file);
    const bare = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      fs.writeFileSync(path.join(dir, "bare.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    };
    const io = { out: () => undefined, err: () => undefined, now: () => new Date() };
    const build = async () => {
      const code = await runCli(["build", file, "--out", path.join(dir, "cli.xlsx")], io);
      if (code !== 0) throw new Error(`CLI build exited ${code}`);
    };
    await bare();
    await build();
    const b: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < 5; i++) {
      b.push(await time(bare));
      c.push(await time(build));
    }
    const res = { cliMs: Math.round(median(c)), exceljsMs: Math.round(median(b)), ratio: Math.round((median(c) / median(b)) * 100) / 100 };
    log(`CLI build, ${units} units: ${res.cliMs} ms; bare exceljs load+save: ${res.exceljsMs} ms; ratio ${res.ratio} (target ≤ 1.5)`);
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak resident memory (KB) of a Node process, reported by a preload at exit. */
const PEAK_RSS_PRELOAD = `process.on("exit", () => require("fs").writeSync(2, "\\nPEAK_RSS_KB=" + process.resourceUsage().maxRSS + "\\n"));`;

function runNode(args: string[], preload: string): { ms: number; peakKb: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", preload, ...args], { encoding: "utf8", cwd: path.join(__dirname, "..") });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const peak = /PEAK_RSS_KB=(\d+)/.exec(r.stderr);
  if (!peak) throw new Error("no peak memory reported");
  return { ms, peakKb: Number(peak[1]) };
}

/**
 * The whole command-line process as users run it — the compiled CLI (an esbuild bundle of
 * src/cli/main.ts, as `npm install` builds it), start-up included — building a 300-unit file,
 * against a bare exceljs load + save of the same file in this process; and the peak memory of the
 * CLI process against that of a process doing the bare exceljs load + save.
 */
export async function benchCliProcess(units = 300): Promise<{ cliProcessMs: number; exceljsMs: number; ratio: number; cliPeakMb: number; exceljsPeakMb: number; memoryRatio: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bench-"));
  try {
    const file = path.join(dir, "bloc.xlsx");
    await syntheticWorkbook(units).xlsx.writeFile(file);
    const bundle = path.join(dir, "bloc-summary.cjs");
    execFileSync("npx", ["esbuild", "src/cli/main.ts", "--bundle", "--platform=node", "--target=node20", "--format=cjs", `--outfile=${bundle}`, "--log-level=warning"], { cwd: path.join(__dirname, "..") });
    const preload = path.join(dir, "peak.cjs");
    fs.writeFileSync(preload, PEAK_RSS_PRELOAD);
    const bareScript = path.join(dir, "bare.cjs");
    fs.writeFileSync(
      bareScript,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});\n` +
        `(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(${JSON.stringify(file)}); require("fs").writeFileSync(${JSON.stringify(path.join(dir, "bare.xlsx"))}, Buffer.from(await wb.xlsx.writeBuffer())); })();\n`,
    );
    const bare = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      fs.writeFileSync(path.join(dir, "bare.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    };
    const cli = () => runNode([bundle, "build", file, "--out", path.join(dir, "cli.xlsx")], preload);
    await bare();
    cli();
    const b: number[] = [];
    const c: number[] = [];
    const cliPeak: number[] = [];
    const barePeak: number[] = [];
    for (let i = 0; i < 5; i++) {
      b.push(await time(bare));
      const run = cli();
      c.push(run.ms);
      cliPeak.push(run.peakKb);
      barePeak.push(runNode([bareScript], preload).peakKb);
    }
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    const res = {
      cliProcessMs: Math.round(median(c)),
      exceljsMs: Math.round(median(b)),
      ratio: Math.round((median(c) / median(b)) * 100) / 100,
      cliPeakMb: mb(median(cliPeak)),
      exceljsPeakMb: mb(median(barePeak)),
      memoryRatio: Math.round((median(cliPeak) / median(barePeak)) * 100) / 100,
    };
    log(`CLI process, ${units} units: ${res.cliProcessMs} ms; bare exceljs load+save: ${res.exceljsMs} ms; ratio ${res.ratio} (target ≤ 0.5)`);
    log(`peak memory: CLI process ${res.cliPeakMb} MB; bare exceljs load+save process ${res.exceljsPeakMb} MB; ratio ${res.memoryRatio} (target ≤ 1)`);
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One whole build through the Office.js host on the strict Excel fake: syncs per build (read +
 * write) for 6 and 600 units, and the largest single request (Excel on the web refuses > 5 MB).
 */
export async function benchExcelHost(): Promise<{ syncsPerBuild: Record<string, number>; maxRequestBytes: number }> {
  const syncsPerBuild: Record<string, number> = {};
  let maxRequestBytes = 0;
  const supports = () => true;
  for (const n of [6, 600]) {
    const fake = fakeFromSnapshot(syntheticSnapshot(n));
    fake.resetLog();
    await fake.run(async (ctx) => {
      const snap = await readSnapshot(ctx, { supports });
      const res = buildBloc(snap, { lang: "vi", now: new Date().toISOString() });
      await applyPlan(ctx, res.plan, { supports });
    });
    syncsPerBuild[String(n)] = fake.syncCount;
    maxRequestBytes = Math.max(maxRequestBytes, fake.maxRequestBytes);
    log(`Office.js host, ${n} units: ${fake.syncCount} syncs per build; largest request ${fake.maxRequestBytes} bytes`);
  }
  return { syncsPerBuild, maxRequestBytes };
}

/** The pane's initial JS (gzip, office.js excluded) of a production build made here. */
export function benchBundle(): number {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "bs-dist-"));
  try {
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", dist], { stdio: "ignore", cwd: path.join(__dirname, "..") });
    const bytes = taskpaneInitialJsGzipBytes(dist);
    log(`task pane initial JS: ${(bytes / 1024).toFixed(1)} KB gzip (target ≤ 300 KB)`);
    return bytes;
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

async function main() {
  const engineMs = await benchEngine();
  const linear = Math.round((engineMs["600"] / engineMs["60"]) * 100) / 100;
  log(`600 / 60 units: ${linear} × (target ≤ 12)`);
  const cli = await benchCli();
  const cliProcess = await benchCliProcess();
  const host = await benchExcelHost();
  const taskpaneInitialJsGzipBytes = benchBundle();
  const result = { engineMs, engine600over60: linear, cliVsExceljs: cli.ratio, cliMs: cli.cliMs, exceljsMs: cli.exceljsMs, cliProcessVsExceljs: cliProcess.ratio, cliProcessMs: cliProcess.cliProcessMs, cliPeakMemoryVsExceljs: cliProcess.memoryRatio, ...host, taskpaneInitialJsGzipBytes };
  if (json) process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) main();
