import path from "path";
import ExcelJS from "exceljs";
import { parseA1 } from "../../src/core/a1";
import type { DocumentModel, Paragraph } from "../../src/core/document";
import { buildBloc } from "../../src/core/pipeline";
import { generatedKind } from "../../src/core/marker";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadWorkbook } from "../../src/file/load";
import { writePlanIntoPackage } from "../../src/file/package";
import { snapshotOfBytes } from "../support/readBack";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
const NOW = "2024-01-20T03:00:00.000Z";

async function sample(): Promise<WorkbookSnapshot> {
  return (await loadWorkbook(SAMPLE)).snapshot;
}

/** Put a value into a snapshot cell (the used range already covers it). */
function setCell(wb: WorkbookSnapshot, sheet: string, ref: string, value: string | number | null): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(ref);
  s.values[row - s.top][col - s.left] = value;
}

function findCell(wb: WorkbookSnapshot, sheet: string, value: string): string {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  for (let r = 0; r < s.values.length; r++)
    for (let c = 0; c < s.values[r].length; c++) if (s.values[r][c] === value) return `${String.fromCharCode(65 + s.left + c)}${s.top + r + 1}`;
  throw new Error(`${value} not on ${sheet}`);
}

function documentText(doc: DocumentModel): string {
  const para = (p: Paragraph) => p.runs.map((r) => r.text).join("");
  return doc.blocks.map((b) => (b.type === "paragraph" ? para(b) : b.rows.map((r) => r.cells.map((c) => c.paragraphs.map(para).join("\n")).join(" | ")).join("\n"))).join("\n");
}

