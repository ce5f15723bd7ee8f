/**
 * The command line's summary chart through LibreOffice: the file converts, and the rendered summary
 * page shows the bars. Run by `npm run test:libreoffice`; missing LibreOffice is a failure.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import type { ChartModel } from "../../src/core/sheet/model";
import { requireSoffice, SOFFICE } from "../support/libreoffice";
import { buildSampleChart } from "../support/sampleChart";

const OUTPUT_DIR = path.join(__dirname, "../output");

describe("the command line's summary chart", () => {
  let dir: string;
  let out: string;
  let chart: ChartModel;

  beforeAll(async () => {
    ({ dir, out, chart } = await buildSampleChart());
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts in LibreOffice, and the rendered summary page shows the chart's bars", () => {
    requireSoffice("to check that the summary chart renders", "libreoffice-calc-nogui poppler-utils");
    const profile = mkdtempSync(path.join(os.tmpdir(), "lo-chart-"));
    const pdfDir = path.join(dir, "pdf");
    try {
      const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdfDir, out], {
        encoding: "utf8",
        timeout: 170_000,
      });
      if (r.error || r.status !== 0) throw new Error(`soffice failed: ${r.error?.message ?? r.stderr}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = path.join(pdfDir, "out.pdf");
    // The page with the chart: the one whose text has its title.
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
    expect(pages).toBeGreaterThan(0);
    let page = 0;
    for (let p = 1; p <= pages && !page; p++) {
      const t = spawnSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).stdout;
      if (t.includes(chart.title)) page = p;
    }
    expect(page).toBeGreaterThan(0);

    mkdirSync(OUTPUT_DIR, { recursive: true });
    const png = spawnSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "110", "-png", "-singlefile", pdf, path.join(OUTPUT_DIR, "summary-chart")], {
      encoding: "utf8",
    });
    expect(png.status).toBe(0);
    // Bars: many pixels of the first series' colour (4472C4) on the rendered page.
    expect(spawnSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "60", "-singlefile", pdf, path.join(dir, "page")]).status).toBe(0);
    const ppm = readFileSync(path.join(dir, "page.ppm"));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
    const data = ppm.subarray(header[0].length);
    let blue = 0;
    for (let i = 0; i + 2 < data.length; i += 3) if (Math.abs(data[i] - 0x44) < 12 && Math.abs(data[i + 1] - 0x72) < 12 && Math.abs(data[i + 2] - 0xc4) < 12) blue++;
    expect(blue).toBeGreaterThan(100);
  });
});
