/**
 * The host-neutral writer's pieces: cells as SpreadsheetML (text stays text), cell formats merged
 * into a user's styles, the workbook part's edits (defined names after sheets are replaced, where
 * new sheets are placed), the
 * conformance class of new parts, and a new workbook that another reader opens.
 */
import ExcelJS from "exceljs";
import type { Cell, SheetModel } from "../../src/core/sheet/model";
import { STYLES } from "../../src/core/sheet/styles";
import { conformanceOf, inConformance } from "../../src/xlsx/write/conformance";
import { readWorkbook } from "../../src/xlsx/read";
import { newWorkbookBytes, writePlanIntoPackageBytes } from "../../src/xlsx/write/package";
import { Parts } from "../../src/xlsx/write/parts";
import { cellXml, worksheetXml } from "../../src/xlsx/write/sheet";
import { mergeStyles, StyleRegistry } from "../../src/xlsx/write/styles";
import { putDefinedNames, workbookSyntax } from "../../src/xlsx/write/workbook";
import { escapeText, escapeXml } from "../../src/xlsx/write/xmlText";
import { entryText, FFLATE_CODEC, readZip, type ZipCodec } from "../../src/xlsx/zip";
import { toStrictPackage } from "../support/producers";

function sheet(rows: (Cell | undefined)[][], more: Partial<SheetModel> = {}): SheetModel {
  return { name: "S", kind: "summary", rows, merges: [], columnWidths: [], print: { orientation: "portrait", fitToWidth: true }, charts: [], ...more };
}

describe("escaping", () => {
  it("escapes quotes only in attribute values; drops the characters XML 1.0 forbids in both", () => {
    expect(escapeText(`'DV01'!E5 & "x" <y>\u0001`)).toBe(`'DV01'!E5 &amp; "x" &lt;y&gt;`);
    expect(escapeXml(`'DV01'!E5 & "x" <y>\u0001`)).toBe("&apos;DV01&apos;!E5 &amp; &quot;x&quot; &lt;y&gt;");
    expect(escapeText("Thanh tra đơn vị số 22")).toBe("Thanh tra đơn vị số 22");
    expect(escapeText("a\uD800b")).toBe("ab");
  });
});

describe("cells as SpreadsheetML", () => {
  it("writes text that looks like a formula or a number as an inline string, never as a formula", () => {
    expect(cellXml("A1", { value: "=SUM(A1:A9)" }, 0)).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">=SUM(A1:A9)</t></is></c>');
    expect(cellXml("A2", { value: "1.234" }, 3)).toBe('<c r="A2" s="3" t="inlineStr"><is><t xml:space="preserve">1.234</t></is></c>');
    expect(cellXml("A3", { value: "<&>\u0001" }, 0)).toContain('<t xml:space="preserve">&lt;&amp;&gt;</t>');
  });

  it("writes a formula with its cached result typed: number, text, boolean or none", () => {
    expect(cellXml("B1", { formula: "SUM(A1:A2)", value: 4642 }, 2)).toBe('<c r="B1" s="2"><f>SUM(A1:A2)</f><v>4642</v></c>');
    expect(cellXml("B2", { formula: 'IF(A1>0,"có","")', value: "có" }, 0)).toBe('<c r="B2" t="str"><f>IF(A1&gt;0,"có","")</f><v>có</v></c>');
    expect(cellXml("B3", { formula: "A1>0", value: false }, 0)).toBe('<c r="B3" t="b"><f>A1&gt;0</f><v>0</v></c>');
    expect(cellXml("B4", { formula: "A1", value: null }, 0)).toBe('<c r="B4"><f>A1</f></c>');
  });

  it("writes an internal link as a HYPERLINK formula showing its text, and an empty styled cell as a format only", () => {
    expect(cellXml("C1", { value: "E7", link: { sheet: "Bộ Tư pháp's", cell: "E7" } }, 0)).toBe(`<c r="C1" t="str"><f>HYPERLINK("#'Bộ Tư pháp''s'!E7","E7")</f><v>E7</v></c>`);
    expect(cellXml("C2", { style: "header" }, 5)).toBe('<c r="C2" s="5"/>');
    expect(cellXml("C3", {}, 0)).toBe("");
  });

  it("protects what the model does not allow, and groups equal validations into one sqref", () => {
    const v: Cell["validation"] = { rule: { type: "whole", min: 0, max: { ref: "$C$5" } }, prompt: { title: "T", message: "M" }, error: { title: "E", message: "X" } };
    const xml = worksheetXml(
      sheet([[{ validation: v }, { validation: v }, { value: 1, validation: { rule: { type: "any" }, prompt: { title: "a", message: "b" } } }]], {
        protection: { allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false, allowInsertRows: false, allowSelectLocked: true, allowSelectUnlocked: true },
      }),
      { xf: () => 0, selected: true, links: {} },
    );
    expect(xml).toContain(
      '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="1" formatColumns="0" formatRows="0" insertRows="1" selectLockedCells="0" selectUnlockedCells="0"/>',
    );
    expect(xml).toContain('sqref="A1 B1"><formula1>0</formula1><formula2>$C$5</formula2></dataValidation>');
    expect(xml).toMatch(/<dataValidation allowBlank="1" showInputMessage="1" promptTitle="a" prompt="b" sqref="C1"\/>/);
    expect(xml).toContain('<sheetView tabSelected="1" workbookViewId="0"/>');
  });
});

