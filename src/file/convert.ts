/**
 * A legacy .xls or an .ods converted to .xlsx by LibreOffice (`soffice --headless --convert-to
 * xlsx`) where it is installed. The user's file is never touched: it is copied into a private
 * temporary folder (named by its real format, so LibreOffice's type detection is not misled by a
 * renamed file) and LibreOffice runs with a private profile there, so it neither waits for nor
 * disturbs a LibreOffice the user has open.
 */
import { constants, promises as fs } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";

/** A conversion normally takes a few seconds; a hung LibreOffice is stopped after this. */
const TIMEOUT_MS = 120_000;

/** The path of `soffice` on the PATH (LibreOffice's command line), or null. */
export async function findSoffice(envPath = process.env.PATH ?? ""): Promise<string | null> {
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice"];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const p = path.join(dir, name);
      try {
        await fs.access(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** The .xlsx bytes LibreOffice makes of `input` (a `format` file). Throws with LibreOffice's own words on failure. */
export async function convertToXlsx(input: string, format: "xls" | "ods", soffice: string): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bloc-convert-"));
  try {
    const source = path.join(dir, `input.${format}`);
    await fs.copyFile(input, source);
    const outDir = path.join(dir, "out");
    const args = ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--convert-to", "xlsx", "--outdir", outDir, source];
    // Loaded here, not with the module: only a conversion starts a process, and loading child_process
    // is a noticeable part of every other run's start-up.
    const { execFile } = await import("child_process");
    const output = await new Promise<string>((resolve, reject) => {
      execFile(soffice, args, { timeout: TIMEOUT_MS, windowsHide: true }, (err, stdout, stderr) => {
        if (err) reject(new Error((stderr || err.message).trim().split("\n")[0]));
        else resolve(`${stdout}${stderr}`.trim());
      });
    });
    try {
      return await fs.readFile(path.join(outDir, "input.xlsx"));
    } catch {
      // LibreOffice exits 0 even when it could not load the file; it says so on its output.
      throw new Error(output.split("\n")[0] || "LibreOffice wrote no file");
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
