/**
 * The sample as a user's package (a chart exceljs drops, defined names, a selected tab), built by the
 * command line once and then rebuilt from that output; and the package helpers its tests read it with.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { cli } from "./cli";
import type { SheetModel } from "../../src/core/sheet/model";
import { chartXml, drawingXml } from "../../src/xlsx/write/charts";

export const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
export const SUMMARY = "Tổng hợp 2023";
/** A part of a kind no program here knows, and its relationship type. */
export const UNKNOWN_PART = "xl/custom/data.xml";
export const UNKNOWN_REL = "urn:example:bloc/data";

export const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] as string);
export const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
};
export const text = async (zip: JSZip, part: string) => {
  const f = zip.file(part);
  if (!f) throw new Error(`missing ${part}`);
  return f.async("string");
};

export async function sheetOrder(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const wb = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  return [...wb.matchAll(/<sheet\s[^>]*>/g)].map((m) => {
    const id = attr(m[0], "r:id")!;
    const rel = new RegExp(`<Relationship\\s[^>]*Id="${id}"[^>]*>`).exec(rels)![0];
    return { name: attr(m[0], "name")!, part: path.posix.join("xl", attr(rel, "Target")!) };
  });
}

export async function build(input: string, out: string): Promise<JSZip> {
  const r = await cli("build", input, "--out", out);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSZip.loadAsync(readFileSync(out));
}

/** The sample with a chart (exceljs drops charts) on the unit sheet BCA, and defined names. */
async function userWorkbook(dir: string): Promise<string> {
  const bcaModel: SheetModel = { name: "BCA", kind: "unit", rows: [], merges: [], columnWidths: [], print: { orientation: "portrait", fitToWidth: false }, charts: [] };
  const chart = { title: "Biểu đồ của người dùng", categoriesRange: "B5:B8", series: [{ name: "Số liệu", valuesRange: "D5:D8" }], anchor: "J2", widthCols: 6, heightRows: 12 };
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  // The user's chart: a drawing on BCA with one chart part, as Excel would save it.
  const bca = (await sheetOrder(zip)).find((s) => s.name === "BCA")!.part;
  const bcaRels = `${path.posix.dirname(bca)}/_rels/${path.posix.basename(bca)}.rels`;
  expect(zip.file(bcaRels)).toBeNull();
  zip.file("xl/charts/chart1.xml", chartXml(bcaModel, chart));
  zip.file("xl/drawings/drawing1.xml", drawingXml([chart], ["rId1"]));
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file(
    bcaRels,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  const bcaXml = await text(zip, bca);
  expect(bcaXml).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  const close = bcaXml.lastIndexOf("</worksheet>");
  zip.file(bca, bcaXml.slice(0, close) + `<drawing r:id="rId1"/>` + bcaXml.slice(close));
  zip.file(
    "[Content_Types].xml",
    (await text(zip, "[Content_Types].xml")).replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    ),
  );
  // A part no reader here knows (as add-ins and other tools leave), tied to the workbook.
  zip.file(UNKNOWN_PART, `<?xml version="1.0" encoding="UTF-8"?>\n<data xmlns="urn:example:bloc">giữ nguyên</data>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await text(zip, "xl/_rels/workbook.xml.rels")).replace("</Relationships>", `<Relationship Id="rIdUnknown" Type="${UNKNOWN_REL}" Target="custom/data.xml"/></Relationships>`),
  );
  zip.file(
    "[Content_Types].xml",
    (await text(zip, "[Content_Types].xml")).replace("</Types>", `<Override PartName="/${UNKNOWN_PART}" ContentType="application/vnd.example.bloc+xml"/></Types>`),
  );
  const order = (await sheetOrder(zip)).map((s) => s.name);
  const btp = order.indexOf("BTP");
  let wb = await text(zip, "xl/workbook.xml");
  wb = wb.replace(
    "</sheets>",
    `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="${btp}">BTP!$A$1:$F$20</definedName><definedName name="MucTieu">BQP!$B$3</definedName></definedNames>`,
  );
  zip.file("xl/workbook.xml", wb);
  // BTP was the selected tab: after the build only the summary is.
  const btpPart = (await sheetOrder(zip))[btp].part;
  zip.file(btpPart, (await text(zip, btpPart)).replace("<sheetFormatPr", '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr'));
  const file = path.join(dir, "user.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

export interface UserPackage {
  /** The user's workbook, and its zip. */
  input: string;
  inZip: JSZip;
  /** The first build (dir/out1.xlsx) and the rebuild of it (dir/out2.xlsx). */
  out1: JSZip;
  out2: JSZip;
}

/** Builds the user's workbook in `dir`, then rebuilds the output with names added on its summary. */
export async function buildUserPackage(dir: string): Promise<UserPackage> {
  const input = await userWorkbook(dir);
  const inZip = await JSZip.loadAsync(readFileSync(input));
  const out1 = await build(input, path.join(dir, "out1.xlsx"));
  // A rebuild: old outputs (with the summary's drawing and chart) to remove, and names on them.
  const z = await JSZip.loadAsync(readFileSync(path.join(dir, "out1.xlsx")));
  const wb = (await text(z, "xl/workbook.xml")).replace(
    "</definedNames>",
    `<definedName name="CuTongHop">'${SUMMARY}'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'${SUMMARY}'!$A$1:$C$3</definedName></definedNames>`,
  );
  z.file("xl/workbook.xml", wb);
  writeFileSync(path.join(dir, "out1b.xlsx"), await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const out2 = await build(path.join(dir, "out1b.xlsx"), path.join(dir, "out2.xlsx"));
  return { input, inZip, out1, out2 };
}
