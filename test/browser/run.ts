/**
 * npm run test:browser — the task pane in a real browser, offline.
 *
 * 1. Builds the production bundle (webpack.config.js, office.js pointed at the local copy) and the
 *    test harness (the pane over the strict Excel fake, test/browser/webpack.harness.js).
 * 2. Reads examples/khoi-thi-dua-2-2023.xlsx in Node (src/file), serves it as a snapshot JSON, with
 *    a defect variant holding numbers typed as text.
 * 3. Serves everything on 127.0.0.1 (a free port), office.js from node_modules, and drives Debian's
 *    chromium with playwright-core: build, figures written, issues, cell selection, fix, language.
 * 4. Writes taskpane-{vi,en,dark,awards-vi,blocworkbook-vi,review-vi,review-en,import-vi}.png to test/output/screenshots (ignored:
 *    a test run leaves the tree clean) and prints "N passed, M failed". With --guide-images (what
 *    `npm run guide-images` passes) they go to docs/images, where the user guides show them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { a1, parseA1 } from "../../src/core/a1";
import { LABELS } from "../../src/core/i18n/labels";
import { staleText } from "../../src/core/i18n/stale";
import { UI } from "../../src/core/i18n/ui";
import type { Cell, SheetModel } from "../../src/core/sheet/model";
import { buildBloc, type BuildResult } from "../../src/core/pipeline";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { fixableCells } from "../../src/excel/session";
import { loadWorkbook } from "../../src/file/load";
import { periodText } from "../../src/core/i18n/period";
import { CLI_TEXT } from "../../src/core/i18n/cli";
import { INTAKE_TEXT, INTAKE_UI } from "../../src/core/i18n/intake";
import { importedSheet } from "../../src/core/intake/sheet";
import { newWorkbookBytes } from "../../src/xlsx/write/package";
import { evaluate } from "../core/helpers/formula";
import { taskpaneInitialJsGzipBytes, TASKPANE_INITIAL_JS_BUDGET_BYTES } from "../../scripts/bundle-size";
import { applied, putCell, withConfirmation, withSheet } from "../review/helpers";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "examples/khoi-thi-dua-2-2023.xlsx");
const OFFICE_JS_DIR = join(ROOT, "node_modules/@microsoft/office-js/dist");
const SHOTS = process.argv.includes("--guide-images") ? join(ROOT, "docs", "images") : join(ROOT, "test", "output", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const NOW = new Date().toISOString();
/** The harness's clock, so screenshots and build times are the same on every run. */
const HARNESS_NOW = "2024-01-15T02:30:00.000Z";

// ---------------------------------------------------------------------------------------------
// Builds

function compile(configs: webpack.Configuration[]): Promise<void> {
  return new Promise((done, fail) =>
    webpack(configs, (err, stats) => {
      if (err || !stats) fail(err ?? new Error("webpack returned no stats"));
      else if (stats.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else done();
    }),
  );
}

async function buildBundles(out: string): Promise<{ prod: string; harness: string }> {
  const prod = join(out, "dist");
  const harness = join(out, "harness");
  process.env.OFFICE_JS_URL = "/office-js/office.js";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prodConfig = require(join(ROOT, "webpack.config.js"))({}, { mode: "production" }) as webpack.Configuration;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const harnessConfig = require(join(__dirname, "webpack.harness.js"))(harness) as webpack.Configuration;
  // BLOC_BROWSER_REUSE=1 with BLOC_BROWSER_OUT=<dir>: serve an earlier build (quicker iterations).
  if (!process.env.BLOC_BROWSER_REUSE) await compile([{ ...prodConfig, output: { ...prodConfig.output, path: prod } }, harnessConfig]);
  return { prod, harness };
}

// ---------------------------------------------------------------------------------------------
// Workbooks: the sample, and the sample with numbers typed as text

/** The A1 address of (indicator row, year column) on a unit sheet, found like a reader would. */
function figureCell(sheet: SheetSnapshot, indicator: string, year: number): string {
  const row = sheet.values.findIndex((r) => r.some((v) => v === indicator));
  const header = sheet.values.findIndex((r) => r.some((v) => typeof v === "string" && /^(mã|code)$/i.test(v.trim())));
  const col = sheet.values[header]?.findIndex((v) => typeof v === "string" && v.includes(String(year)));
  if (row < 0 || header < 0 || col === undefined || col < 0) throw new Error(`no ${indicator}/${year} on ${sheet.name}`);
  return `${a1(sheet.top + row, sheet.left + col)}`;
}

function withText(wb: WorkbookSnapshot, sheetName: string, cell: string, text: (v: number) => string): WorkbookSnapshot {
  const copy = JSON.parse(JSON.stringify(wb)) as WorkbookSnapshot;
  const sheet = copy.sheets.find((s) => s.name === sheetName)!;
  const { row, col } = parseA1(cell);
  const v = sheet.values[row - sheet.top][col - sheet.left];
  if (typeof v !== "number") throw new Error(`${sheetName}!${cell} holds no number`);
  sheet.values[row - sheet.top][col - sheet.left] = text(v);
  return copy;
}

const viText = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 }).format(n);

