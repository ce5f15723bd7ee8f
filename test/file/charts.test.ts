/**
 * The command line's summary chart: a native DrawingML chart added to the saved .xlsx (exceljs
 * writes none). Checked in the package (parts, relationships, content types, references, caches),
 * and through exceljs (the file still loads, the inputs are unchanged). Through LibreOffice (the
 * file converts, and the rendered summary page shows the bars): charts.libreoffice.test.ts.
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { cli } from "../support/cli";
import { buildSampleChart, SAMPLE } from "../support/sampleChart";
import { parseRange } from "../../src/core/a1";
import type { ChartModel, SheetModel } from "../../src/core/sheet/model";
import { snapshotOfFile } from "../support/readBack";
import { chartRef, chartXml } from "../../src/xlsx/write/charts";
import { newWorkbookBytes } from "../../src/xlsx/write/package";
import { worksheetXml } from "../../src/xlsx/write/sheet";

function wellFormed(xml: string, part: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  p.on("error", (e) => {
    error ??= e;
  });
  p.write(xml).close();
  if (error) throw new Error(`${part} is not well-formed XML: ${error.message}`);
}

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] as string);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
}

function rels(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({ id: attr(m[0], "Id")!, type: attr(m[0], "Type")!, target: attr(m[0], "Target")! }));
}

function resolve(from: string, target: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function relsOf(part: string): string {
  return `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
}

async function text(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`missing part ${part}`);
  return f.async("string");
}

/** The plan's cached values over a range, in reading order. */
function planValues(sheet: SheetModel, range: string): unknown[] {
  const { start, end } = parseRange(range);
  const out: unknown[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(sheet.rows[r]?.[c]?.value);
  return out;
}

/** <c:pt idx="i"><c:v>…</c:v></c:pt> of a cache, as a dense array (undefined where no point). */
function cachePoints(cache: string): { count: number; points: (string | undefined)[] } {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache)![1]);
  const points: (string | undefined)[] = new Array(count).fill(undefined);
  for (const m of cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) points[Number(m[1])] = unescape(m[2]);
  return { count, points };
}

