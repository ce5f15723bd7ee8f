/** The reader reads what Excel shows: cached results of formulas, zeros included. */
import ExcelJS from "exceljs";
import { MAX_WORKBOOK_CELLS } from "../../src/core/snapshot";
import { readWorkbook, SheetReadError, TooLargeError, WorkbookReadError } from "../../src/xlsx/read";
import { readZip, writeZip } from "../../src/xlsx/zip";
import { snapshotOfExcelJs } from "../support/readBack";

async function roundTrip(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("S"));
  return (await snapshotOfExcelJs(wb)).sheets[0];
}

describe("reading a workbook file into a snapshot", () => {
  it("keeps a formula's cached zero, empty text and FALSE as values", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("B2").value = { formula: "A1*0", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("C2").value = { formula: 'IF(1,"","x")', result: "" } as ExcelJS.CellFormulaValue;
      ws.getCell("D2").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    });
    expect(s.top).toBe(1);
    expect(s.left).toBe(1);
    expect(s.values[0]).toEqual([0, "", false]);
    expect(s.formulas[0]).toEqual(["=A1*0", '=IF(1,"","x")', "=1=2"]);
  });

  it("reads errors, dates as serial numbers, rich text and number formats", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("B1").value = new Date(Date.UTC(2023, 0, 1));
      ws.getCell("C1").value = { richText: [{ text: "Năm " }, { text: "2023" }] };
      ws.getCell("D1").value = 1234.5;
      ws.getCell("D1").numFmt = "#,##0.0";
    });
    expect(s.values[0][0]).toEqual({ error: "#REF!" });
    expect(s.values[0][1]).toBe(44927);
    expect(s.values[0][2]).toBe("Năm 2023");
    expect(s.numberFormats[0][3]).toBe("#,##0.0");
  });

  it("gives an empty sheet an empty grid", async () => {
    const s = await roundTrip(() => undefined);
    expect(s.values).toEqual([]);
  });
});

// ---- The reader on hand-written packages: each feature of SpreadsheetML it reads. ----

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

interface SheetSpec {
  name: string;
  /** The worksheet's inner XML (sheetData and what follows), or a whole part when it starts with "<?xml". */
  xml: string;
  state?: string;
  relType?: string;
}