// ---------------------------------------------------------------------------------------------
// Server

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
};

function serve(roots: { prefix: string; dir: string }[], fixtures: Record<string, unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    const fixture = /^\/fixtures\/([\w-]+)\.json$/.exec(path);
    if (fixture && fixture[1] in fixtures) {
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" });
      res.end(JSON.stringify(fixtures[fixture[1]]));
      return;
    }
    for (const { prefix, dir } of roots) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) break;
      try {
        if (statSync(file).isDirectory()) file = join(file, "index.html");
        const body = readFileSync(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

// ---------------------------------------------------------------------------------------------
// Checks

class Failure extends Error {}
function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Failure(message);
}
function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** The fake's workbook as it is now, read in the page. */
async function fakeWorkbook(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => window.__harness!.workbook());
}

/** A written sheet as a plan, so the formula evaluator of the core tests can follow its formulas. */
function asPlan(sheet: SheetSnapshot): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  sheet.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = sheet.formulas[r][c];
      const cell: Cell | undefined = f ? { formula: f.replace(/^=/, "") } : v === null ? undefined : { value: v as number | string | boolean };
      (rows[sheet.top + r] ??= [])[sheet.left + c] = cell;
    }),
  );
  return { name: sheet.name, kind: "summary", rows, merges: [], columnWidths: [], print: { orientation: "landscape", fitToWidth: true }, charts: [] };
}

function cellOf(sheet: SheetSnapshot, row: number, col: number): { value: CellValue; formula: string | null } {
  return { value: sheet.values[row - sheet.top]?.[col - sheet.left] ?? null, formula: sheet.formulas[row - sheet.top]?.[col - sheet.left] ?? null };
}

/** Every bloc total of the report year on the written summary, found by its row label and column header. */
function writtenTotals(wb: WorkbookSnapshot, expected: BuildResult): Record<string, number | string | boolean | null> {
  const year = expected.figures!.year;
  const name = expected.plan.sheets.find((s) => s.kind === "summary")!.name;
  const sheet = wb.sheets.find((s) => s.name === name);
  check(sheet, `no sheet "${name}" was written`);
  const label = LABELS.vi.blocTotal(periodText("year", year, "vi"));
  const rowIdx = sheet.values.findIndex((r) => r.includes(label));
  check(rowIdx >= 0, `no row "${label}" on ${name}`);
  const headerIdx = sheet.values.findIndex((r) => r.some((v) => typeof v === "string" && /^TT01\b/.test(v)));
  const plan = asPlan(sheet);
  const out: Record<string, number | string | boolean | null> = {};
  for (const code of Object.keys(expected.json.totals)) {
    const col = sheet.values[headerIdx].findIndex((v) => typeof v === "string" && new RegExp(`^${code}\\b`).test(v));
    check(col >= 0, `no column for ${code} on ${name}`);
    const { formula, value } = cellOf(sheet, sheet.top + rowIdx, sheet.left + col);
    check(formula, `${code} total is not a formula (${JSON.stringify(value)})`);
    const v = evaluate(formula.replace(/^=/, ""), { wb, plan });
    out[code] = typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v;
  }
  return out;
}

