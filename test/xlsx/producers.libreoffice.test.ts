/**
 * The producer corpus: the bundled sample written again by the programs units really use —
 * openpyxl (with and without cell notes), xlsxwriter (shared and inline strings), LibreOffice
 * (.xlsx, .ods, .xls), Gnumeric's ssconvert, SheetJS and exceljs — each made here, not committed.
 * Every .xlsx reads with the sample's exact values, figures and totals; the .ods and .xls are
 * refused naming their format, or converted by LibreOffice through the command line and then read
 * the same. Needs the apt tools (python3-openpyxl python3-xlsxwriter gnumeric libreoffice): a
 * missing tool fails these tests, never skips them.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { buildBloc } from "../../src/core/pipeline";
import { InputError, loadWorkbook } from "../../src/file/load";
import { readWorkbook } from "../../src/xlsx/read";
import { cli } from "../support/cliRun";
import { requireSoffice, SOFFICE } from "../support/libreoffice";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
const PYTHON = "/usr/bin/python3";
const NOW = "2024-01-15T03:00:00.000Z";
const figures = (json: ReturnType<typeof buildBloc>["json"]) => ({
  units: json.units,
  values: json.values,
  totals: json.totals,
  issues: json.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`),
  awards: json.awards,
});
const expected = figures(buildBloc(readWorkbook(readFileSync(SAMPLE)), { lang: "vi", now: NOW }).json);

let dir: string;

function run(cmd: string, args: string[], what: string, pkg: string): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 170_000 });
  if (r.error || r.status !== 0) {
    throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}: ${r.stderr}`}). Install it (Debian/Ubuntu: apt-get install -y ${pkg}).`);
  }
}

function python(script: string, args: string[], pkg: string): void {
  run(PYTHON, ["-c", script, ...args], `${PYTHON} (${pkg})`, pkg);
}

/** The sample's cells (values as Excel caches them) rewritten by xlsxwriter, sheet by sheet, merges included. */
const XLSXWRITER = `
import sys, openpyxl, xlsxwriter
src, out, inline = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
wb = openpyxl.load_workbook(src, data_only=True)
book = xlsxwriter.Workbook(out, {"constant_memory": inline})
for ws in wb.worksheets:
    sheet = book.add_worksheet(ws.title)
    merged = {str(m) for m in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None or type(c).__name__ == "MergedCell":
                continue
            if isinstance(c.value, str):
                sheet.write_string(c.row - 1, c.column - 1, c.value)
            else:
                sheet.write(c.row - 1, c.column - 1, c.value)
    for m in merged:
        first = m.split(":")[0]
        sheet.merge_range(m, ws[first].value if ws[first].value is not None else "")
book.close()
`;

const OPENPYXL = `
import sys, openpyxl
from openpyxl.comments import Comment
src, out, notes = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
wb = openpyxl.load_workbook(src)
if notes:
    for ws in wb.worksheets[1:3]:
        ws["E7"].comment = Comment("Số liệu đã đối chiếu với báo cáo quý IV", "Thanh tra")
        ws["C5"].comment = Comment("Ghi chú của đơn vị", "Đơn vị")
wb.save(out)
`;

/** Our own template filled in by openpyxl, as a unit does it: figures typed in, a note on a cell. */
const FILL_TEMPLATE = `
import sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets[1:-1]:
    for row in ws.iter_rows(min_row=1):
        code = row[1].value
        if isinstance(code, str) and code[:2].isalpha() and code[-2:].isdigit():
            row[4].value = 1000 + row[0].row
            row[5].value = 900 + row[0].row
    ws["E7"].comment = Comment("Đã đối chiếu", "Đơn vị")
wb.save(sys.argv[2])
`;

