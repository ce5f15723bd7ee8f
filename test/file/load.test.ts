/**
 * Loading a file from disk: formats that are not .xlsx are refused naming the format (by content,
 * not by name), and a workbook with a sheet that cannot be read is refused naming the sheet.
 * LibreOffice's conversion itself is tested in test/xlsx/producers.libreoffice.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { zipSync } from "fflate";
import { InputError, loadWorkbook, type InputProblem } from "../../src/file/load";
import { entryText, readZip, writeZip } from "../../src/xlsx/zip";
import { cli } from "../support/cliRun";
import { oleFile } from "../support/ole";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-load-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function problem(p: string, convert = false): Promise<InputProblem | undefined> {
  try {
    await loadWorkbook(p, { convert });
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  return undefined;
}

/** With PATH emptied, as on a machine without LibreOffice. */
async function withoutLibreOffice<T>(f: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = path.join(dir, "no-such-bin");
  try {
    return await f();
  } finally {
    process.env.PATH = saved;
  }
}

/** The sample's package with one part's text changed. */
function samplePackage(edit: (name: string, text: string) => string | null): Uint8Array {
  const zip = readZip(readFileSync(SAMPLE));
  return writeZip(
    zip.entries.flatMap((e) => {
      const text = entryText(e);
      const out = edit(e.name, text);
      return out === null ? [] : [out === text ? { name: e.name, copy: e } : { name: e.name, data: out }];
    }),
  );
}

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const ods = () => zipSync({ mimetype: [new TextEncoder().encode(ODS_MIME), { level: 0 }], "content.xml": new TextEncoder().encode("<office:document-content/>") });

describe("formats by their content", () => {
  it("names a legacy .xls, an .ods (also renamed to .xlsx) and an encrypted package", async () => {
    expect(await problem(file("old.xls", oleFile(["Workbook", "\u0005SummaryInformation"])))).toEqual({ kind: "xls" });
    expect(await problem(file("older.xls", oleFile(["Book"])))).toEqual({ kind: "xls" });
    expect(await problem(file("calc.ods", ods()))).toEqual({ kind: "ods" });
    expect(await problem(file("renamed.xlsx", ods()))).toEqual({ kind: "ods" });
    expect(await problem(file("secret.xlsx", oleFile(["EncryptedInfo", "EncryptedPackage"])))).toEqual({ kind: "encrypted" });
    expect(await problem(file("writer.xlsx", zipSync({ mimetype: [new TextEncoder().encode("application/vnd.oasis.opendocument.text"), { level: 0 }] })))).toEqual({
      kind: "notXlsx",
    });
  });

  it("names text exports: CSV (also UTF-16 with a BOM), HTML tables and Excel 2003 XML under an .xls name", async () => {
    expect(await problem(file("data.csv", "Mã;Chỉ tiêu;2023\r\nTT01;Số cuộc;3\r\n"))).toEqual({ kind: "csv" });
    expect(await problem(file("tab.xlsx", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Mã\tSố\n1\t2\n", "utf16le")])))).toEqual({ kind: "csv" });
    expect(await problem(file("web.xls", "<html><body><table><tr><td>Mã</td></tr></table></body></html>"))).toEqual({ kind: "html" });
    expect(
      await problem(file("xml.xls", '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')),
    ).toEqual({ kind: "xml2003" });
  });

  it("says how to convert, and that LibreOffice would do it, when it is not installed", async () => {
    const xls = file("no-lo.xls", oleFile(["Workbook"]));
    expect(await withoutLibreOffice(() => problem(xls, true))).toEqual({ kind: "xls", noConverter: true });
    const r = await withoutLibreOffice(() => cli(["validate", xls]));
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      expect.stringMatching(/là sổ Excel 97–2003 \(\.xls\).*Lưu thành › Sổ làm việc Excel \(\*\.xlsx\); hoặc cài LibreOffice để chương trình tự chuyển đổi\.$/),
    ]);
    const en = await withoutLibreOffice(() => cli(["validate", file("no-lo.ods", ods()), "--lang", "en"]));
    expect(en.err).toEqual([
      expect.stringMatching(/is an OpenDocument spreadsheet \(\.ods.*Excel 2007-365 \(\.xlsx\); or install LibreOffice to have it converted automatically\.$/),
    ]);
  });
});

describe("a sheet that cannot be read", () => {
  it("refuses the workbook naming the sheet whose part is missing (never a unit silently gone)", async () => {
    const bytes = samplePackage((name, text) => (name === "xl/worksheets/sheet3.xml" ? null : text));
    const p = file("missing-part.xlsx", bytes);
    const got = await problem(p);
    expect(got).toMatchObject({ kind: "sheetUnreadable", problem: { reason: "missingPart", part: "xl/worksheets/sheet3.xml" } });
    const r = await cli(["build", p]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      expect.stringMatching(
        new RegExp(`^Không đọc được sheet "${(got as { sheet: string }).sheet}" trong .*: tệp thiếu phần xl/worksheets/sheet3\\.xml\\. Sheet này không bị bỏ qua`),
      ),
    ]);
  });

  it("names the sheet whose part is truncated, and the part", async () => {
    const bytes = samplePackage((name, text) => (name === "xl/worksheets/sheet2.xml" ? text.slice(0, text.length >> 1) : text));
    const got = await problem(file("truncated-part.xlsx", bytes));
    expect(got).toMatchObject({ kind: "sheetUnreadable", problem: { reason: "damaged", part: "xl/worksheets/sheet2.xml" } });
  });

  it("refuses a damaged shared-strings part naming it", async () => {
    const bytes = samplePackage((name, text) => (name === "xl/sharedStrings.xml" ? text.replace("</sst>", "") : text));
    expect(await problem(file("bad-sst.xlsx", bytes))).toEqual({ kind: "corrupt", part: "xl/sharedStrings.xml" });
  });

  it("refuses a workbook that lists no sheets", async () => {
    const bytes = samplePackage((name, text) => (name === "xl/workbook.xml" ? text.replace(/<sheets>[\s\S]*<\/sheets>/, "<sheets/>") : text));
    expect(await problem(file("no-sheets.xlsx", bytes))).toEqual({ kind: "noSheets" });
  });
});
