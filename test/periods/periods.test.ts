/** Periods (SPEC §11): "Kỳ báo cáo", period column headers, same-period comparison, titles and the report. */
import type { DocumentModel, Paragraph } from "../../src/core/document";
import { issueMessage } from "../../src/core/i18n/messages";
import { parsePeriod, periodOfHeader, type Period } from "../../src/core/period";
import { addr, BlocBuilder, parseAddr, plainSheet } from "../support/snapshots";
import { briefs, run } from "../core/helpers/run";
import { planToSheet } from "../support/planSheet";

function documentText(doc: DocumentModel): string {
  const para = (p: Paragraph) => p.runs.map((r) => r.text).join("");
  return doc.blocks.map((b) => (b.type === "paragraph" ? para(b) : b.rows.map((r) => r.cells.map((c) => c.paragraphs.map(para).join("\n")).join(" | ")).join("\n"))).join("\n");
}

/** A bloc whose unit sheets head their figure columns by `label`, with "Kỳ báo cáo" set to `period` (or left out). */
function periodBloc(label: (y: number) => string, period: string | null, opts: { seed?: number } = {}): BlocBuilder {
  const fx = new BlocBuilder({ seed: opts.seed ?? 7, unitSheet: { yearLabel: (y) => label(y) } });
  if (period !== null) fx.setCell(fx.configSheetName(), "A60", "Kỳ báo cáo").setCell(fx.configSheetName(), "B60", period);
  return fx;
}

const sum = (fx: BlocBuilder, ind: string, year: number) => fx.units.reduce((s, u) => s + fx.value(u.code, ind, year), 0);

