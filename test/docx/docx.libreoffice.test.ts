/**
 * The .docx documents through LibreOffice: they convert to a PDF of a plausible length, and page 1
 * is rendered for review. Run by `npm run test:libreoffice`; a missing tool fails, never skips.
 */
import { execFileSync, spawnSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { sampleDocx } from "../support/sampleDocx";

const OUTPUT = path.join(__dirname, "../output");

let submission: Buffer;
let minutes: Buffer;

beforeAll(async () => {
  ({ submission, minutes } = await sampleDocx());
});

/** LibreOffice must be installed (CI installs libreoffice-writer-nogui and poppler-utils): a missing tool fails, never skips. */
function tool(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim()) {
    throw new Error(
      `"${name}" is not installed: the .docx cannot be rendered to check its layout. Install LibreOffice (apt-get install libreoffice-writer-nogui) and poppler-utils.`,
    );
  }
  return found.stdout.trim();
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe("the .docx in LibreOffice", () => {
  test("converts to a PDF of a plausible length and renders page 1 for review", async () => {
    const soffice = tool("soffice");
    const pdftoppm = tool("pdftoppm");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bloc-docx-"));
    const profile = path.join(os.tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      await fs.writeFile(path.join(dir, "to-trinh.docx"), submission);
      await fs.writeFile(path.join(dir, "bien-ban.docx"), minutes);
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "to-trinh.docx"), path.join(dir, "bien-ban.docx")],
        { stdio: "pipe", timeout: 120000 },
      );
      await fs.mkdir(OUTPUT, { recursive: true });
      for (const name of ["to-trinh", "bien-ban"]) {
        const pdf = await fs.readFile(path.join(dir, `${name}.pdf`));
        const pages = pageCount(pdf);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(4);
        execFileSync(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path.join(dir, `${name}.pdf`), path.join(OUTPUT, `${name}-page1`)], { stdio: "pipe" });
        const png = await fs.readFile(path.join(OUTPUT, `${name}-page1.png`));
        expect(png.subarray(1, 4).toString()).toBe("PNG");
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(profile, { recursive: true, force: true });
    }
  }, 180000);
});
