/**
 * Parity of the two hosts on the sample workbook: the Excel host reads the snapshot the file host
 * reads, so the engine gives the same plan; and applying that plan writes the same cells, with the
 * same looks (fonts, fills, borders, alignment, number formats) and column widths, in both.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { a1, columnName } from "../../src/core/a1";
import { buildBloc, type BuildOptions } from "../../src/core/pipeline";
import { STYLES } from "../../src/core/sheet/styles";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import type { WritePlan } from "../../src/core/plan";
import { applyPlan } from "../../src/excel/applyPlan";
import { columnWidthPoints } from "../../src/excel/sheetWriter";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { loadWorkbook } from "../../src/file/load";
import { writePlanIntoPackage } from "../../src/file/package";
import { snapshotOfBytes, snapshotOfExcelJs } from "../support/readBack";
import { fakeFromSnapshot, type FakeExcel } from "../support/excelFake";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
const OPTIONS: BuildOptions = { lang: "vi", now: "2024-01-15T03:00:00.000Z", utcOffsetMinutes: 420 };
const all = (): boolean => true;

interface Written {
  value: CellValue;
  formula: string | null;
  format: string;
}

/**
 * The cells a host wrote, by address. Formula results are left out (the fake does not calculate),
 * and the file host's HYPERLINK formulas count as the text they show (the Excel host writes that
 * text with a hyperlink on the cell instead).
 */
function written(sheet: SheetSnapshot): Map<string, Written> {
  const out = new Map<string, Written>();
  sheet.values.forEach((line, r) =>
    line.forEach((value, c) => {
      const f = sheet.formulas[r][c];
      if (value === null && f === null) return;
      const link = f !== null && /^=HYPERLINK\(/i.test(f);
      const address = a1(sheet.top + r, sheet.left + c);
      out.set(address, { value: f === null || link ? value : null, formula: link ? null : f, format: sheet.numberFormats[r][c] });
    }),
  );
  return out;
}

/** The sample, optionally with the Vietnamese text number "1.234" typed where BTP's TT01 2023 is. */
async function sample(defect: boolean): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  // exceljs edits the sample (a test producer); our reader reads what it saved.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  if (defect) workbook.getWorksheet("BTP")!.getCell("E7").value = "1.234";
  return { workbook, snapshot: await snapshotOfExcelJs(workbook) };
}

/** How a cell looks, in one vocabulary for both hosts (colours as RGB hex; null = the default). */
interface Look {
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: boolean; color: string | null };
  fill: string | null;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
  borders: Record<"top" | "bottom" | "left" | "right", string | null>;
  numberFormat: string;
}

const hex = (c: string | undefined | null): string | null =>
  c
    ? c
        .replace(/^#/, "")
        .replace(/^FF(?=[0-9A-F]{6}$)/i, "")
        .toUpperCase()
    : null;
const EDGES = ["top", "bottom", "left", "right"] as const;

function excelLook(fake: FakeExcel, sheet: string, address: string): Look {
  const v = fake.cell(sheet, address);
  const lower = (s: string, dflt: string) => (s === dflt ? null : s === "Center" && dflt === "Bottom" ? "middle" : s.toLowerCase());
  return {
    font: {
      name: v.font.name,
      size: v.font.size,
      bold: v.font.bold,
      italic: v.font.italic,
      underline: v.font.underline === "Single",
      color: v.font.color === "#000000" ? null : hex(v.font.color),
    },
    fill: hex(v.fill),
    horizontal: lower(v.horizontalAlignment, "General"),
    vertical: lower(v.verticalAlignment, "Bottom"),
    wrap: v.wrapText,
    borders: Object.fromEntries(EDGES.map((e) => [e, v.borders[e]?.style === "Continuous" ? hex(v.borders[e]!.color) : null])) as Look["borders"],
    numberFormat: v.numberFormat,
  };
}

function fileLook(cell: ExcelJS.Cell): Look {
  const f = cell.font ?? {};
  const a = cell.alignment ?? {};
  const fill = cell.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
  return {
    font: { name: f.name ?? "Calibri", size: f.size ?? 11, bold: !!f.bold, italic: !!f.italic, underline: !!f.underline, color: hex(f.color?.argb) },
    fill: fill?.type === "pattern" ? hex(fill.fgColor?.argb) : null,
    horizontal: a.horizontal ?? null,
    vertical: a.vertical ?? null,
    wrap: !!a.wrapText,
    borders: Object.fromEntries(EDGES.map((e) => [e, cell.border?.[e]?.style === "thin" ? hex(cell.border[e]!.color?.argb) : null])) as Look["borders"],
    numberFormat: cell.numFmt || "General",
  };
}

async function viaFileHost(plan: WritePlan, defect = false): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }> {
  // The file host as the CLI runs it: the plan written into the input's own package.
  const { workbook } = await sample(defect);
  const input = Buffer.from(await workbook.xlsx.writeBuffer());
  const output = await writePlanIntoPackage(input, plan);
  // Our reader gives the snapshot; exceljs (a test inspector) the cells' looks.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(output as unknown as ArrayBuffer);
  return { snapshot: snapshotOfBytes(output), workbook: back };
}