/** A minimal package: the workbook, its sheets, and optionally shared strings and styles. */
function pkg(sheets: SheetSpec[], opts: { sst?: string[] | string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${s.relType ?? `${REL}/worksheet`}" Target="worksheets/sheet${i + 1}.xml"/>`);
  const parts: { name: string; data: string }[] = [
    {
      name: "[Content_Types].xml",
      data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<workbook xmlns="${SML}" xmlns:r="${REL}">${opts.workbookPr ?? ""}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`).join("")}</sheets></workbook>`,
    },
  ];
  if (opts.sst !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push({
      name: "xl/sharedStrings.xml",
      data: typeof opts.sst === "string" ? opts.sst : `<sst xmlns="${SML}">${opts.sst.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`,
    });
  }
  if (opts.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ name: "xl/styles.xml", data: opts.styles });
  }
  parts.push({ name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="${PKG}">${rels.join("")}</Relationships>` });
  sheets.forEach((s, i) =>
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml.startsWith("<?xml") ? s.xml : `<worksheet xmlns="${SML}" xmlns:r="${REL}">${s.xml}</worksheet>` }),
  );
  return writeZip(parts);
}

const one = (xml: string, opts?: Parameters<typeof pkg>[1]) => readWorkbook(pkg([{ name: "S", xml }], opts)).sheets[0];

function readError(bytes: Uint8Array): unknown {
  try {
    readWorkbook(bytes);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("cell values", () => {
  it("reads numbers, shared strings, booleans, errors, formula strings and inline strings", () => {
    const s = one(
      `<sheetData><row r="2"><c r="B2"><v>1.5E3</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#DIV/0!</v></c><c r="G2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H2" t="inlineStr"><is><t>Hà Nội</t></is></c></row></sheetData>`,
      { sst: ["zero", "Thanh tra &amp; kiểm tra"] },
    );
    expect([s.top, s.left]).toEqual([1, 1]);
    expect(s.values).toEqual([[1500, "Thanh tra & kiểm tra", true, false, { error: "#DIV/0!" }, "ab", "Hà Nội"]]);
    expect(s.formulas[0][5]).toBe('="a"&"b"');
  });

  it("joins rich-text runs and leaves phonetic runs out, in shared and inline strings", () => {
    const sst = `<sst xmlns="${SML}"><si><r><rPr><b/></rPr><t>Năm </t></r><r><t>2023</t></r><rPh sb="0" eb="1"><t>ネン</t></rPh><phoneticPr fontId="0"/></si></sst>`;
    const s = one(
      `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Khối </t></r><r><rPr><i/></rPr><t>2</t></r><rPh><t>x</t></rPh></is></c></row></sheetData>`,
      { sst },
    );
    expect(s.values).toEqual([["Năm 2023", "Khối 2"]]);
  });

  it("decodes the _xHHHH_ escapes of control characters and keeps _x005F_ as an underscore", () => {
    const s = one(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`, { sst: ["Dòng 1_x000D__x000A_Dòng 2 _x005F_x0041_"] });
    expect(s.values[0][0]).toBe("Dòng 1\r\nDòng 2 _x0041_");
  });

  it('converts ISO dates (t="d") to serials of the workbook\'s date system, and keeps what is not a date as text', () => {
    const xml = `<sheetData><row r="1"><c r="A1" t="d"><v>2023-12-31T00:00:00</v></c><c r="B1" t="d"><v>2024-01-01T12:00:00Z</v></c><c r="C1" t="d"><v>1900-01-01</v></c><c r="D1" t="d"><v>hôm qua</v></c></row></sheetData>`;
    expect(one(xml).values[0]).toEqual([45291, 45292.5, 1, "hôm qua"]);
    const mac = readWorkbook(pkg([{ name: "S", xml }], { workbookPr: '<workbookPr date1904="1"/>' }));
    expect(mac.date1904).toBe(true);
    expect(mac.sheets[0].values[0].slice(0, 2)).toEqual([45291 - 1462, 45292.5 - 1462]);
    // A 1904 workbook's numbers are read as stored: only ISO dates are converted.
    expect(
      readWorkbook(pkg([{ name: "S", xml: `<sheetData><row><c><v>100</v></c></row></sheetData>` }], { workbookPr: '<workbookPr date1904="true"/>' })).sheets[0].values,
    ).toEqual([[100]]);
  });

  it("reads cells and rows without references in order", () => {
    const s = one(`<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row></sheetData>`);
    expect(s.values).toEqual([
      [1, 2, null, null],
      [null, null, 3, 4],
      [null, null, null, null],
      [null, null, null, null],
      [5, null, null, null],
    ]);
  });

  it("counts only cells with a value or a formula in the used range (styled empty cells do not)", () => {
    const s = one(
      `<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"/></row><row r="3"><c r="C3"><f>SUM(A1:B1)</f></c><c r="D3" s="1"/></row><row r="9" s="1" customFormat="1"/></sheetData>`,
    );
    expect([s.top, s.left, s.values, s.formulas]).toEqual([2, 2, [[null]], [["=SUM(A1:B1)"]]]);
  });

  it("gives a formula without a cached value a null value, and a data table no formula", () => {
    const s = one(`<sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f t="dataTable" ref="B1:B2" dt2D="0" dtr="0" r1="A1"/><v>7</v></c></row></sheetData>`);
    expect(s.values).toEqual([[null, 7]]);
    expect(s.formulas).toEqual([["=1+1", null]]);
  });

  it("names the sheet and cell of a shared string the workbook does not have", () => {
    const e = readError(pkg([{ name: "Đơn vị", xml: `<sheetData><row r="4"><c r="C4" t="s"><v>7</v></c></row></sheetData>` }], { sst: ["a"] }));
    expect(e).toBeInstanceOf(SheetReadError);
    expect((e as SheetReadError).sheet).toBe("Đơn vị");
    expect((e as SheetReadError).problem).toEqual({ reason: "missingString", cell: "C4", index: 7 });
  });
});

