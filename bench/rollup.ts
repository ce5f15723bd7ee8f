/**
 * Bench `rollupVsRead`: 60 blocs of 10 units rolled up by the CLI (each read and checked —
 * validated and totalled, no outputs — then added up and written) against only reading the same
 * 60 files. Target: under 2 ×.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { runCli } from "../src/cli/main";
import { loadWorkbook } from "../src/file/load";
import { syntheticWorkbook } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchRollup(log: (s: string) => void, blocs = 60, units = 10): Promise<{ rollupMs: number; readMs: number; ratio: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-rollup-bench-"));
  try {
    const folder = path.join(dir, "blocs");
    fs.mkdirSync(folder);
    const wb = syntheticWorkbook(units);
    for (let i = 0; i < blocs; i++) await wb.xlsx.writeFile(path.join(folder, `khoi-${String(i + 1).padStart(2, "0")}.xlsx`));
    const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
    const read = async () => {
      for (const f of files) await loadWorkbook(f);
    };
    const io = { out: () => undefined, err: () => undefined, now: () => new Date() };
    const rollup = async () => {
      const code = await runCli(["rollup", folder, "--out", path.join(dir, "nganh.xlsx")], io);
      if (code !== 0) throw new Error(`rollup exited ${code}`);
    };
    // Warm-up of both sides (modules, JIT, the files in the page cache), then rounds alternating
    // which side goes first, so neither always follows the other's garbage; medians of 9.
    await read();
    await rollup();
    const r: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < 9; i++) {
      if (i % 2) u.push(await time(rollup));
      r.push(await time(read));
      if (!(i % 2)) u.push(await time(rollup));
    }
    const res = { rollupMs: Math.round(median(u)), readMs: Math.round(median(r)), ratio: Math.round((median(u) / median(r)) * 100) / 100 };
    log(`roll-up of ${blocs} blocs × ${units} units: ${res.rollupMs} ms; reading them: ${res.readMs} ms; ratio ${res.ratio} (target < 2)`);
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchRollup((s) => process.stdout.write(s + "\n"));
