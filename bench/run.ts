/**
 * npm run bench [-- --json]: performance as ratios measured in one run, never as absolute
 * assertions. The engine on 6, 60 and 600 units (linear: 600 ≤ 12 × 60), and the CLI build of a
 * 300-unit file against a bare exceljs load + save of the same file: in this process (≤ 1.5 ×) and
 * as whole processes, start-up included (cliProcessVsExceljs ≤ 0.5, peak memory ≤ exceljs's).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { buildBloc } from "../src/core/pipeline";
import { applyPlan } from "../src/excel/applyPlan";
import { officeErrorMessage } from "../src/excel/errors";
import { applyNumberFixes } from "../src/excel/fixTextNumbers";
import { readSnapshot } from "../src/excel/readSnapshot";
import { selectCell } from "../src/excel/select";
import { BlocSession } from "../src/excel/session";
import { applyTemplatePlan, applyUnitAddition } from "../src/excel/template";
import { ZLIB_CODEC } from "../src/file/zlibCodec";
import { readWorkbook } from "../src/xlsx/read";
import { fakeFromSnapshot } from "../test/support/excelFake";
import { taskpaneInitialJsGzipBytes } from "../scripts/bundle-size";
import { syntheticSnapshot, syntheticWorkbook } from "./synthetic";
import { annotateIssues } from "../src/excel/comments";
import { benchRollup } from "./rollup";

const json = process.argv.includes("--json");
const log = (s: string) => (json ? process.stderr : process.stdout).write(s + "\n");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** With --expose-gc, collect before each timed run so no run pays for the garbage of the one before. */
const gc = (globalThis as { gc?: () => void }).gc;

