import { DOC_GRID, gridSpans, renderDocumentSheet } from "../../src/core/render/document-sheet";
import { dataTable, documentHeader, newDocument, para, body } from "../../src/core/render/submission";
import { awardText } from "../../src/core/i18n/awards";
import { generatedKind } from "../../src/core/marker";
import { sheetFromRows, type CellValue } from "../../src/core/snapshot";

describe("a document laid out on a sheet", () => {
  test("splits a table's columns over the grid, each at least one column wide", () => {
    expect(gridSpans([40, 60])).toEqual([8, 12]);
    expect(gridSpans([1, 1000, 1])).toEqual([1, 18, 1]);
    expect(gridSpans(new Array(DOC_GRID).fill(1)).every((s) => s === 1)).toBe(true);
    expect(gridSpans([9, 55, 18, 18]).reduce((a, b) => a + b, 0)).toBe(DOC_GRID);
  });

  test("writes one merged row per paragraph, tables on the grid, and a marker a rebuild recognises", () => {
    const t = awardText("vi");
    const doc = newDocument("x", [
      documentHeader("Thanh tra Bộ Công an", t.number("TTr", "TTBCA"), t.date("Hà Nội", 2024), t),
      para([{ text: "TỜ TRÌNH", bold: true }], { align: "center" }),
      body("Căn cứ kế hoạch;"),
      dataTable([10, 90], ["STT", "Đơn vị"], [["1", "=1+1"]], ["center", "left"]),
    ]);
    const plan = renderDocumentSheet(doc, "Tờ trình 2023", "submission", "Dự thảo");
    expect(plan.kind).toBe("submission");
    expect(plan.print).toMatchObject({ orientation: "portrait", fitToWidth: true });
    expect(plan.columnWidths).toHaveLength(DOC_GRID);
    const values = plan.rows.map((r) => Array.from({ length: DOC_GRID }, (_, c) => (r[c]?.value ?? null) as CellValue));
    expect(generatedKind(sheetFromRows(plan.name, values))).toBe("submission");
    const texts = plan.rows.flat().map((c) => c?.value);
    expect(texts).toContain("THANH TRA BỘ CÔNG AN");
    expect(texts).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(texts).toContain("TỜ TRÌNH");
    // User text that looks like a formula stays a value.
    expect(texts).toContain("=1+1");
    expect(plan.rows.flat().some((c) => c?.formula !== undefined)).toBe(false);
    const styleOf = (v: string) => plan.rows.flat().find((c) => c?.value === v)?.style;
    expect(styleOf("TỜ TRÌNH")).toBe("docTitle");
    expect(styleOf("Hà Nội, ngày      tháng      năm 2024")).toBe("docItalic");
    expect(plan.merges).toContain("A1:T1");
  });

  test("keeps every row within Excel's 409-point limit, even for a paragraph naming hundreds of units", () => {
    const names = Array.from({ length: 600 }, (_, i) => `Thanh tra đơn vị số ${i + 1}`).join(", ");
    const plan = renderDocumentSheet(newDocument("x", [body(names)]), "Tờ trình 2023", "submission", "Dự thảo");
    const heights = Object.values(plan.rowHeights ?? {});
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.max(...heights)).toBe(409);
  });
});
