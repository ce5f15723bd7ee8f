/**
 * The file host's charts. exceljs cannot write charts, so the saved .xlsx is post-processed: for each
 * planned sheet with charts, a DrawingML clustered-column chart part, a drawing part that anchors it,
 * their relationships and content types, and the sheet's <drawing> element.
 *
 * Text from the workbook (titles, series names, category labels) is only ever written as escaped
 * literal strings (c:v, a:t); the only formulas written are the plan's own ranges on the chart's
 * sheet, with the sheet name quoted by quoteSheet. The caches (c:strCache / c:numCache) hold the
 * plan's cached cell values, so a viewer that does not recalculate still draws the bars.
 */
import JSZip from "jszip";
import { parseRange, quoteSheet, columnName, parseA1 } from "../core/a1";
import { addOverride, addRel, attributes, escapeXml, nextFreeNumber, readRels, relsPath, resolveTarget, sheetParts, tags, topLevelChildren, XML_DECL } from "./ooxml";

export { escapeXml };
import type { WritePlan } from "../core/plan";
import type { ChartModel, SheetModel } from "../core/sheet/model";

const NS = {
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  relDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  relChart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Series colours, in order (Office's default accents); the chart does not depend on a theme. */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

/** Why a planned chart was not added (the file is still written, without it). */
export interface ChartSkip {
  sheet: string;
  reason: string;
}







/** CT_Worksheet children that come after <drawing>: the drawing goes before the first of them. */
const AFTER_DRAWING = new Set(["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

export function insertDrawingElement(sheetXml: string, rId: string): string {
  const { children, rootClose } = topLevelChildren(sheetXml);
  const at = children.find((c) => AFTER_DRAWING.has(c.name))?.start ?? rootClose;
  // exceljs's worksheet root binds r: to the relationships namespace; declare it here only if not.
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const declared = root.includes(`xmlns:r="${NS.r}"`);
  const el = `<drawing${declared ? "" : ` xmlns:r="${NS.r}"`} r:id="${escapeXml(rId)}"/>`;
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}









/** The plan's cached values of a range, in reading order. */
function rangeValues(sheet: SheetModel, range: string): { values: (number | string | boolean | null | undefined)[]; format?: string } {
  const { start, end } = parseRange(range);
  const values: (number | string | boolean | null | undefined)[] = [];
  let format: string | undefined;
  for (let r = start.row; r <= end.row; r++) {
    for (let c = start.col; c <= end.col; c++) {
      const cell = sheet.rows[r]?.[c];
      values.push(cell?.value);
      format ??= cell?.format;
    }
  }
  return { values, format };
}

/** "$C$40:$C$45" */
function absoluteRange(range: string): string {
  const { start, end } = parseRange(range);
  const abs = (p: { row: number; col: number }) => `$${columnName(p.col)}$${p.row + 1}`;
  return start.row === end.row && start.col === end.col ? abs(start) : `${abs(start)}:${abs(end)}`;
}

/** The formula a series uses for a range of the chart's sheet: 'Tổng hợp 2023'!$C$40:$C$45. */
export function chartRef(sheetName: string, range: string): string {
  return `${quoteSheet(sheetName)}!${absoluteRange(range)}`;
}

function strCache(values: (number | string | boolean | null | undefined)[]): string {
  const pts = values
    .map((v, i) => (v === null || v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (number | string | boolean | null | undefined)[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** One chart part: clustered columns, or lines with markers (ChartModel.kind). */
export function chartXml(sheet: SheetModel, chart: ChartModel): string {
  const line = chart.kind === "line";
  const cats = rangeValues(sheet, chart.categoriesRange);
  const series = chart.series
    .map((s, i) => {
      const vals = rangeValues(sheet, s.valuesRange);
      const color = PALETTE[i % PALETTE.length];
      // CT_LineSer has no invertIfNegative, and a line is drawn by its outline (a:ln), not a fill.
      const look = line
        ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        look +
        `<c:cat><c:strRef><c:f>${escapeXml(chartRef(sheet.name, chart.categoriesRange))}</c:f>${strCache(cats.values)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(chartRef(sheet.name, s.valuesRange))}</c:f>${numCache(vals.values, vals.format ?? "General")}</c:numRef></c:val>` +
        // Straight segments: LibreOffice draws a line series without <c:smooth> as a curve.
        (line ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
      );
    })
    .join("");
  const text = (sz: number, bold: boolean) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    (line
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`) +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${line ? "0" : "0%"}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900, false)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** One anchor: from the anchor cell's top-left, widthCols × heightRows cells. */
function anchorXml(chart: ChartModel, shapeId: number, rId: string): string {
  const at = parseA1(chart.anchor);
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    // No editAs: Excel's default for charts (moves and sizes with the cells).
    `<xdr:twoCellAnchor>` +
    marker("from", at.row, at.col) +
    marker("to", at.row + Math.max(1, chart.heightRows), at.col + Math.max(1, chart.widthCols)) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(`Chart ${shapeId - 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * Add the plan's charts to a saved workbook. Sheets are found by name through the workbook's
 * relationships. A sheet that already has a drawing part (exceljs writes one for images; the
 * planned sheets are new and have none) gets its charts appended to that drawing when it is in
 * the usual xdr: form, and is otherwise skipped and reported through `onSkip`.
 */
export async function addCharts(xlsx: Buffer, plan: WritePlan, onSkip?: (skip: ChartSkip) => void): Promise<Buffer> {
  if (!plan.sheets.some((s) => s.charts.some((c) => c.series.length > 0))) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await addChartsToZip(zip, plan, onSkip);
  // Level 1 as saveWorkbook: JSZip keeps the already-compressed data of the parts left unchanged.
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/** addCharts on an opened package, edited in place. */
export async function addChartsToZip(zip: JSZip, plan: WritePlan, onSkip?: (skip: ChartSkip) => void): Promise<void> {
  const wanted = plan.sheets.filter((s) => s.charts.some((c) => c.series.length > 0));
  if (!wanted.length) return;
  const { parts } = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")?.async("string");
  if (!types) throw new Error("No [Content_Types].xml");
  const nextChart = nextFreeNumber(zip, "xl/charts", "chart");
  const nextDrawing = nextFreeNumber(zip, "xl/drawings", "drawing");
  const skip = (sheet: string, reason: string) => onSkip?.({ sheet, reason });

  for (const sheet of wanted) {
    const charts = sheet.charts.filter((c) => c.series.length > 0);
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart || !zip.file(sheetPart)) {
      skip(sheet.name, "the sheet is not in the saved workbook");
      continue;
    }
    const sheetRelsPart = relsPath(sheetPart);
    let sheetRels = await zip.file(sheetRelsPart)?.async("string");

    // The drawing to add to: the sheet's own (found through its relationships, so the sheet's
    // own XML — the largest part of the file — is neither inflated nor rewritten), or a new one.
    const existing = readRels(sheetRels).find((r) => r.type === NS.relDrawing);
    let drawingPart: string;
    let drawingXml: string;
    let drawingRels: string | undefined;
    let shapeId: number;
    if (existing) {
      drawingPart = resolveTarget(sheetPart, existing.target);
      const xml = await zip.file(drawingPart)?.async("string");
      if (!xml || !/<xdr:wsDr[\s>]/.test(xml) || !xml.includes(`xmlns:xdr="${NS.xdr}"`) || !xml.includes(`xmlns:a="${NS.a}"`)) {
        skip(sheet.name, `the sheet already has a drawing (${drawingPart}) in a form this writer does not extend`);
        continue;
      }
      drawingRels = await zip.file(relsPath(drawingPart))?.async("string");
      drawingXml = xml;
      shapeId = Math.max(1, ...tags(drawingXml, "cNvPr").map((t) => Number(attributes(t).id) || 0)) + 1;
    } else {
      const sheetXml = (await zip.file(sheetPart)?.async("string")) ?? "";
      if (topLevelChildren(sheetXml).children.some((c) => c.name === "drawing")) {
        skip(sheet.name, "the sheet has a <drawing> element without a drawing relationship");
        continue;
      }
      drawingPart = `xl/drawings/drawing${nextDrawing()}.xml`;
      drawingXml = `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
      drawingRels = undefined;
      shapeId = 2;
      const rel = addRel(sheetRels, NS.relDrawing, `../drawings/${drawingPart.split("/").pop()}`);
      sheetRels = rel.xml;
      zip.file(sheetRelsPart, sheetRels);
      zip.file(sheetPart, insertDrawingElement(sheetXml, rel.id));
      types = addOverride(types, drawingPart, CT_DRAWING);
    }

    let anchors = "";
    for (const chart of charts) {
      const chartPart = `xl/charts/chart${nextChart()}.xml`;
      zip.file(chartPart, chartXml(sheet, chart));
      types = addOverride(types, chartPart, CT_CHART);
      const rel = addRel(drawingRels, NS.relChart, `../charts/${chartPart.split("/").pop()}`);
      drawingRels = rel.xml;
      anchors += anchorXml(chart, shapeId++, rel.id);
    }
    const close = drawingXml.lastIndexOf("</xdr:wsDr>");
    drawingXml = close >= 0 ? drawingXml.slice(0, close) + anchors + drawingXml.slice(close) : drawingXml.replace(/<xdr:wsDr([^>]*)\/>/, `<xdr:wsDr$1>${anchors}</xdr:wsDr>`);
    zip.file(drawingPart, drawingXml);
    zip.file(relsPath(drawingPart), drawingRels!);
  }

  zip.file("[Content_Types].xml", types);
}