interface Produced {
  name: string;
  file: string;
}
const produced: Produced[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-producers-"));
  const at = (f: string) => path.join(dir, f);
  python(OPENPYXL, [SAMPLE, at("openpyxl.xlsx"), "0"], "python3-openpyxl");
  produced.push({ name: "openpyxl", file: at("openpyxl.xlsx") });
  python(OPENPYXL, [SAMPLE, at("openpyxl-notes.xlsx"), "1"], "python3-openpyxl");
  produced.push({ name: "openpyxl with cell notes", file: at("openpyxl-notes.xlsx") });
  python(XLSXWRITER, [SAMPLE, at("xlsxwriter.xlsx"), "0"], "python3-xlsxwriter python3-openpyxl");
  produced.push({ name: "xlsxwriter (shared strings)", file: at("xlsxwriter.xlsx") });
  python(XLSXWRITER, [SAMPLE, at("xlsxwriter-inline.xlsx"), "1"], "python3-xlsxwriter python3-openpyxl");
  produced.push({ name: "xlsxwriter constant_memory (inline strings)", file: at("xlsxwriter-inline.xlsx") });
  run("ssconvert", [SAMPLE, at("gnumeric.xlsx")], "Gnumeric's ssconvert", "gnumeric");
  produced.push({ name: "Gnumeric ssconvert", file: at("gnumeric.xlsx") });

  requireSoffice("for the producer corpus", "libreoffice-calc-nogui");
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-producers-"));
  try {
    for (const [ext, filter] of [
      ["xlsx", "xlsx:Calc MS Excel 2007 XML"],
      ["ods", "ods"],
      ["xls", "xls:MS Excel 97"],
    ]) {
      const out = path.join(dir, `lo-${ext}`);
      run(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, SAMPLE],
        "LibreOffice",
        "libreoffice-calc-nogui",
      );
      copyFileSync(path.join(out, `khoi-thi-dua-2-2023.${ext}`), at(`libreoffice.${ext}`));
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  produced.push({ name: "LibreOffice .xlsx", file: at("libreoffice.xlsx") });

  const sheetjs = XLSX.read(readFileSync(SAMPLE), { cellStyles: true });
  writeFileSync(at("sheetjs.xlsx"), XLSX.write(sheetjs, { type: "buffer", bookType: "xlsx" }));
  produced.push({ name: "SheetJS", file: at("sheetjs.xlsx") });
  writeFileSync(at("sheetjs-sst.xlsx"), XLSX.write(sheetjs, { type: "buffer", bookType: "xlsx", bookSST: true }));
  produced.push({ name: "SheetJS with shared strings", file: at("sheetjs-sst.xlsx") });

  const ej = new ExcelJS.Workbook();
  await ej.xlsx.readFile(SAMPLE);
  await ej.xlsx.writeFile(at("exceljs.xlsx"));
  produced.push({ name: "exceljs", file: at("exceljs.xlsx") });
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the sample through other producers", () => {
  it("made every producer's file", () => {
    expect(produced.map((p) => p.name)).toEqual([
      "openpyxl",
      "openpyxl with cell notes",
      "xlsxwriter (shared strings)",
      "xlsxwriter constant_memory (inline strings)",
      "Gnumeric ssconvert",
      "LibreOffice .xlsx",
      "SheetJS",
      "SheetJS with shared strings",
      "exceljs",
    ]);
  });

  it("reads each .xlsx with the sample's exact values, figures and totals", async () => {
    const wrong: string[] = [];
    for (const p of produced) {
      const { snapshot } = await loadWorkbook(p.file);
      const got = figures(buildBloc(snapshot, { lang: "vi", now: NOW }).json);
      try {
        expect(got).toEqual(expected);
      } catch (e) {
        wrong.push(`${p.name}: ${(e as Error).message.slice(0, 2000)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("reads the notes' file although openpyxl placed its comments in a VML drawing exceljs could not place", () => {
    const parts = spawnSync("unzip", ["-l", path.join(dir, "openpyxl-notes.xlsx")], { encoding: "utf8" }).stdout;
    expect(parts).toMatch(/comments/);
    expect(readWorkbook(readFileSync(path.join(dir, "openpyxl-notes.xlsx"))).sheets).toHaveLength(8);
  });

  it("refuses LibreOffice's .ods and .xls naming the format, also an .ods renamed to .xlsx", async () => {
    const kinds: string[] = [];
    copyFileSync(path.join(dir, "libreoffice.ods"), path.join(dir, "renamed-ods.xlsx"));
    for (const f of ["libreoffice.ods", "libreoffice.xls", "renamed-ods.xlsx"]) {
      try {
        await loadWorkbook(path.join(dir, f));
        kinds.push("read");
      } catch (e) {
        kinds.push((e as InputError).problem.kind);
      }
    }
    expect(kinds).toEqual(["ods", "xls", "ods"]);
  });

  it("reads our own template after openpyxl filled it in with a cell note (exceljs crashed on it, its issue #2797)", async () => {
    const template = path.join(dir, "template.xlsx");
    expect((await cli(["template", "--out", template, "--units", "BCA,BTP", "--year", "2023"])).code).toBe(0);
    const filled = path.join(dir, "template-filled.xlsx");
    python(FILL_TEMPLATE, [template, filled], "python3-openpyxl");
    const r = await cli(["validate", filled, "--json"]);
    // The made-up figures may break a relation (exit 1); the file itself is read (never exit 2).
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.out.join("\n"));
    expect(json.units.map((u: { code: string }) => u.code)).toEqual(["BCA", "BTP"]);
    const snapshot = readWorkbook(readFileSync(filled));
    const bca = snapshot.sheets.find((x) => x.name === "BCA")!;
    const row = bca.values.findIndex((line) => line.includes("TT01"));
    expect(json.values.BCA.TT01["2023"]).toBe(1000 + bca.top + row + 1);
    expect(json.values.BTP.TT01["2022"]).toBe(900 + bca.top + row + 1);
  });

  it.each([
    ["libreoffice.xls", "xls"],
    ["libreoffice.ods", "ods"],
  ])("converts %s with LibreOffice through the command line, says so, and reads the sample's figures", async (f, format) => {
    const r = await cli(["validate", path.join(dir, f), "--json"]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toBe(`Đã chuyển tệp ${path.join(dir, f)} (.${format}) sang .xlsx bằng LibreOffice để đọc; tệp gốc không thay đổi.`);
    const json = JSON.parse(r.out.join("\n"));
    expect({ units: json.units, values: json.values, totals: json.totals }).toEqual({ units: expected.units, values: expected.values, totals: expected.totals });
    // The compiled bin too: it loads child_process only for a conversion.
    const bin = path.join(__dirname, "..", "..", JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).bin["bloc-summary"]);
    const compiled = spawnSync(process.execPath, [bin, "validate", path.join(dir, f), "--json"], { encoding: "utf8" });
    expect(compiled.status).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(json);
  });
});