describe("awards in the build", () => {
  test("the sample proposes the flag for BCA and the merit for BTP, exactly in the JSON of SPEC §7", async () => {
    const res = buildBloc(await sample(), { lang: "vi", now: NOW });
    expect(res.errors).toBe(0);
    expect(res.json.awards.flag).toEqual(["BCA"]);
    expect(res.json.awards.merit).toEqual(["BTP"]);
    expect(Object.keys(res.json.awards)).toEqual(["ranking", "flag", "merit"]);
    expect(res.json.awards.ranking[0]).toEqual({ code: "BCA", score: 98, rank: 1 });
    expect(res.json.awards.ranking[1]).toEqual({ code: "BTP", score: 93.5, rank: 2 });
    expect(Object.keys(res.json)).toEqual(["schema", "bloc", "year", "compareYear", "period", "units", "values", "totals", "history", "issues", "awards", "changes"]);
  });

  test("the tờ trình says the bloc's results the Vietnamese way and names next year's leader and deputy", async () => {
    const res = buildBloc(await sample(), { lang: "vi", now: NOW });
    const text = documentText(res.submission!);
    for (const s of [
      "THANH TRA BỘ CÔNG AN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "/TTr-TTBCA",
      "Hà Nội, ngày",
      "năm 2024",
      "TỜ TRÌNH",
      "Về việc đề nghị tặng Cờ thi đua của Thanh tra Chính phủ và Bằng khen của Tổng Thanh tra Chính phủ năm 2023",
      "Kính gửi: Hội đồng Thi đua, khen thưởng ngành Thanh tra",
      "Kế hoạch số 66/KH-TTCP ngày 12/01/2023",
      "Siết chặt kỷ cương, tăng cường hiệu quả",
      "đã tiến hành 152 cuộc thanh tra; kiến nghị xử lý hơn 4.642 tỷ đồng; tiếp 2.521 lượt với 3.239 công dân; tiếp nhận, xử lý 29.288 đơn; tham mưu giải quyết 118 vụ việc thuộc thẩm quyền",
      "So với năm 2022",
      "Thanh tra Bộ Tư pháp là Khối trưởng, Thanh tra Bộ Tài chính là Khối phó",
      "Nơi nhận:",
      "- Lưu: VT.",
      "CHÁNH THANH TRA BỘ CÔNG AN",
      "Trần Đức Tuấn",
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Cờ thi đua[^\n]*\n- Thanh tra Bộ Công an: đạt 98 điểm, xếp thứ 1; 6\/6 phiếu/);
    expect(text).toMatch(/Bằng khen[^\n]*\n- Thanh tra Bộ Tư pháp: đạt 93,5 điểm, xếp thứ 2; 5\/6 phiếu/);
    expect(text).not.toContain("BTC -");
    expect(res.submission!.page).toEqual({ size: "A4", orientation: "portrait", marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } });
    expect(res.submission!.font).toBe("Times New Roman");
  });

  test("--lang en renders the submission in English", async () => {
    const res = buildBloc(await sample(), { lang: "en", now: NOW });
    const text = documentText(res.submission!);
    expect(text).toContain("SUBMISSION");
    expect(text).toContain("conducted 152 inspections; recommended the recovery of over 4,642 billion VND");
    expect(text).toContain("Thanh tra Bộ Tài chính as deputy");
  });

  test("the 'Tờ trình 2023' sheet is planned with a marker a rebuild recognises and replaces", async () => {
    const res = buildBloc(await sample(), { lang: "vi", now: NOW });
    const sheet = res.plan.sheets.find((s) => s.name === "Tờ trình 2023")!;
    expect(sheet.kind).toBe("submission");
    expect(sheet.print.orientation).toBe("portrait");
    expect(sheet.merges.length).toBeGreaterThan(20);
    const loaded = await loadWorkbook(SAMPLE);
    const snap = snapshotOfBytes(await writePlanIntoPackage(loaded.buffer, res.plan));
    const written = snap.sheets.find((s) => s.name === "Tờ trình 2023")!;
    expect(generatedKind(written)).toBe("submission");
    const again = buildBloc(snap, { lang: "vi", now: NOW });
    expect(again.plan.remove).toContain("Tờ trình 2023");
    expect(again.plan.sheets.filter((s) => s.name.startsWith("Tờ trình")).map((s) => s.name)).toEqual(["Tờ trình 2023"]);
    expect(again.json.awards).toEqual(res.json.awards);

    // A later error removes the earlier draft instead of leaving a stale proposal behind.
    const row = parseA1(findCell(snap, "Chấm điểm", "BTP")).row + 1;
    setCell(snap, "Chấm điểm", `C${row}`, "abc");
    const broken = buildBloc(snap, { lang: "vi", now: NOW });
    expect(broken.plan.remove).toContain("Tờ trình 2023");
    expect(broken.plan.sheets.some((s) => s.kind === "submission")).toBe(false);
  });

  test("with an error there is no submission, the unit at fault is not proposed, and the issue is at its cell", async () => {
    const wb = await sample();
    const at = findCell(wb, "Chấm điểm", "BTP");
    const row = parseA1(at).row + 1;
    setCell(wb, "Chấm điểm", `C${row}`, 31); // above the maximum 30
    const res = buildBloc(wb, { lang: "vi", now: NOW });
    expect(res.issues.filter((i) => i.code === "SCORE_INVALID").map((i) => [i.sheet, i.cell, i.params.reason])).toEqual([["Chấm điểm", `C${row}`, "aboveMax"]]);
    expect(res.submission).toBeNull();
    expect(res.minutes).toBeNull();
    expect(res.plan.sheets.some((s) => s.kind === "submission")).toBe(false);
    expect(res.json.awards.flag).toEqual(["BCA"]);
    expect(res.json.awards.merit).toEqual([]);
    expect(res.json.awards.ranking.map((r) => r.code)).not.toContain("BTP");
  });

  test("an error on a unit's own sheet keeps it from being proposed", async () => {
    const wb = await sample();
    const tt01 = findCell(wb, "BCA", "TT01");
    setCell(wb, "BCA", `E${parseA1(tt01).row + 1}`, "ba mươi");
    const res = buildBloc(wb, { lang: "vi", now: NOW });
    expect(res.errors).toBeGreaterThan(0);
    expect(res.awards!.skipped.find((x) => x.code === "BCA")?.reason).toBe("errors");
    expect(res.json.awards.flag).toEqual([]);
  });

  test("a tie at the flag boundary is a SCORE_TIE warning and nobody gets the flag", async () => {
    const wb = await sample();
    const row = parseA1(findCell(wb, "Chấm điểm", "BTP")).row + 1;
    // BTP 93.5 → 98: criteria C..G, bonus H. +4.5 on the bonus.
    setCell(wb, "Chấm điểm", `H${row}`, 5.5);
    setCell(wb, "Chấm điểm", `J${row}`, 6);
    const res = buildBloc(wb, { lang: "vi", now: NOW });
    const ties = res.issues.filter((i) => i.code === "SCORE_TIE");
    expect(ties).toHaveLength(1);
    expect(ties[0]).toMatchObject({ severity: "warning", sheet: "Chấm điểm", params: { units: "BCA, BTP", award: "flag" } });
    expect(res.json.awards.flag).toEqual([]);
    expect(res.json.issues.find((i) => i.code === "SCORE_TIE")!.message).toContain("bỏ phiếu");
    expect(documentText(res.submission!)).toContain("bằng điểm");
  });

  test("text from users is never a formula on the submission sheet", async () => {
    const wb = await sample();
    setCell(wb, "Cấu hình", findCell(wb, "Cấu hình", "Trần Đức Tuấn"), '=HYPERLINK("http://x","y")');
    const res = buildBloc(wb, { lang: "vi", now: NOW });
    const sheet = res.plan.sheets.find((s) => s.kind === "submission")!;
    const cells = sheet.rows.flat().filter((c) => c !== undefined);
    expect(cells.some((c) => c!.value === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(cells.every((c) => c!.formula === undefined)).toBe(true);
    const l = await loadWorkbook(SAMPLE);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await writePlanIntoPackage(l.buffer, res.plan)) as unknown as ArrayBuffer);
    const ws = out.getWorksheet(sheet.name)!;
    let found = false;
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (c.value === '=HYPERLINK("http://x","y")') found = true;
        expect(c.formula).toBeFalsy();
      }),
    );
    expect(found).toBe(true);
  });
});