describe("shared formulas", () => {
  it("gives every cell of the group the master's formula moved by its offset, fixed parts kept", () => {
    const s = one(
      `<sheetData><row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="0">SUM($A2:A$2)*'Năm 2023'!B2+"B2"&amp;Tbl[Col]</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c><c r="C3"><f t="shared" si="0"/><v>4</v></c></row></sheetData>`,
    );
    expect(s.formulas).toEqual([
      [`=SUM($A2:A$2)*'Năm 2023'!B2+"B2"&Tbl[Col]`, `=SUM($A2:B$2)*'Năm 2023'!C2+"B2"&Tbl[Col]`],
      [`=SUM($A3:A$2)*'Năm 2023'!B3+"B2"&Tbl[Col]`, `=SUM($A3:B$2)*'Năm 2023'!C3+"B2"&Tbl[Col]`],
    ]);
    expect(s.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("keeps several groups apart, whatever order their cells come in", () => {
    const s = one(
      `<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="1">B1*2</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">C1+1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="1"/><v>4</v></c><c r="B2"><f t="shared" si="0"/><v>3</v></c></row></sheetData>`,
    );
    expect(s.formulas).toEqual([
      ["=B1*2", "=C1+1"],
      ["=B2*2", "=C2+1"],
    ]);
  });
});

describe("sheets, merges and styles", () => {
  it("reads visibility, and empties a merged area's other cells (as Excel shows them)", () => {
    const wb = readWorkbook(
      pkg([
        {
          name: "A",
          xml: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`,
        },
        { name: "B", xml: "<sheetData/>", state: "hidden" },
        { name: "C", xml: "<sheetData/>", state: "veryHidden" },
      ]),
    );
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["A", "visible"],
      ["B", "hidden"],
      ["C", "veryHidden"],
    ]);
    expect(wb.sheets[0].merges).toEqual(["A1:C1"]);
    expect(wb.sheets[0].values).toEqual([["Tiêu đề"], [1]]);
    expect(wb.sheets[1].values).toEqual([]);
  });

  it("reads number formats: custom ids, built-in ids, General for none", () => {
    const styles = `<styleSheet xmlns="${SML}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.000"/></numFmts><cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    const s = one(
      `<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3" t="inlineStr"><is><t>007</t></is></c><c r="D1" s="0"><v>1</v></c><c r="E1"><v>1</v></c><c r="F1" s="9"><v>1</v></c></row></sheetData>`,
      { styles },
    );
    expect(s.numberFormats).toEqual([["#,##0.000", "0%", "@", "General", "General", "General"]]);
  });

  it("skips chart sheets (not worksheets, as in Office.js) and refuses a listed sheet without a part", () => {
    const wb = readWorkbook(
      pkg([
        { name: "Biểu đồ", xml: "<chartsheet/>", relType: `${REL}/chartsheet` },
        { name: "S", xml: "<sheetData/>" },
      ]),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(["S"]);
    const bytes = pkg([{ name: "Mất", xml: "<sheetData/>", relType: `${REL}/worksheet` }]);
    const zip = readZip(bytes);
    const without = writeZip(zip.entries.filter((e) => e.name !== "xl/worksheets/sheet1.xml").map((e) => ({ name: e.name, copy: e })));
    const e = readError(without);
    expect(e).toBeInstanceOf(SheetReadError);
    expect((e as SheetReadError).problem).toEqual({ reason: "missingPart", part: "xl/worksheets/sheet1.xml" });
  });

  it("refuses a worksheet relationship whose part is not a worksheet, naming its root", () => {
    const e = readError(pkg([{ name: "X", xml: `<?xml version="1.0"?><chartsheet xmlns="${SML}"/>` }]));
    expect((e as SheetReadError).problem).toEqual({ reason: "notWorksheet", part: "xl/worksheets/sheet1.xml", root: "chartsheet" });
  });

  it("stops at the cell budget before allocating, naming the sheet and its used range", () => {
    const e = readError(pkg([{ name: "Xa", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>` }]));
    expect(e).toBeInstanceOf(TooLargeError);
    expect(e).toMatchObject({ sheet: "Xa", range: "A1:XFD1048576", cells: 1048576 * 16384 });
    expect(MAX_WORKBOOK_CELLS).toBe(5_000_000);
    // The budget is the workbook's: two sheets of 3 cells do not fit in 5.
    const two = pkg([
      { name: "P", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row></sheetData>` },
      { name: "Q", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row></sheetData>` },
    ]);
    expect(readWorkbook(two, { maxCells: 6 }).sheets).toHaveLength(2);
    expect(() => readWorkbook(two, { maxCells: 5 })).toThrow(TooLargeError);
  });

  it("refuses a package with no office document, or one that is not a workbook", () => {
    expect(readError(writeZip([{ name: "a.txt", data: "x" }]))).toEqual(new WorkbookReadError({ kind: "noWorkbook" }));
    const docx = writeZip([
      { name: "_rels/.rels", data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>` },
      { name: "word/document.xml", data: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>` },
    ]);
    expect((readError(docx) as WorkbookReadError).problem.kind).toBe("noWorkbook");
  });
});