describe("cell formats", () => {
  it("gives one format per (style, number format, lock), in the core table's looks", () => {
    const r = new StyleRegistry();
    const a = r.xf({ style: "header" });
    expect(r.xf({ style: "header" })).toBe(a);
    expect(r.xf({ style: "header", format: "0.0%" })).not.toBe(a);
    expect(r.xf({ style: "input", locked: false })).not.toBe(r.xf({ style: "input" }));
    expect(r.xf({})).toBe(0);
    const xml = r.stylesXml();
    expect(xml).toContain(`<fgColor rgb="FF${STYLES.header.fill}"/>`);
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
    expect(xml).toContain('<protection locked="0"/>');
  });

  it("merged twice into a user's styles adds nothing the second time", () => {
    const fresh = new StyleRegistry().collect([sheet([[{ style: "title" }, { style: "number", format: "#,##0.000" }]])]).stylesXml();
    const user =
      '<styleSheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="1" fontId="0"/></cellXfs></styleSheet>';
    const once = mergeStyles(user, fresh);
    expect(once.xml).toContain('<xf numFmtId="1" fontId="0"/>');
    expect(mergeStyles(once.xml, fresh)).toEqual(once);
  });
});

describe("defined names after the sheet list changed", () => {
  const wb = (names: string) => `<workbook xmlns="m" xmlns:r="r"><sheets/><definedNames>${names}</definedNames></workbook>`;
  const syntax = workbookSyntax(wb(""));

  it("keeps names on a replaced output, moves its local names to the successor, and turns references into a sheet gone for good into #REF!", () => {
    const xml = wb(
      `<definedName name="A">&apos;Tổng hợp 2023&apos;!$E$8</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Tổng hợp 2023&apos;!$A$1:$C$3</definedName>` +
        `<definedName name="B">SUM(Old!$A$1:$A$3,BTP!$B$2)</definedName>` +
        `<definedName name="C" localSheetId="1">Old!$A$1</definedName>`,
    );
    const out = putDefinedNames(xml, syntax, (old) => (old === 0 ? 0 : undefined), ["Old"]);
    expect(out).toContain(`<definedName name="A">&apos;Tổng hợp 2023&apos;!$E$8</definedName>`);
    expect(out).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">`);
    expect(out).toContain(`<definedName name="B">SUM(#REF!,BTP!$B$2)</definedName>`);
    expect(out).not.toContain(`name="C"`);
  });
});

