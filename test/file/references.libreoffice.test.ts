/**
 * References survive a rebuild (SPEC §12, file host): a user's formula, a defined name and a chart
 * series that point at a cell of this year's summary still point at the same place of the new
 * summary after the command line rebuilds it — no #REF! — and show the new value once recalculated
 * (LibreOffice, told to recalculate on load). Run by `npm run test:libreoffice`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1 } from "../../src/core/a1";
import { buildBloc } from "../../src/core/pipeline";
import type { SheetModel } from "../../src/core/sheet/model";
import { loadWorkbook } from "../../src/file/load";
import { writePlanIntoPackage } from "../../src/file/package";
import { recalculate } from "../support/libreoffice";
import { build, SAMPLE, sheetOrder, SUMMARY, text } from "../support/userPackage";

const USER_SHEET = "Theo dõi";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-refs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The summary cell whose formula reads BCA's report-year TT01 (BCA!E7 in the sample). */
async function summaryCellOfBcaTT01(): Promise<string> {
  const { snapshot } = await loadWorkbook(SAMPLE);
  const summary = buildBloc(snapshot, { lang: "vi", now: "2024-01-15T03:00:00.000Z" }).plan.sheets.find((s) => s.name === SUMMARY)!;
  for (let r = 0; r < summary.rows.length; r++) {
    const c = (summary.rows[r] ?? []).findIndex((cell) => /^'?BCA'?!\$?E\$?7$/.test(cell?.formula ?? ""));
    if (c >= 0) return a1(r, c);
  }
  throw new Error("no summary cell reads BCA!E7");
}

describe("a rebuild keeps the user's references to the summary", () => {
  let cell: string;
  let first: number;
  let recalculated: ExcelJS.Workbook;
  let out2: JSZip;
  let userChart: string;
  let userChartXml: string;

  beforeAll(async () => {
    cell = await summaryCellOfBcaTT01();
    const out1 = await build(SAMPLE, path.join(dir, "out1.xlsx"));
    first = Number(
      /<v>([^<]*)<\/v>/.exec(new RegExp(`<c r="${cell}"[^>]*>.*?</c>`).exec(await text(out1, (await sheetOrder(out1)).find((s) => s.name === SUMMARY)!.part))![0])![1],
    );

    // The user adds a sheet reading the summary (a formula, a defined name, a chart series)…
    const ref = `'${SUMMARY}'!${cell}`;
    const abs = `'${SUMMARY}'!$${cell.replace(/(\d+)/, "$$$1")}`;
    const userSheet: SheetModel = {
      name: USER_SHEET,
      kind: "unit",
      rows: [[{ value: "BCA TT01" }, { formula: ref, value: first }, { formula: "TongBCA", value: first }]],
      merges: [],
      columnWidths: [20, 12, 12],
      print: { orientation: "portrait", fitToWidth: false },
      charts: [{ title: "BCA", categoriesRange: "A1:A1", series: [{ name: "TT01", valuesRange: "B1:B1" }], anchor: "A3", widthCols: 4, heightRows: 8 }],
    };
    const withUser = await writePlanIntoPackage(readFileSync(path.join(dir, "out1.xlsx")), { sheets: [userSheet], remove: [], activate: SUMMARY });
    const z = await JSZip.loadAsync(withUser);
    // The chart's series reads the summary cell itself.
    // (Element text: the writer leaves quotes as they are, as Excel does.)
    const own = `'${USER_SHEET}'!$B$1`;
    const charts = Object.keys(z.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    userChart = (await Promise.all(charts.map(async (f) => ((await text(z, f)).includes(own) ? f : "")))).find(Boolean)!;
    z.file(userChart, (await text(z, userChart)).replace(own, abs));
    userChartXml = await text(z, userChart);
    expect(userChartXml).toContain(`<c:f>${abs}</c:f>`);
    z.file(
      "xl/workbook.xml",
      (await text(z, "xl/workbook.xml")).replace("</sheets>", `</sheets><definedNames><definedName name="TongBCA">${abs.replace(/'/g, "&apos;")}</definedName></definedNames>`),
    );
    // …and BCA corrects its figure: 38 → 1038.
    const bca = (await sheetOrder(z)).find((s) => s.name === "BCA")!.part;
    const bcaXml = await text(z, bca);
    expect(bcaXml).toMatch(/<c r="E7" s="\d+"><v>38<\/v><\/c>/);
    z.file(bca, bcaXml.replace(/(<c r="E7" s="\d+">)<v>38<\/v>/, "$1<v>1038</v>"));
    const input = path.join(dir, "user.xlsx");
    writeFileSync(input, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    out2 = await build(input, path.join(dir, "out2.xlsx"));
    const [file] = recalculate([path.join(dir, "out2.xlsx")], path.join(dir, "lo"));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(file);
  }, 180_000);

  it("keeps the formula and the defined name as the user wrote them (no #REF!)", async () => {
    const wb = await text(out2, "xl/workbook.xml");
    expect(wb).toMatch(new RegExp(`<definedName name="TongBCA">&apos;${SUMMARY}&apos;!\\$[A-Z]+\\$\\d+</definedName>`));
    expect(wb).not.toContain("#REF!");
    const sheet = await text(out2, (await sheetOrder(out2)).find((s) => s.name === USER_SHEET)!.part);
    expect(sheet).toContain(`<f>'${SUMMARY}'!${cell}</f>`);
    expect(sheet).toContain("<f>TongBCA</f>");
    // The user's chart part, series on the summary cell, as it was.
    expect(await text(out2, userChart)).toBe(userChartXml);
    // Their cached values are the old summary's: the workbook asks for a recalculation on open.
    expect(wb).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it("shows the new summary's value through the formula and the name once recalculated", () => {
    const summary = recalculated.getWorksheet(SUMMARY)!;
    const now = Number(summary.getCell(cell).result ?? summary.getCell(cell).value);
    expect(now).toBe(first + 1000);
    const user = recalculated.getWorksheet(USER_SHEET)!;
    expect(user.getCell("B1").result).toBe(now);
    expect(user.getCell("C1").result).toBe(now);
  });
});
