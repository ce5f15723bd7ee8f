/**
 * LibreOffice as an independent calculator: convert .xlsx files headless with a throw-away profile
 * that is told to recalculate every formula on load, so the saved cached values are LibreOffice's
 * own results, not ours. Missing LibreOffice is a failure, never a skip (CI installs it).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";

export const SOFFICE = process.env.SOFFICE ?? "soffice";

/** OOXMLRecalcMode / ODFRecalcMode 0 = "always recalculate" (1 = never, 2 = ask). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Fails (never skips) with what to install when `soffice` does not run; `why` says what needs it. */
export function requireSoffice(why = "for the recalculation tests", packages = "libreoffice-calc-nogui"): void {
  const r = spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (r.error || r.status !== 0) {
    throw new Error(
      `LibreOffice is required ${why}, but "${SOFFICE} --version" failed (${r.error?.message ?? `exit ${r.status}`}). ` +
        `Install it (Debian/Ubuntu: apt-get install -y ${packages}) or set SOFFICE to its path.`,
    );
  }
}

/**
 * Recalculate and re-save every file in one soffice run; returns the path of each result
 * (same base name, in outDir).
 */
export function recalculate(files: string[], outDir: string): string[] {
  requireSoffice();
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-"));
  try {
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    mkdirSync(outDir, { recursive: true });
    const r = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...files],
      { encoding: "utf8", timeout: 170_000 },
    );
    if (r.error || r.status !== 0) throw new Error(`soffice failed: ${r.error?.message ?? r.stderr}`);
    return files.map((f) => path.join(outDir, path.basename(f)));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Every sheet of a workbook as LibreOffice displays it: its CSV export with "save cell contents as
 * shown" and all sheets (filter options token 9 = true, token 12 = -1, LibreOffice ≥ 7.2). Returns
 * sheet name → text.
 */
export function displayedSheets(file: string, outDir: string): Map<string, string> {
  requireSoffice("to compare how sheets display");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-"));
  try {
    mkdirSync(outDir, { recursive: true });
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        outDir,
        file,
      ],
      { encoding: "utf8", timeout: 170_000 },
    );
    if (r.error || r.status !== 0) throw new Error(`soffice failed: ${r.error?.message ?? r.stderr}`);
    const base = path.basename(file).replace(/\.[^.]*$/, "");
    const out = new Map<string, string>();
    for (const f of readdirSync(outDir)) {
      if (f.startsWith(`${base}-`) && f.endsWith(".csv")) out.set(f.slice(base.length + 1, -4), readFileSync(path.join(outDir, f), "utf8"));
    }
    if (!out.size) throw new Error(`soffice wrote no sheets of ${file}: ${r.stdout}${r.stderr}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