describe("parts deflated ahead", () => {
  const big = (c: string) => `<x>${c.repeat(100_000)}</x>`;
  /** fflate's codec, also deflating "later" (a microtask later); `fail` rejects the parts whose text starts so. */
  const later = (fail?: string): ZipCodec => ({
    ...FFLATE_CODEC,
    deflateRawLater: async (data, level) => {
      if (fail && new TextDecoder().decode(data.subarray(0, fail.length)) === fail) throw new Error("deflate failed");
      return FFLATE_CODEC.deflateRaw(data, level);
    },
  });
  const base = () => newWorkbookBytes([sheet([[{ value: "a" }]], { name: "A" })], "A");

  it("makes the same zip as parts deflated in place, a part set twice written once", async () => {
    const inPlace = Parts.open(base());
    const ahead = Parts.open(base(), later(), { ahead: true });
    for (const p of [inPlace, ahead]) {
      p.set("xl/big.xml", big("a"));
      p.set("xl/big.xml", big("b"));
      p.set("xl/small.xml", "<x/>");
    }
    const bytes = await ahead.toZipLater();
    expect(Buffer.from(bytes).equals(Buffer.from(inPlace.toZip()))).toBe(true);
    expect(entryText(readZip(bytes).get("xl/big.xml")!)).toBe(big("b"));
  });

  it("fails when a part's deflate fails, not when a replaced one's did", async () => {
    const failing = Parts.open(base(), later("<x>a"), { ahead: true });
    failing.set("xl/big.xml", big("a"));
    await expect(failing.toZipLater()).rejects.toThrow("deflate failed");
    const replaced = Parts.open(base(), later("<x>a"), { ahead: true });
    replaced.set("xl/big.xml", big("a"));
    replaced.set("xl/big.xml", big("b"));
    expect(entryText(readZip(await replaced.toZipLater()).get("xl/big.xml")!)).toBe(big("b"));
  });
});

describe("placing sheets in the user's package", () => {
  /** A user's workbook: an earlier output, three sheets, C reading BTP; names on BTP and C. */
  function userPackage(): Uint8Array {
    const bytes = newWorkbookBytes(
      [
        sheet([[{ value: "old" }]], { name: "Tổng hợp" }),
        sheet([[{ value: "a" }]], { name: "A" }),
        sheet([[{ value: 1 }, { value: 2 }]], { name: "btp" }),
        sheet([[{ formula: "'btp'!B1*10", value: 20 }]], { name: "C" }),
      ],
      "A",
    );
    const parts = Parts.open(bytes);
    const names =
      `<definedNames><definedName name="HaiBTP">&apos;btp&apos;!$B$1</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;btp&apos;!$A$1:$B$1</definedName>` +
      `<definedName name="RiengC" localSheetId="3">C!$A$1</definedName></definedNames>`;
    parts.set("xl/workbook.xml", parts.text("xl/workbook.xml")!.replace("</sheets>", `</sheets>${names}`));
    return parts.toZip();
  }

  it("puts a replacement in its sheet's place, new sheets after their anchor in plan order, outputs first", () => {
    const out = writePlanIntoPackageBytes(userPackage(), {
      sheets: [
        sheet([[{ value: "new" }]], { name: "Tổng hợp" }),
        sheet([[{ value: 5 }, { value: 7 }]], { name: "btp" }),
        sheet([[{ value: "x" }]], { name: "X" }),
        sheet([[{ value: "y" }]], { name: "Y" }),
        sheet([[{ value: "z" }]], { name: "Z" }),
      ],
      remove: ["Tổng hợp", "btp"],
      activate: "btp",
      place: { btp: { replaces: "btp" }, X: { after: "btp" }, Y: { after: "BTP" }, Z: { after: null } },
    });
    const read = readWorkbook(out);
    expect(read.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "A", "btp", "X", "Y", "C", "Z"]);
    expect(read.sheets[2].values).toEqual([[5, 7]]);
    // C's formula is the user's, untouched: it reads the new btp (recalculated on open).
    expect(read.sheets[5].formulas[0][0]).toBe("='btp'!B1*10");
    const wb = entryText(readZip(out).get("xl/workbook.xml")!);
    expect(wb).toContain(`<definedName name="HaiBTP">&apos;btp&apos;!$B$1</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;btp&apos;!$A$1:$B$1</definedName>`);
    expect(wb).toContain(`<definedName name="RiengC" localSheetId="5">C!$A$1</definedName>`);
    expect(wb).not.toContain("#REF!");
    expect(wb).toMatch(/<workbookView\b[^>]*activeTab="2"/);
    expect(wb).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    // Sheet ids stay unique.
    const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(7);
  });

  it("keeps every sheet's place when nothing is placed but new sheets at the end", () => {
    const out = writePlanIntoPackageBytes(userPackage(), {
      sheets: [sheet([[{ value: 1 }]], { name: "Mới" })],
      remove: [],
      activate: "Mới",
      place: { Mới: { after: "không có" } },
    });
    expect(readWorkbook(out).sheets.map((s) => s.name)).toEqual(["Tổng hợp", "A", "btp", "C", "Mới"]);
    expect(entryText(readZip(out).get("xl/workbook.xml")!)).toContain(`<definedName name="RiengC" localSheetId="3">`);
  });

  it("refuses to put a sheet in the place of one the plan does not remove", () => {
    expect(() => writePlanIntoPackageBytes(userPackage(), { sheets: [sheet([], { name: "D" })], remove: [], activate: "D", place: { D: { replaces: "A" } } })).toThrow(
      /replaces A/,
    );
  });
});