/** Before a screenshot: no hover, no focus ring, no animation running. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

async function openHarness(ctx: BrowserContext, base: string, query: string, errors: string[]): Promise<Page> {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  await page.goto(`${base}/harness/?${query}&now=${encodeURIComponent(HARNESS_NOW)}`);
  try {
    await page.waitForSelector('[data-testid="counts"]', { timeout: 30_000 });
  } catch (e) {
    const body = await page.evaluate(() => `${document.body.getAttribute("data-harness-error") ?? ""} ${document.body.innerText}`);
    throw new Failure(`the pane did not show its issue counts: ${body.trim().slice(0, 600)}; page errors: ${JSON.stringify(errors)}`);
  }
  return page;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const t0 = Date.now();
  const keep = process.env.BLOC_BROWSER_OUT;
  const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "bloc-browser-"));
  const profile = mkdtempSync(join(tmpdir(), "bloc-chromium-"));
  let server: Server | null = null;
  let ctx: BrowserContext | null = null;
  let passed = 0;
  let failed = 0;
  try {
    process.stdout.write("building the production bundle and the harness… ");
    const { prod, harness } = await buildBundles(work);
    const gzip = taskpaneInitialJsGzipBytes(prod);
    console.log(`done (${((Date.now() - t0) / 1000).toFixed(1)} s); task pane initial JS ${(gzip / 1024).toFixed(1)} KB gzip`);

    const { snapshot: sample } = await loadWorkbook(SAMPLE);
    const sampleResult = buildBloc(sample, { lang: "vi", now: NOW, utcOffsetMinutes: 420 });
    const year = sampleResult.figures!.year;
    const btp = sample.sheets.find((s) => s.name === "BTP")!;
    const defectCells = [figureCell(btp, "TCD01", year), figureCell(btp, "XLD01", year)];
    let defect = withText(sample, "BTP", defectCells[0], (v) => String(v));
    defect = withText(defect, "BTP", defectCells[1], viText);
    const defectResult = buildBloc(defect, { lang: "vi", now: NOW, utcOffsetMinutes: 420 });

    // Shared review: four of six units confirmed, built once, then BCA's TT01 changed by 2.
    const confirmedSample = withConfirmation(sample, "Xác nhận", { BCA: "Nguyễn Văn An, 10/01/2024", BTP: "x", BQP: "Trần Thị Bình 11/01", BKHDT: "x" });
    const firstBuild = buildBloc(confirmedSample, { lang: "vi", now: "2024-01-12T02:00:00.000Z", utcOffsetMinutes: 420 });
    const bcaTT01 = firstBuild.reports
      .find((r) => r.unit.code === "BCA")!
      .values.get("TT01")!
      .get(year)!;
    const at = parseA1(bcaTT01.cell);
    const reviewed = withSheet(applied(confirmedSample, firstBuild), "BCA", (sh) => putCell(sh, at.row, at.col, bcaTT01.value + 2));
    const reviewedResult = buildBloc(reviewed, { lang: "vi", now: HARNESS_NOW, utcOffsetMinutes: 420 });

    server = await serve(
      [
        { prefix: "/office-js/", dir: OFFICE_JS_DIR },
        { prefix: "/harness/", dir: harness },
        { prefix: "/", dir: prod },
      ],
      { sample, defect, reviewed },
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      viewport: { width: 380, height: 900 },
      // Screenshots without half-finished transitions.
      reducedMotion: "reduce",
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      acceptDownloads: true,
    });
    // Offline: nothing but the local server.
    await ctx.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    const context = ctx;
    mkdirSync(SHOTS, { recursive: true });

    const vi = UI.vi;
    const en = UI.en;
    const tests: [string, () => Promise<void>][] = [
      [
        "the production pages load office.js locally, register nothing broken, and the pane says it runs in Excel",
        async () => {
          const errors: string[] = [];
          const page = await context.newPage();
          page.on("pageerror", (e) => errors.push(e.message));
          await page.goto(`${base}/taskpane.html`);
          await page.waitForFunction((texts) => texts.some((t) => document.body.innerText.includes(t)), [vi.outsideExcel, en.outsideExcel], { timeout: 30_000 });
          // The ribbon's message dialog (no shared runtime): the text shown as text, never as markup.
          await page.goto(`${base}/message.html?lang=en&text=${encodeURIComponent("Excel <b>refused</b>")}`);
          same(await page.locator("#message").textContent(), "Excel <b>refused</b>", "dialog text");
          same(await page.locator("#message b").count(), 0, "no markup from the text");
          same(await page.title(), "Bloc Summary", "dialog title in English");
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "at ExcelApi 1.7 (volume-licensed Office 2019) Build still writes the summary and shows it",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=sample&level=1.7", errors);
          await page.getByRole("button", { name: vi.build, exact: true }).click();
          await page.getByText(vi.builtOk(sampleResult.plan.activate)).waitFor();
          same(await page.evaluate(() => window.__harness!.fake.activeSheetName), sampleResult.plan.activate, "active sheet");
          same(await page.evaluate(() => window.__harness!.fake.syncLog.filter((x) => x.failed !== null).length), 0, "failed syncs");
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        `the task pane's initial JS is within ${TASKPANE_INITIAL_JS_BUDGET_BYTES / 1024} KB gzip`,
        async () => check(gzip <= TASKPANE_INITIAL_JS_BUDGET_BYTES, `${gzip} bytes gzip`),
      ],
      [
        "Build writes the summary: every bloc total on the sheet equals the engine's JSON total, the summary is shown, and a re-check finds it current",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=sample", errors);
          same(await page.getByTestId("bloc").textContent(), sampleResult.config.bloc, "bloc shown");
          same(await page.getByTestId("counts").textContent(), vi.counts(0, 0), "counts before the build");
          await page.getByRole("button", { name: vi.build, exact: true }).click();
          await page.getByText(vi.builtOk(sampleResult.plan.activate)).waitFor();
          same(await page.locator("[data-state]").evaluateAll((els) => els.map((e) => e.getAttribute("data-state"))), ["done", "done", "done", "done"], "build steps");
          const wb = await fakeWorkbook(page);
          const expected: Record<string, number> = {};
          for (const [code, byYear] of Object.entries(sampleResult.json.totals)) expected[code] = byYear[String(year)];
          same(writtenTotals(wb, sampleResult), expected, `bloc totals ${year} on the written summary`);
          check(expected.TT01 > 0, "TT01 total is positive");
          same(await page.evaluate(() => window.__harness!.fake.activeSheetName), sampleResult.plan.activate, "active sheet");
          // Checked again, the engine finds its own fingerprints on "Kiểm tra": the summary is current.
          await page.getByRole("button", { name: vi.recheck, exact: true }).click();
          const fresh = staleText({ stale: false, changed: [], added: [], removed: [], builtAt: HARNESS_NOW }, "vi", 420);
          await page.getByTestId("status").getByText(fresh).waitFor();
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "after Build the awards panel shows the engine's ranking and proposals by full name, and Download gives a .docx",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=sample", errors);
          await page.getByRole("button", { name: vi.build, exact: true }).click();
          await page.getByText(vi.builtOk(sampleResult.plan.activate)).waitFor();
          const { awards, units } = sampleResult.json;
          const nameOf = (code: string) => units.find((u) => u.code === code)?.name ?? code;
          check(awards.flag.length > 0 && awards.merit.length > 0, `the sample proposes a flag and a merit (${JSON.stringify(awards)})`);
          const panel = page.getByTestId("awards");
          same(
            await panel
              .getByTestId("ranking")
              .locator("tbody tr")
              .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code"))),
            awards.ranking.map((r) => r.code),
            "ranking order",
          );
          same(await panel.getByTestId("flag").locator("li").allTextContents(), awards.flag.map(nameOf), "flag proposal");
          same(await panel.getByTestId("merit").locator("li").allTextContents(), awards.merit.map(nameOf), "merit proposal");
          // SPEC §8: the sample's outcome, by name.
          same([nameOf(awards.flag[0]), nameOf(awards.merit[0])], ["Thanh tra Bộ Công an", "Thanh tra Bộ Tư pháp"], "the sample's outcome");

          const button = page.getByRole("button", { name: vi.downloadSubmission });
          check(await button.isEnabled(), "the submission download is enabled after a clean build");
          const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
          same(download.suggestedFilename(), vi.fileName.submission(year), "file name");
          const file = await download.path();
          check(file, "the download was saved");
          const bytes = readFileSync(file);
          same(bytes.subarray(0, 2).toString("latin1"), "PK", "a zip file");
          check(bytes.includes(Buffer.from("word/document.xml")), "the zip holds word/document.xml");
          await page.getByText(vi.downloaded(vi.fileName.submission(year))).waitFor();

          // The bar's width is animated: shoot once it is full.
          await page.waitForFunction(() => {
            const bar = document.querySelector(".fui-ProgressBar__bar");
            return !!bar && bar.getBoundingClientRect().width >= (bar.parentElement?.getBoundingClientRect().width ?? Infinity) - 1;
          });
          await page.getByRole("heading", { name: vi.awards }).evaluate((h) => h.scrollIntoView({ block: "start" }));
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-awards-vi.png") });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "the bloc-workbook section opens below the main flow and its form refuses a bad year before asking Excel",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=sample", errors);
          const header = page.getByRole("button", { name: vi.blocWorkbook });
          same(await header.getAttribute("aria-expanded"), "false", "collapsed at first");
          await header.click();
          const before = (await fakeWorkbook(page)).sheets.map((s) => s.name);
          await page.getByLabel(vi.templateYear).fill("203");
          await page.getByLabel(vi.unitCodes).fill("BCA, BTP");
          await page.getByRole("button", { name: vi.createWorkbook }).click();
          await page.getByText(vi.problems.badYear("203")).waitFor();
          same(
            (await fakeWorkbook(page)).sheets.map((s) => s.name),
            before,
            "no sheet added",
          );
          await page.getByRole("heading", { name: vi.blocWorkbook, exact: true }).evaluate((h) => h.scrollIntoView({ block: "start" }));
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-blocworkbook-vi.png") });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "the import panel previews a picked unit file (a corrected BTP) and words a refused one, writing nothing",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=sample", errors);
          // BTP's own file with one figure corrected, and a CSV export under a .csv name.
          const cell = parseA1(figureCell(btp, "TT01", year));
          const corrected = withSheet(sample, "BTP", (sh) => putCell(sh, cell.row, cell.col, (cellOf(btp, cell.row, cell.col).value as number) + 5)).sheets.find(
            (s) => s.name === "BTP",
          )!;
          const unitFile = join(work, "btp-2023.xlsx");
          writeFileSync(unitFile, newWorkbookBytes([importedSheet(corrected, "BTP")], "BTP"));
          const csvFile = join(work, "bqp.csv");
          writeFileSync(csvFile, "Mã,Chỉ tiêu,2023\nTT01,Số cuộc thanh tra,12\n");
          const before = await fakeWorkbook(page);
          await page.getByTestId("import-files").setInputFiles([unitFile, csvFile]);
          const row = page.locator('[data-import-row="btp-2023.xlsx"]');
          await row.getByText(INTAKE_TEXT.vi.action({ kind: "replaces", differing: 1 })).waitFor();
          await page.locator('[data-import-row="bqp.csv"]').getByText(CLI_TEXT.vi.csv("bqp.csv"), { exact: false }).waitFor();
          same(await fakeWorkbook(page), before, "nothing written before the user confirms");
          // The panel itself: it sits at the foot of the pane.
          const panel = page.locator("section", { has: page.getByRole("heading", { name: INTAKE_UI.vi.title }) });
          await panel.scrollIntoViewIfNeeded();
          await settle(page);
          await panel.screenshot({ path: join(SHOTS, "taskpane-import-vi.png") });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "the review section shows who confirmed and the figure changed since the last build; a click selects its cell",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=reviewed", errors);
          const c = reviewedResult.roster.filter((u) => u.confirmed).length;
          same(c, 4, "confirmed units in the fixture");
          const box = page.getByTestId("confirmation");
          await box.getByText(vi.confirmedCount(4, reviewedResult.roster.length)).waitFor();
          const changes = page.getByTestId("changes");
          await changes.getByText(vi.changesSince(1)).waitFor();
          same(
            reviewedResult.json.changes.map((ch) => [ch.unit, ch.cell, ch.before, ch.after]),
            [["BCA", bcaTT01.cell, bcaTT01.value, bcaTT01.value + 2]],
            "the engine's changes",
          );
          await page.getByRole("heading", { name: vi.review, exact: true }).evaluate((h) => h.scrollIntoView({ block: "start" }));
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-review-vi.png") });
          await changes.getByRole("button").click();
          await page.waitForFunction(() => window.__harness!.fake.activeSheetName === "BCA");
          await page.getByRole("radio", { name: en.langEn }).check();
          await page.getByTestId("changes").getByText(en.changesSince(1)).waitFor();
          await page.getByRole("heading", { name: en.review, exact: true }).evaluate((h) => h.scrollIntoView({ block: "start" }));
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-review-en.png") });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "Office's dark theme gives the pane Fluent's dark theme",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=defect&theme=dark", errors);
          const bg = await page
            .locator(".fui-FluentProvider")
            .first()
            .evaluate((e) => getComputedStyle(e).backgroundColor);
          const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
          check(0.2126 * r + 0.7152 * g + 0.0722 * b < 80, `dark background (${bg})`);
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-dark.png"), fullPage: true });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "the defect workbook's issues are listed by sheet; Build shows Kiểm tra; clicking an issue selects its cell; English switch",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=defect", errors);
          same(await page.getByTestId("counts").textContent(), vi.counts(defectResult.errors, defectResult.warnings), "counts");
          check(defectResult.errors === 2, `the defect workbook has 2 errors (has ${defectResult.errors})`);
          const group = page.locator('[data-sheet="BTP"]');
          same(await group.locator("[data-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell"))), defectCells, "issue cells on BTP");
          await page.getByRole("button", { name: vi.build, exact: true }).click();
          await page.getByText(vi.builtWithErrors(2, defectResult.plan.activate)).waitFor();
          same(await page.evaluate(() => window.__harness!.fake.activeSheetName), "Kiểm tra", "active sheet after a build with errors");
          // The bar's width is animated: shoot once it is full.
          await page.waitForFunction(() => {
            const bar = document.querySelector(".fui-ProgressBar__bar");
            return !!bar && bar.getBoundingClientRect().width >= (bar.parentElement?.getBoundingClientRect().width ?? Infinity) - 1;
          });
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-vi.png"), fullPage: true });

          // By keyboard: the issue is a button; Enter activates it.
          await page.getByTitle(vi.goToCell("BTP", defectCells[1])).focus();
          await page.keyboard.press("Enter");
          await page.waitForFunction((cell) => window.__harness!.fake.selection?.address === cell, defectCells[1]);
          same(await page.evaluate(() => window.__harness!.fake.selection), { sheet: "BTP", address: defectCells[1] }, "selection");
          same(await page.evaluate(() => window.__harness!.fake.activeSheetName), "BTP", "active sheet after selecting");

          await page.getByRole("radio", { name: en.langEn }).check();
          await page.getByRole("button", { name: en.build, exact: true }).waitFor();
          check(await page.getByRole("heading", { name: en.issues }).isVisible(), "English issues heading");
          same(await page.getByTestId("counts").textContent(), en.counts(2, 0), "English counts");
          check((await page.locator('[data-sheet="BTP"]').innerText()).includes("is stored as text"), "English issue message");
          await settle(page);
          await page.screenshot({ path: join(SHOTS, "taskpane-en.png"), fullPage: true });
          same(errors, [], "page errors");
          await page.close();
        },
      ],
      [
        "Fix text numbers lists exactly the fixable cells, writes numbers into those cells only, checks again and writes no output",
        async () => {
          const errors: string[] = [];
          const page = await openHarness(context, base, "workbook=defect", errors);
          const before = await fakeWorkbook(page);
          const fixes = fixableCells(defectResult.issues);
          await page.getByRole("button", { name: vi.fixCount(fixes.length) }).click();
          const dialog = page.getByRole("alertdialog");
          await dialog.waitFor();
          same(
            await dialog.locator("[data-fix]").evaluateAll((els) => els.map((e) => e.getAttribute("data-fix"))),
            fixes.map((f) => `BTP!${f.cell}`),
            "cells listed",
          );
          await dialog.getByRole("button", { name: vi.fixConfirm }).click();
          await page.getByText(vi.fixDone(fixes.length)).waitFor();
          same(await page.getByTestId("counts").textContent(), vi.counts(0, 0), "counts after the fix");
          const after = await fakeWorkbook(page);
          same(
            after.sheets.map((s) => s.name),
            before.sheets.map((s) => s.name),
            "sheets (no output written)",
          );
          const changed: string[] = [];
          for (const s of after.sheets) {
            const b = before.sheets.find((x) => x.name === s.name)!;
            s.values.forEach((line, r) =>
              line.forEach((v, c) => {
                if (JSON.stringify(v) !== JSON.stringify(b.values[r]?.[c] ?? null)) changed.push(`${s.name}!${a1(s.top + r, s.left + c)}=${JSON.stringify(v)}`);
              }),
            );
          }
          same(changed.sort(), fixes.map((f) => `BTP!${f.cell}=${f.value}`).sort(), "cells changed");
          same(errors, [], "page errors");
          await page.close();
        },
      ],
    ];

    for (const [name, fn] of tests) {
      const t = Date.now();
      try {
        await fn();
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${name}\n      ${e instanceof Error ? e.message.split("\n").join("\n      ") : String(e)}`);
      }
    }
  } catch (e) {
    failed++;
    console.log(`\n  ✗ setup failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    await ctx?.close().catch(() => {});
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(profile, { recursive: true, force: true });
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
