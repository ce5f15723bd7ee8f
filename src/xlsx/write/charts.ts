/**
 * Charts of generated sheets as DrawingML: a clustered-column chart part per chart and the drawing
 * part that anchors them on the sheet (ISO/IEC 29500-1 §21.2, §20.5).
 *
 * Text from the workbook (titles, series names, category labels) is only ever written as escaped
 * literal strings (c:v, a:t); the only formulas written are the model's own ranges on the chart's
 * sheet, with the sheet name quoted by quoteSheet. The caches (c:strCache / c:numCache) hold the
 * model's cached cell values, so a viewer that does not recalculate still draws the bars.
 */
import { columnName, parseA1, parseRange, quoteSheet } from "../../core/a1";
import type { ChartModel, SheetModel } from "../../core/sheet/model";
import { NS } from "./conformance";
import { escapeText, escapeXml, XML_DECL } from "./xmlText";

/** Series colours, in order (Office's default accents); the chart does not depend on a theme. */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

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
  const pts = values.map((v, i) => (v === null || v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (number | string | boolean | null | undefined)[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** One chart part: clustered columns, or lines with markers (ChartModel.kind). */
export function chartXml(sheet: SheetModel, chart: ChartModel): string {
  const line = chart.kind === "line";
  // Every series shares the categories (a label per unit): their cache is written once.
  const categories = strCache(rangeValues(sheet, chart.categoriesRange).values);
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
        `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
        look +
        `<c:cat><c:strRef><c:f>${escapeText(chartRef(sheet.name, chart.categoriesRange))}</c:f>${categories}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(chartRef(sheet.name, s.valuesRange))}</c:f>${numCache(vals.values, vals.format ?? "General")}</c:numRef></c:val>` +
        // Straight segments: LibreOffice draws a line series without <c:smooth> as a curve.
        (line ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
      );
    })
    .join("");
  const text = (sz: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
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

/** The drawing part of a sheet's charts; `relIds[i]` is the drawing's relationship to chart i. */
export function drawingXml(charts: readonly ChartModel[], relIds: readonly string[]): string {
  const anchors = charts.map((c, i) => anchorXml(c, i + 2, relIds[i])).join("");
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}