describe("new parts in the package's class", () => {
  it("recognises a Strict workbook and moves namespaces and relationship types to Strict", () => {
    expect(conformanceOf('<x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main">')).toBe("strict");
    expect(conformanceOf('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" conformance="strict">')).toBe("strict");
    expect(conformanceOf('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')).toBe("transitional");
    const strict = inConformance(worksheetXml(sheet([[{ value: 1 }]]), { xf: () => 0, selected: false, links: {} }), "strict");
    expect(strict).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(strict).not.toContain("schemas.openxmlformats.org");
  });

  it("adds a Strict sheet, with a Strict relationship, to a Strict package", () => {
    const strict = toStrictPackage(newWorkbookBytes([sheet([[{ value: 1 }]])], "S"));
    const zip = readZip(writePlanIntoPackageBytes(strict, { sheets: [sheet([[{ value: "x", note: "n" }]], { name: "T" })], remove: [], activate: "T" }));
    expect(zip.entries.filter((e) => e.name.startsWith("xl/worksheets/") && e.name.endsWith(".xml"))).toHaveLength(2);
    const rels = entryText(zip.get("xl/_rels/workbook.xml.rels")!);
    expect(rels.match(/Type="http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/worksheet"/g)).toHaveLength(2);
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument");
    for (const e of zip.entries.filter((x) => /^xl\/(worksheets\/sheet2|comments1)\.xml$/.test(x.name)))
      expect(entryText(e)).toContain("http://purl.oclc.org/ooxml/spreadsheetml/main");
  });
});

describe("a new workbook", () => {
  it("opens in exceljs with its sheets, values, formats, notes, widths, freeze and tab colour", async () => {
    const bytes = newWorkbookBytes(
      [
        sheet(
          [
            [
              { value: "Mã", style: "header", note: "Ghi chú" },
              { value: 4642.5, format: "#,##0.000", style: "number" },
            ],
            [{ formula: "B1*2", value: 9285 }],
          ],
          {
            name: "Cấu hình",
            columnWidths: [12, 20],
            freeze: { rows: 1, cols: 0 },
            tabColor: "FFC000",
          },
        ),
        sheet([[{ value: true }]], { name: "Ẩn", visibility: "hidden" }),
      ],
      "Cấu hình",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Cấu hình")!;
    expect(ws.getCell("A1").value).toBe("Mã");
    expect(ws.getCell("A1").note).toBe("Ghi chú");
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getCell("B1").numFmt).toBe("#,##0.000");
    expect(ws.getCell("A2").value).toMatchObject({ formula: "B1*2", result: 9285 });
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.properties.tabColor).toEqual({ argb: "FFFFC000" });
    expect(wb.getWorksheet("Ẩn")!.state).toBe("hidden");
    const parts = readZip(bytes);
    expect(entryText(parts.get("xl/workbook.xml")!)).toContain('<sheet name="Ẩn" sheetId="2" state="hidden"');
  });
});