async function time(fn: () => unknown | Promise<unknown>, collectFirst = true): Promise<number> {
  if (collectFirst) gc?.();
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

/**
 * The command line as the README documents it, one process per build, start-up included (`node
 * build/bloc-summary.cjs build bloc.xlsx --out …`, the compiled bin), against a bare exceljs load +
 * save of the same 300-unit file in a process of its own; and the peak memory (maxRSS) of both.
 */
export async function benchCliProcess(
  units = 300,
): Promise<{ cliMs: number; exceljsMs: number; ratio: number; cpuRatio: number; cliCpuMs: number; exceljsCpuMs: number; cliPeakKb: number; exceljsPeakKb: number }> {
  const root = path.join(__dirname, "..");
  // The bin built from the sources measured, as npm install's prepare builds it.
  execFileSync("npm", ["run", "-s", "build:cli"], { cwd: root, stdio: "ignore" });
  const bin = path.join(root, JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).bin["bloc-summary"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bench-proc-"));
  try {
    const file = path.join(dir, "bloc.xlsx");
    await syntheticWorkbook(units).xlsx.writeFile(file);
    const bareScript = path.join(dir, "bare.cjs");
    fs.writeFileSync(
      bareScript,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); await wb.xlsx.writeFile(process.argv[3]); })();`,
    );
    // Preloaded into both processes: at exit, the peak resident set size (KB) and the CPU time used
    // (ms, user + system) into a file. The same measure for both, without changing the program measured.
    const rssFile = path.join(dir, "rss");
    const preload = path.join(dir, "peak.cjs");
    fs.writeFileSync(
      preload,
      `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(${JSON.stringify(rssFile)}, u.maxRSS + " " + Math.round((u.userCPUTime + u.systemCPUTime) / 1000)); });`,
    );
    type Run = { ms: number; kb: number; cpu: number };
    const run = (args: string[]): Run => {
      const t = process.hrtime.bigint();
      execFileSync(process.execPath, ["-r", preload, ...args], { stdio: "ignore" });
      const [kb, cpu] = fs.readFileSync(rssFile, "utf8").split(" ").map(Number);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, kb, cpu };
    };
    const cli = () => run([bin, "build", file, "--out", path.join(dir, "cli.xlsx")]);
    const bare = () => run([bareScript, file, path.join(dir, "bare.xlsx")]);
    cli();
    bare();
    const c: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i < 7; i++) {
      b.push(bare());
      c.push(cli());
    }
    const cliMs = median(c.map((x) => x.ms));
    const exceljsMs = median(b.map((x) => x.ms));
    // CPU time too: on a shared machine the wall clock also counts the other processes' turns.
    const cliCpuMs = median(c.map((x) => x.cpu));
    const exceljsCpuMs = median(b.map((x) => x.cpu));
    const res = {
      cliMs: Math.round(cliMs),
      exceljsMs: Math.round(exceljsMs),
      ratio: Math.round((cliMs / exceljsMs) * 100) / 100,
      cpuRatio: Math.round((cliCpuMs / exceljsCpuMs) * 100) / 100,
      cliCpuMs,
      exceljsCpuMs,
      cliPeakKb: Math.max(...c.map((x) => x.kb)),
      exceljsPeakKb: Math.max(...b.map((x) => x.kb)),
    };
    log(
      `CLI process (compiled bin), ${units} units: ${res.cliMs} ms; bare exceljs load+save process: ${res.exceljsMs} ms; ratio ${res.ratio} (target ≤ 0.5); CPU time ${res.cliCpuMs} / ${res.exceljsCpuMs} ms, ratio ${res.cpuRatio}`,
    );
    log(`peak memory: CLI ${Math.round(res.cliPeakKb / 1024)} MB; bare exceljs ${Math.round(res.exceljsPeakKb / 1024)} MB (target: CLI ≤ exceljs)`);
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our reader (src/xlsx/read.ts) against exceljs's read of the same 300-unit file, both from the
 * bytes in memory to what each gives (a snapshot; exceljs's workbook model).
 */
export async function benchRead(units = 300): Promise<{ readMs: number; exceljsReadMs: number; ratio: number }> {
  const bytes = Buffer.from(await syntheticWorkbook(units).xlsx.writeBuffer());
  // As the command line reads (src/file/load.ts): Node's zlib inflates.
  const ours = () => readWorkbook(bytes, { codec: ZLIB_CODEC });
  const theirs = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  };
  // Both sides alike: warmed up the same, then timed in alternating blocks of runs (a busy moment
  // of a shared machine falls on both), medians. Each block starts after a full collection and its
  // runs follow each other without one, so each side pays for its own garbage in steady state — not
  // for the other side's, and not for a collection forced before every run (which measures a heap
  // just compacted rather than the reader at work).
  for (let i = 0; i < 3; i++) {
    ours();
    await theirs();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let block = 0; block < 4; block++) {
    for (const [side, fn] of [
      [a, ours],
      [b, theirs],
    ] as const) {
      gc?.();
      for (let i = 0; i < 5; i++) side.push(await time(fn, false));
    }
  }
  const res = { readMs: Math.round(median(a)), exceljsReadMs: Math.round(median(b)), ratio: Math.round((median(a) / median(b)) * 100) / 100 };
  log(`read, ${units} units: ours ${res.readMs} ms; exceljs ${res.exceljsReadMs} ms; ratio ${res.ratio} (target ≤ 0.25)`);
  return res;
}

/**
 * One whole build through the Office.js host on the strict Excel fake: syncs per build (read +
 * write, the workbook's lock included: the session the pane and the ribbon use) for 6 and 600
 * units, and the largest single request (Excel on the web refuses > 5 MB).
 */
export async function benchExcelHost(): Promise<{ syncsPerBuild: Record<string, number>; maxRequestBytes: number }> {
  const syncsPerBuild: Record<string, number> = {};
  let maxRequestBytes = 0;
  for (const n of [6, 600]) {
    const fake = fakeFromSnapshot(syntheticSnapshot(n));
    fake.resetLog();
    const ops = { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage };
    const built = await new BlocSession((batch) => fake.run(batch), ops, { supports: fake.supports }).build("vi");
    if (!built.ok) throw built.error;
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
  const read = await benchRead();
  const host = await benchExcelHost();
  const taskpaneInitialJsGzipBytes = benchBundle();
  const rollupVsRead = (await benchRollup(log)).ratio;
  const result = {
    engineMs,
    engine600over60: linear,
    cliVsExceljs: cli.ratio,
    cliMs: cli.cliMs,
    exceljsMs: cli.exceljsMs,
    cliProcessVsExceljs: cliProcess.ratio,
    cliProcessMs: cliProcess.cliMs,
    exceljsProcessMs: cliProcess.exceljsMs,
    cliProcessCpuVsExceljs: cliProcess.cpuRatio,
    cliProcessCpuMs: cliProcess.cliCpuMs,
    exceljsProcessCpuMs: cliProcess.exceljsCpuMs,
    cliPeakKb: cliProcess.cliPeakKb,
    exceljsPeakKb: cliProcess.exceljsPeakKb,
    readVsExceljsRead: read.ratio,
    readMs: read.readMs,
    exceljsReadMs: read.exceljsReadMs,
    ...host,
    taskpaneInitialJsGzipBytes,
    rollupVsRead,
  };
  if (json) process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) main();