async function excelBuild(fake: FakeExcel): Promise<ReturnType<typeof buildBloc>> {
  const snapshot = await fake.run((context) => readSnapshot(context, { supports: all }));
  const result = buildBloc(snapshot, OPTIONS);
  await fake.run((context) => applyPlan(context, result.plan, { supports: all }));
  return result;
}

describe("parity of the Excel host with the file host", () => {
  it("reads the sample workbook into the same snapshot, so the engine gives the same plan", async () => {
    const { snapshot } = await loadWorkbook(SAMPLE);
    const fake = fakeFromSnapshot(snapshot);
    const viaExcel = await fake.run((context) => readSnapshot(context, { supports: all }));
    // Everything but merged areas, which the Office.js host does not read (the engine never uses them).
    expect(viaExcel).toEqual({ sheets: snapshot.sheets.map((s) => ({ ...s, merges: [] })) });
    expect(buildBloc(viaExcel, OPTIONS).plan).toEqual(buildBloc(snapshot, OPTIONS).plan);
  });

  it.each([
    ["the clean sample", false],
    ["a sample with a number stored as text (issues with links)", true],
  ])("writes the same cells, number formats, looks, widths, merges and sheet order as the file host for %s", async (_name, defect) => {
    const { snapshot } = await sample(defect);
    const { plan, issues } = buildBloc(snapshot, OPTIONS);
    expect(plan.sheets.length).toBeGreaterThan(1);
    if (defect) expect(issues).toContainEqual(expect.objectContaining({ code: "VALUE_TEXT_NUMBER", sheet: "BTP", cell: "E7" }));

    const fake = fakeFromSnapshot(snapshot);
    await fake.run((context) => applyPlan(context, plan, { supports: all }));
    const excelSide = await fake.run((context) => readSnapshot(context, { supports: all }));
    const { snapshot: fileSide, workbook: fileBook } = await viaFileHost(plan, defect);

    expect(excelSide.sheets.map((s) => s.name)).toEqual(fileSide.sheets.map((s) => s.name));
    const links = plan.sheets.flatMap((sp) =>
      sp.rows.flatMap((line, r) => (line ?? []).flatMap((cell, c) => (cell?.link ? [{ sheet: sp.name, at: a1(r, c), to: cell.link }] : []))),
    );
    expect(links.length > 0).toBe(defect);
    for (const l of links) expect(fake.cell(l.sheet, l.at).hyperlink).toEqual({ documentReference: `'${l.to.sheet}'!${l.to.cell}` });
    for (const sp of plan.sheets) {
      const e = excelSide.sheets.find((s) => s.name === sp.name)!;
      const f = fileSide.sheets.find((s) => s.name === sp.name)!;
      expect([sp.name, written(e)]).toEqual([sp.name, written(f)]);
      expect([sp.name, [...fake.sheet(sp.name).merges].sort()]).toEqual([sp.name, [...f.merges].sort()]);

      // Every styled cell of the model looks the same through both hosts, and as the style says.
      const ws = fileBook.getWorksheet(sp.name)!;
      let styled = 0;
      sp.rows.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (!cell?.style) return;
          styled++;
          const at = a1(r, c);
          const look = excelLook(fake, sp.name, at);
          expect([sp.name, at, look]).toEqual([sp.name, at, fileLook(ws.getCell(at))]);
          expect(look.font.name).toBe(STYLES[cell.style].font.name);
          expect(look.fill).toBe(STYLES[cell.style].fill ?? null);
        }),
      );
      // The hidden state sheet has no looks at all (its cells are data for the next build).
      if (sp.kind === "state") expect(styled).toBe(0);
      else expect(styled).toBeGreaterThan(10);
      const view = fake.sheet(sp.name);
      sp.columnWidths.forEach((w, c) => {
        expect([sp.name, c, ws.getColumn(c + 1).width]).toEqual([sp.name, c, w]);
        expect([sp.name, c, view.columnWidths[columnName(c)]]).toEqual([sp.name, c, columnWidthPoints(w)]);
      });
    }
  });

  it("recognises its own outputs on a rerun and replaces them, as the file host does", async () => {
    const { snapshot } = await loadWorkbook(SAMPLE);
    const fake = fakeFromSnapshot(snapshot);
    const first = await excelBuild(fake);
    const namesAfterFirst = fake.sheetNames();
    const second = await excelBuild(fake);

    expect([...second.plan.remove].sort()).toEqual(first.plan.sheets.map((s) => s.name).sort());
    // The rerun adds the change log (shared review, SPEC §10); nothing else is new.
    expect(fake.sheetNames().filter((n) => n !== "Nhật ký thay đổi")).toEqual(namesAfterFirst);
    // The rerun's plan is the first one's, apart from what it replaces and the change log.
    const withoutLog = (p: typeof first.plan) => ({ ...p, remove: [], sheets: p.sheets.filter((s) => s.kind !== "changes") });
    expect(withoutLog(second.plan)).toEqual(withoutLog(first.plan));

    const fileRerun = buildBloc((await viaFileHost(first.plan)).snapshot, OPTIONS);
    expect(second.plan).toEqual(fileRerun.plan);
  });
});