describe("period column headers", () => {
  const cases: [string | number, Period, number][] = [
    [2024, "year", 2024],
    ["2024", "year", 2024],
    ["Năm 2024", "year", 2024],
    ["Năm 2023 (kỳ báo cáo)", "year", 2023],
    ["Năm 2023 (số liệu chính thức)", "year", 2023],
    ["Year 2022", "year", 2022],
    ["6 tháng 2024", "6m", 2024],
    ["6 THÁNG 2024", "6m", 2024],
    ["6 thang 2024", "6m", 2024],
    ["6T/2024", "6m", 2024],
    ["6t-2024", "6m", 2024],
    ["6 tháng đầu năm 2024", "6m", 2024],
    ["Sáu tháng đầu năm 2024", "6m", 2024],
    ["H1 2024", "6m", 2024],
    ["6 months 2024", "6m", 2024],
    ["First half 2024", "6m", 2024],
    ["9 tháng 2024", "9m", 2024],
    ["9T/2024", "9m", 2024],
    ["9 tháng đầu năm 2024", "9m", 2024],
    ["9M 2024", "9m", 2024],
    ["Quý I/2024", "q1", 2024],
    ["Quý II/2024", "q2", 2024],
    ["Quý III năm 2024", "q3", 2024],
    ["Quý IV 2024", "q4", 2024],
    ["Quý 2 năm 2024", "q2", 2024],
    ["Quy II/2024", "q2", 2024],
    ["Q2/2024", "q2", 2024],
    ["Q2 2024", "q2", 2024],
    ["2024 Q2", "q2", 2024],
    ["Quarter 3 2024", "q3", 2024],
    ["Second quarter 2024", "q2", 2024],
  ];
  test.each(cases)("reads %p as %s of %d", (header, period, year) => {
    expect(periodOfHeader(header)).toEqual({ period, year });
  });

  test.each(["Ghi chú", "6 tháng cuối năm 2024", "2023 và 2024", "Quý V/2024", "Kế hoạch 2024", "6 tháng", 12, "Mã"])("does not take %p for a period column", (header) => {
    expect(periodOfHeader(header)).toBeNull();
  });

  test.each([
    ["Năm", "year"],
    ["Cả năm", "year"],
    ["Year", "year"],
    ["6 tháng", "6m"],
    ["6 tháng đầu năm", "6m"],
    ["sáu tháng", "6m"],
    ["6 months", "6m"],
    ["9 tháng", "9m"],
    ["Quý I", "q1"],
    ["quý iv", "q4"],
    ["Q3", "q3"],
  ])("reads the config value %p as %s", (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  test("refuses a config value that names no period, at its cell", () => {
    const fx = periodBloc((y) => `Năm ${y}`, "Nửa cuối năm");
    const res = run(fx);
    const bad = res.issues.find((i) => i.code === "CONFIG_INVALID")!;
    expect([bad.sheet, bad.cell]).toEqual([fx.configSheetName(), "B60"]);
    expect(issueMessage(bad, "vi")).toContain("Kỳ báo cáo");
    expect(issueMessage(bad, "vi")).toContain("Nửa cuối năm");
  });
});

describe("a mid-year bloc (6 tháng)", () => {
  const fx = periodBloc((y) => `6 tháng ${y}`, "6 tháng");
  const res = run(fx);

  test("is read as the first six months, compared with the same period of the compare year", () => {
    expect(res.period).toBe("6m");
    expect(res.errors).toBe(0);
    expect(res.json.period).toBe("6m");
    for (const ind of ["TT01", "TT03", "XLD01"]) {
      expect(res.json.totals[ind][String(fx.year)]).toBeCloseTo(sum(fx, ind, fx.year), 9);
      expect(res.json.totals[ind][String(fx.compareYear)]).toBeCloseTo(sum(fx, ind, fx.compareYear), 9);
    }
  });

  test("names its outputs and titles after the period", () => {
    const summary = res.plan.sheets.find((s) => s.kind === "summary")!;
    expect(summary.name).toBe(`Tổng hợp 6 tháng ${fx.year}`);
    expect(summary.rows[0][0]!.value).toBe(`TỔNG HỢP KẾT QUẢ CÔNG TÁC 6 THÁNG ĐẦU NĂM ${fx.year} — KHỐI THI ĐUA SỐ 9`);
    const texts = summary.rows.flat().map((c) => c?.value);
    expect(texts).toContain(`I. TỔNG HỢP TOÀN KHỐI 6 THÁNG ĐẦU NĂM ${fx.year} SO VỚI 6 THÁNG ĐẦU NĂM ${fx.compareYear}`);
    expect(texts).toContain(`Tổng Khối 6 tháng đầu năm ${fx.compareYear}`);
    const check = res.plan.sheets.find((s) => s.kind === "check")!;
    expect(check.rows[0][0]!.value).toContain(`6 THÁNG ĐẦU NĂM ${fx.year}`);
  });

  test("writes the bloc's report of results (báo cáo sơ kết) instead of the award submission, and no minutes", () => {
    expect(res.awards).toBeNull();
    expect(res.minutes).toBeNull();
    const doc = documentText(res.submission!);
    expect(doc).toContain("BÁO CÁO");
    expect(doc).not.toContain("TỜ TRÌNH");
    expect(doc).toContain(`Sơ kết phong trào thi đua 6 tháng đầu năm ${fx.year} của Khối Thi đua số 9`);
    expect(doc).toContain(`So với cùng kỳ năm ${fx.compareYear},`);
    expect(doc).toContain(`II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM ${fx.year}`);
    expect(doc).not.toMatch(/Đề nghị tặng Cờ/);
    // The bloc's total written the Vietnamese way, the same number as the summary's.
    const tt01 = new Intl.NumberFormat("vi-VN").format(sum(fx, "TT01", fx.year));
    expect(doc).toContain(`đã tiến hành ${tt01} cuộc thanh tra`);
    const sheet = res.plan.sheets.find((s) => s.kind === "submission")!;
    expect(sheet.name).toBe(`Báo cáo 6 tháng ${fx.year}`);
  });

  test("English titles follow the period too", () => {
    const en = run(fx, "en");
    expect(en.plan.sheets[0].rows[0][0]!.value).toBe(`SUMMARY OF WORK RESULTS H1 ${fx.year} — KHỐI THI ĐUA SỐ 9`);
    expect(documentText(en.submission!)).toContain(`Against the same period of ${fx.compareYear} (H1 ${fx.compareYear}),`);
  });

  test("takes the period from the unit sheets when the config does not name it", () => {
    const inferred = run(periodBloc((y) => `6T/${y}`, null));
    expect(inferred.period).toBe("6m");
    expect(inferred.errors).toBe(0);
  });

  test("ignores a scoring sheet: awards are for the year only", () => {
    const scored = periodBloc((y) => `6 tháng ${y}`, "6 tháng").addSheet(
      plainSheet("Chấm điểm", [["Mã đơn vị", "Tiêu chí 1"], ["Điểm tối đa", 100], ...fx.units.map((u, i) => [u.code, 90 - i])]),
    );
    const r = run(scored);
    expect(r.scores).toBeNull();
    expect(r.json.awards).toEqual({ ranking: [], flag: [], merit: [] });
  });
});

describe("rebuilding a mid-year workbook", () => {
  test("replaces its own period's outputs, and only those", () => {
    const fx = periodBloc((y) => `6 tháng ${y}`, "6 tháng");
    const first = run(fx);
    for (const sheet of first.plan.sheets) fx.addSheet(planToSheet(sheet));
    const again = run(fx);
    // With the review sheets (SPEC §10): the state of the last build, and from the second build the change log.
    expect(again.plan.remove.sort()).toEqual(["Báo cáo 6 tháng 2031", "Kiểm tra", "Trạng thái tổng hợp", "Tổng hợp 6 tháng 2031"]);
    expect(again.plan.sheets.map((s) => s.name)).toEqual(["Tổng hợp 6 tháng 2031", "Kiểm tra", "Báo cáo 6 tháng 2031", "Nhật ký thay đổi", "Trạng thái tổng hợp"]);
    expect(again.errors).toBe(0);
  });
});

describe("a quarter", () => {
  test("reads 'Quý II/2031' columns for 'Quý II' and reports its results, not a review", () => {
    const fx = periodBloc((y) => `Quý II/${y}`, "Quý II");
    const res = run(fx);
    expect(res.period).toBe("q2");
    expect(res.errors).toBe(0);
    expect(res.plan.sheets.map((s) => s.name)).toEqual([`Tổng hợp quý II ${fx.year}`, "Kiểm tra", `Báo cáo quý II ${fx.year}`, "Trạng thái tổng hợp"]);
    const doc = documentText(res.submission!);
    expect(doc).toContain(`Kết quả công tác quý II năm ${fx.year} của Khối Thi đua số 9`);
    expect(doc).toContain(`PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM ${fx.year}`);
  });
});

describe("same-period comparison", () => {
  test("compares with the compare year's column of the same period, never its whole-year column", () => {
    // Each unit sheet: "6 tháng 2031", "6 tháng 2030", and a "Năm 2030" column with other figures.
    const fx = periodBloc((y) => `6 tháng ${y}`, "6 tháng", { seed: 11 });
    const extra = new Map<string, string>();
    for (const u of fx.units) {
      const l = fx.layout(u.code);
      const col = Math.max(...l.yearCols.values()) + 1;
      // Unit sheets here have a note column right of the years: write the whole year after it.
      const right = col + 5;
      const header = addr(l.yearRow, right);
      fx.setCell(fx.sheetName(u.code), header, `Năm ${fx.compareYear}`);
      extra.set(u.code, header);
      for (const ind of ["TT01", "XLD01"]) {
        const row = parseAddr(fx.address(u.code, ind, fx.compareYear)).row;
        fx.setCell(fx.sheetName(u.code), addr(row, right), 999999);
      }
    }
    const res = run(fx);
    expect(res.json.totals.TT01[String(fx.compareYear)]).toBe(sum(fx, "TT01", fx.compareYear));
    // The whole-year column is pointed at as a column of another period.
    const mismatch = res.issues.filter((i) => i.code === "PERIOD_MISMATCH");
    expect(mismatch.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual(fx.units.map((u) => `${fx.sheetName(u.code)}!${extra.get(u.code)}`).sort());
    expect(issueMessage(mismatch[0], "vi")).toBe(
      `Cột "Năm ${fx.compareYear}" là số liệu năm, khác kỳ báo cáo của Khối (6 tháng đầu năm, theo sheet Cấu hình); cột này không được tổng hợp. Sửa tiêu đề cột hoặc "Kỳ báo cáo" ở sheet Cấu hình.`,
    );
  });
});

describe("mixing periods", () => {
  test("a unit whose columns are of another period than the other units' is an error at its header cells", () => {
    const fx = periodBloc((y) => `6 tháng ${y}`, null);
    const odd = fx.units[2].code;
    fx.unitSheet(odd, { yearLabel: (y) => `Quý II/${y}` });
    const res = run(fx);
    expect(res.period).toBe("6m");
    const l = fx.layout(odd);
    const cells = [...l.yearCols.values()].map((c) => `PERIOD_MISMATCH@${fx.sheetName(odd)}!${addr(l.yearRow, c)} (error)`);
    expect(briefs(res)).toEqual(expect.arrayContaining(cells));
    const one = res.issues.find((i) => i.code === "PERIOD_MISMATCH")!;
    expect(issueMessage(one, "vi")).toContain("quý II");
    expect(issueMessage(one, "vi")).toContain("theo sheet của các đơn vị khác");
    expect(issueMessage(one, "en")).toContain("Q2");
    // Its figures are not totalled, and the missing columns are said too (at the header's name cell).
    const nameCell = addr(l.labelRow, l.cols.name!);
    expect(briefs(res)).toEqual(
      expect.arrayContaining([`YEAR_COLUMN_MISSING@${fx.sheetName(odd)}!${nameCell} (error)`, `YEAR_COLUMN_MISSING@${fx.sheetName(odd)}!${nameCell} (warning)`]),
    );
    expect(res.json.values[odd]).toEqual({});
    expect(res.submission).toBeNull();
  });

  test("a config that says the year refuses 6-month columns at their header cells", () => {
    const fx = periodBloc((y) => `6 tháng ${y}`, "Năm");
    const res = run(fx);
    expect(res.period).toBe("year");
    const mismatch = res.issues.filter((i) => i.code === "PERIOD_MISMATCH");
    expect(mismatch).toHaveLength(fx.units.length * 2);
    expect(issueMessage(mismatch[0], "en")).toContain("as on the Config sheet");
  });
});