describe("the command line's summary chart", () => {
  let dir: string;
  let out: string;
  let zip: JSZip;
  let summary: SheetModel;
  let chart: ChartModel;
  let sheetPart: string;
  let drawingPart: string;
  let chartPart: string;

  beforeAll(async () => {
    ({ dir, out, summary, chart } = await buildSampleChart());
    zip = await JSZip.loadAsync(readFileSync(out));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("hangs a drawing with one chart off the summary sheet, found by name, with consistent rels and content types", async () => {
    const workbook = await text(zip, "xl/workbook.xml");
    const sheetTag = [...workbook.matchAll(/<sheet\s[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "name") === summary.name)!;
    const wbRel = rels(await text(zip, "xl/_rels/workbook.xml.rels")).find((r) => r.id === attr(sheetTag, "r:id"))!;
    sheetPart = resolve("xl/workbook.xml", wbRel.target);

    const sheetRels = rels(await text(zip, relsOf(sheetPart)));
    const drawingRel = sheetRels.filter((r) => r.type.endsWith("/relationships/drawing"));
    expect(drawingRel).toHaveLength(1);
    drawingPart = resolve(sheetPart, drawingRel[0].target);
    const sheetXml = await text(zip, sheetPart);
    const drawingEls = [...sheetXml.matchAll(/<drawing\s[^>]*\/>/g)].map((m) => m[0]);
    expect(drawingEls).toHaveLength(1);
    expect(attr(drawingEls[0], "r:id")).toBe(drawingRel[0].id);
    // Schema order: after pageMargins/pageSetup, nothing that must precede it comes after it.
    const at = sheetXml.indexOf("<drawing ");
    expect(sheetXml.indexOf("<pageSetup")).toBeLessThan(at);
    expect(sheetXml.indexOf("</sheetData>")).toBeLessThan(at);
    expect(sheetXml.slice(at)).not.toMatch(/<(pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|mergeCells|hyperlinks)[\s>/]/);

    const drawingRels = rels(await text(zip, relsOf(drawingPart)));
    expect(drawingRels).toHaveLength(1);
    expect(drawingRels[0].type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart");
    chartPart = resolve(drawingPart, drawingRels[0].target);
    expect(zip.file(chartPart)).not.toBeNull();
    const drawing = await text(zip, drawingPart);
    expect(drawing).toContain(`r:id="${drawingRels[0].id}"`);

    // Exactly one chart and one drawing in the package, other sheets untouched.
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toEqual([chartPart]);
    expect(Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toEqual([drawingPart]);
    expect(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\/./.test(p))).toEqual([relsOf(sheetPart)]);
    // The chart is the drawing's only content: no picture, no media.
    expect(drawing).not.toContain("xdr:pic");
    expect(Object.keys(zip.files).filter((p) => p.startsWith("xl/media/"))).toEqual([]);
    expect(drawingRels.every((r) => !/\/image$/.test(r.type))).toBe(true);

    const types = await text(zip, "[Content_Types].xml");
    const override = (part: string) =>
      [...types.matchAll(/<Override\s[^>]*>/g)]
        .map((m) => m[0])
        .filter((t) => attr(t, "PartName") === `/${part}`)
        .map((t) => attr(t, "ContentType"));
    expect(override(chartPart)).toEqual(["application/vnd.openxmlformats-officedocument.drawingml.chart+xml"]);
    expect(override(drawingPart)).toEqual(["application/vnd.openxmlformats-officedocument.drawing+xml"]);

    for (const part of [chartPart, drawingPart, sheetPart, relsOf(sheetPart), relsOf(drawingPart), "[Content_Types].xml"]) wellFormed(await text(zip, part), part);
  });

  it("anchors the chart at the plan's cell over widthCols × heightRows", async () => {
    const drawing = await text(zip, drawingPart);
    const anchors = drawing.match(/<xdr:twoCellAnchor\b/g) ?? [];
    expect(anchors).toHaveLength(1);
    const from = /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(drawing)!;
    const to = /<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(drawing)!;
    const a = parseRange(chart.anchor).start;
    expect([Number(from[1]), Number(from[2])]).toEqual([a.col, a.row]);
    expect([Number(to[1]) - Number(from[1]), Number(to[2]) - Number(from[2])]).toEqual([chart.widthCols, chart.heightRows]);
    // Below the tables: no planned cell is covered by the chart's top-left cell.
    expect(a.row).toBeGreaterThanOrEqual(summary.rows.length);
  });

  it("is a clustered-column chart whose series use the plan's ranges, literal names and the summary's cached values", async () => {
    const xml = await text(zip, chartPart);
    expect(xml).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/>/);
    expect(xml).toContain(`<a:t>${chart.title}</a:t>`);
    expect(xml).toMatch(/<c:legend><c:legendPos val="b"\/>/);
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="0"\/>.*<\/c:valAx>/);

    // The summary's cells as exceljs reads them back from the output (cached formula results).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(summary.name)!;
    const cellValues = (range: string) => {
      const { start, end } = parseRange(range);
      const vs: unknown[] = [];
      for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) vs.push(ws.getCell(r + 1, c + 1).result ?? ws.getCell(r + 1, c + 1).value);
      return vs;
    };

    const series = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => m[1]);
    expect(series).toHaveLength(chart.series.length);
    expect(chart.series.length).toBeGreaterThan(1);
    series.forEach((ser, i) => {
      const planned = chart.series[i];
      // The name is a literal, never a reference or formula.
      const tx = /<c:tx>(.*?)<\/c:tx>/.exec(ser)![1];
      expect(tx).toMatch(/^<c:v>[^<]*<\/c:v>$/);
      expect(unescape(/<c:v>([^<]*)<\/c:v>/.exec(tx)![1])).toBe(planned.name);

      const catF = unescape(/<c:cat><c:strRef><c:f>([^<]*)<\/c:f>/.exec(ser)![1]);
      const valF = unescape(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(ser)![1]);
      expect(catF).toBe(chartRef(summary.name, chart.categoriesRange));
      expect(valF).toBe(chartRef(summary.name, planned.valuesRange));
      expect(catF).toMatch(/^'Tổng hợp 2023'!\$C\$\d+:\$C\$\d+$/);

      const cat = cachePoints(/<c:strCache>(.*?)<\/c:strCache>/.exec(ser)![1]);
      const val = cachePoints(/<c:numCache>(.*?)<\/c:numCache>/.exec(ser)![1]);
      const planCats = planValues(summary, chart.categoriesRange);
      const planVals = planValues(summary, planned.valuesRange);
      expect(cat.count).toBe(planCats.length);
      expect(cat.points).toEqual(planCats.map((v) => (v === "" || v == null ? undefined : String(v))));
      expect(val.count).toBe(planVals.length);
      expect(val.points.map((v) => (v === undefined ? undefined : Number(v)))).toEqual(planVals.map((v) => (typeof v === "number" ? v : undefined)));
      // …which are the values the output's cells hold.
      expect(cat.points).toEqual(cellValues(chart.categoriesRange).map((v) => (v === "" || v == null ? undefined : String(v))));
      const cells = cellValues(planned.valuesRange);
      val.points.forEach((v, k) => expect(Number(v)).toBeCloseTo(cells[k] as number, 12));
      expect(val.points.filter((v) => v !== undefined).length).toBeGreaterThan(0);
    });
  });

  it("still loads in exceljs, and every input sheet's cells are unchanged", async () => {
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(SAMPLE);
    const output = new ExcelJS.Workbook();
    await output.xlsx.readFile(out);
    const before = snapshotOfFile(SAMPLE).sheets;
    const after = new Map(snapshotOfFile(out).sheets.map((s) => [s.name, s]));
    expect(before.length).toBeGreaterThan(0);
    for (const s of before) expect(after.get(s.name)).toEqual(s);
  });

  it("gives one chart, not two, when the output is built again", async () => {
    const again = path.join(dir, "again.xlsx");
    expect((await cli("build", out, "--out", again)).code).toBe(0);
    const z = await JSZip.loadAsync(readFileSync(again));
    expect(Object.keys(z.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    const sheets = Object.keys(z.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    let drawings = 0;
    for (const p of sheets) drawings += ((await text(z, p)).match(/<drawing\s/g) ?? []).length;
    expect(drawings).toBe(1);
  });
});

describe("charts of generated sheets, with hostile names", () => {
  const sheet = (name: string, seriesName: string): SheetModel => ({
    name,
    kind: "summary",
    rows: [
      [{ value: "Đơn vị" }, { value: seriesName }],
      [{ value: "=A<&>" }, { value: 0.25, format: "0%" }],
      [{ value: "B'\"" }, { value: 0.75, format: "0%" }],
    ],
    merges: [],
    columnWidths: [10, 10],
    print: { orientation: "portrait", fitToWidth: true },
    charts: [{ title: "Tỷ trọng <&> 'x'", categoriesRange: "A2:A3", series: [{ name: seriesName, valuesRange: "B2:B3" }], anchor: "D2", widthCols: 4, heightRows: 10 }],
  });

  it("writes names as escaped literals and quotes the sheet name in references", () => {
    const evil = `=HYPERLINK("http://x","<b>&'")`;
    const xml = chartXml(sheet("O'Brien's 2023", evil), sheet("O'Brien's 2023", evil).charts[0]);
    wellFormed(xml, "chart");
    expect(xml).toContain(`<c:tx><c:v>=HYPERLINK("http://x","&lt;b&gt;&amp;'")</c:v></c:tx>`);
    expect(xml).not.toMatch(/<c:tx><c:strRef>/);
    expect(unescape(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(xml)![1])).toBe("'O''Brien''s 2023'!$B$2:$B$3");
    expect(xml).toContain('<c:pt idx="0"><c:v>=A&lt;&amp;&gt;</c:v></c:pt>');
  });

  it("puts <drawing> after the page setup and before the notes' legacyDrawing, as CT_Worksheet orders them", () => {
    const model = sheet("S", "x");
    model.rows[0][0] = { value: "Đơn vị", note: "Ghi chú" };
    const out = worksheetXml(model, { xf: () => 0, selected: false, links: { drawing: "rId1", legacyDrawing: "rId2" } });
    wellFormed(out, "sheet");
    expect(out.indexOf("<drawing ")).toBeGreaterThan(out.indexOf("<pageSetup "));
    expect(out.indexOf("<drawing ")).toBeLessThan(out.indexOf("<legacyDrawing "));
    expect(out).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId2"\/><\/worksheet>$/);
  });

  it("writes a drawing only for charts with series, and loads in exceljs", async () => {
    const withChart = sheet("Có biểu đồ", "Chỉ tiêu");
    const empty = { ...sheet("Không", "x"), charts: [{ ...withChart.charts[0], series: [] }] };
    const buf = newWorkbookBytes([withChart, empty], "Có biểu đồ");
    const z = await JSZip.loadAsync(buf);
    expect(Object.keys(z.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    const sheets = Object.keys(z.files)
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
      .sort();
    expect(await Promise.all(sheets.map(async (p) => ((await text(z, p)).match(/<drawing\s/g) ?? []).length))).toEqual([1, 0]);
    for (const p of Object.keys(z.files).filter((f) => /\.(xml|rels)$/.test(f))) wellFormed(await text(z, p), p);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Có biểu đồ", "Không"]);
    if (process.env.KEEP_CHART_SAMPLE) writeFileSync(process.env.KEEP_CHART_SAMPLE, buf);
  });
});
