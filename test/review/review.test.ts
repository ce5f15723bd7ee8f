/**
 * Shared review in the engine (SPEC §10): the roster's confirmation column, "Yêu cầu xác nhận",
 * and the change log kept across builds through the hidden state sheet.
 */
import { parseA1 } from "../../src/core/a1";
import { issueMessage } from "../../src/core/i18n/messages";
import type { BuildResult } from "../../src/core/pipeline";
import { CHECK_TABLE_HEADER_ROW } from "../../src/core/render/check";
import { generatedKind } from "../../src/core/marker";
import { CHANGE_LOG_COLUMNS } from "../../src/core/review/changeLog";
import { confirmationText } from "../../src/core/read/confirmation";
import { findConfigSheet, ROSTER_COLUMNS } from "../../src/core/read/config";
import { findHeader } from "../../src/core/grid";
import { cellAt, type CellValue, type WorkbookSnapshot } from "../../src/core/snapshot";
import { BlocBuilder } from "../support/snapshots";
import { run } from "../core/helpers/run";
import { buildAt, putCell, withConfirmation, withSheet } from "./helpers";

const Y = 2031;
const C = 2030;
const T1 = "2032-01-10T02:00:00.000Z";
const T2 = "2032-01-12T02:00:00.000Z";
const T3 = "2032-01-14T02:00:00.000Z";
const bloc = (seed = 7) => new BlocBuilder({ seed, year: Y, compareYear: C });

const confirmedOf = (res: BuildResult) => Object.fromEntries(res.json.units.map((u) => [u.code, u.confirmed]));
const codes = (res: BuildResult, code: string) => res.issues.filter((i) => i.code === code);

/** Where an accepted figure is, per the build that read it. */
function cellOf(res: BuildResult, unit: string, ind: string, year: number): { sheet: string; row: number; col: number } {
  const v = res.reports
    .find((r) => r.unit.code === unit)!
    .values.get(ind)!
    .get(year)!;
  const { row, col } = parseA1(v.cell);
  return { sheet: v.sheet, row, col };
}

function setFigure(wb: WorkbookSnapshot, res: BuildResult, unit: string, ind: string, year: number, value: CellValue): WorkbookSnapshot {
  const at = cellOf(res, unit, ind, year);
  return withSheet(wb, at.sheet, (s) => putCell(s, at.row, at.col, value));
}

describe("the roster's confirmation column", () => {
  const entries = { BCA: "Nguyễn Văn A, 15/01/2032", BTP: "x", BQP: "chưa", BNV: null };
  it.each(["Xác nhận", "XÁC NHẬN", "xac nhan", "Xác  nhận:", "Đã xác nhận", "Xác nhận số liệu", "Confirmed", "CONFIRMED", "confirmed by", "Confirmation"])(
    "is read under the header %j: who and when, or x; blank and chưa are unconfirmed",
    (header) => {
      const res = run(withConfirmation(bloc().build(), header, entries));
      expect(confirmedOf(res)).toEqual({ BCA: "Nguyễn Văn A, 15/01/2032", BTP: "x", BQP: null, BNV: null });
      // Reading the column changes nothing else: no issue, no figure.
      expect(res.issues).toEqual(run(bloc()).issues);
    },
  );

  it("is null for every unit when the roster has no such column", () => {
    expect(Object.values(confirmedOf(run(bloc())))).toEqual([null, null, null, null]);
  });

  it("reads a typed date as its day, a TRUE as x, and no, không, 0 or an error as unconfirmed", () => {
    expect(confirmationText(46767, "dd/mm/yyyy")).toBe("15/01/2028");
    expect(confirmationText(46767.5, "dd/mm/yyyy hh:mm")).toBe("15/01/2028 12:00");
    expect(confirmationText(true)).toBe("x");
    for (const no of ["không", "Khong", "NO", "0", "-", false, { error: "#REF!" }, "  "]) expect(confirmationText(no as CellValue)).toBeNull();
    expect(confirmationText(" Trần  Thị B  ")).toBe("Trần Thị B");
  });

  it("is shown on Kiểm tra and on the summary: how many confirmed, and which did not", () => {
    const res = run(withConfirmation(bloc().build(), "Xác nhận", entries));
    const check = res.plan.sheets.find((p) => p.kind === "check")!;
    expect(check.rows[CHECK_TABLE_HEADER_ROW - 1]?.[0]?.value).toBe("2/4 đơn vị đã xác nhận số liệu; chưa xác nhận: BQP, BNV.");
    const summary = res.plan.sheets.find((p) => p.kind === "summary")!;
    expect(String(summary.rows[2]?.[0]?.value)).toContain("2/4 đơn vị đã xác nhận số liệu; chưa xác nhận: BQP, BNV.");
    const en = run(withConfirmation(bloc().build(), "Confirmed", entries), "en");
    expect(en.plan.sheets.find((p) => p.kind === "check")!.rows[CHECK_TABLE_HEADER_ROW - 1]?.[0]?.value).toBe("2/4 units confirmed their figures; not confirmed: BQP, BNV.");
  });
});

describe("Yêu cầu xác nhận / Require confirmation", () => {
  const entries = { BCA: "Nguyễn Văn A", BTP: "x", BQP: "", BNV: "chưa xác nhận" };

  it("raises no UNIT_NOT_CONFIRMED when absent or set to không / no", () => {
    for (const require of [undefined, { value: "không" }, { value: "No" }, { label: "Require confirmation", value: "no" }]) {
      expect(codes(run(withConfirmation(bloc().build(), "Xác nhận", entries, require)), "UNIT_NOT_CONFIRMED")).toEqual([]);
    }
  });

  it.each([
    [undefined, "có"],
    [undefined, "x"],
    ["Require confirmation", "Yes"],
    ["yeu cau xac nhan:", true],
  ] as [string | undefined, CellValue][])("makes each unconfirmed unit an error at its confirmation cell (%s = %j)", (label, value) => {
    const wb = withConfirmation(bloc().build(), "Xác nhận", entries, { label, value });
    const res = run(wb);
    const cfg = findConfigSheet(wb)!;
    const h = findHeader(cfg, ROSTER_COLUMNS, ["code", "name", "confirmed"])!;
    const found = codes(res, "UNIT_NOT_CONFIRMED");
    expect(found.map((i) => [i.severity, i.sheet, i.params.unit])).toEqual([
      ["error", "Cấu hình", "BQP"],
      ["error", "Cấu hình", "BNV"],
    ]);
    for (const i of found) {
      const { row, col } = parseA1(i.cell);
      expect(col).toBe(h.cols.confirmed);
      expect(cellAt(cfg, row, h.cols.code!)).toBe(i.params.unit);
    }
    expect(issueMessage(found[0], "vi")).toContain("Đơn vị BQP chưa xác nhận số liệu");
    // No submission while a unit has not confirmed.
    expect(res.submission).toBeNull();
  });

  it("points at the code cell and asks for the column when the roster has none", () => {
    const res = run(withConfirmation(bloc().build(), null, {}, { value: "có" }));
    const found = codes(res, "UNIT_NOT_CONFIRMED");
    expect(found.map((i) => i.params.unit)).toEqual(["BCA", "BTP", "BQP", "BNV"]);
    expect(found.map((i) => i.cell)).toEqual(res.roster.map((u) => u.cell));
    expect(issueMessage(found[0], "en")).toContain('add a "Confirmed" column');
  });

  it("is CONFIG_INVALID when the value is neither yes nor no", () => {
    const res = run(withConfirmation(bloc().build(), "Xác nhận", entries, { value: "tùy" }));
    expect(codes(res, "CONFIG_INVALID").map((i) => i.params.key)).toEqual(["requireConfirmation"]);
  });
});

describe("the change log across three builds", () => {
  /** Build 1 with BTP's TT01 as the text "1.234" and BQP's money in triệu đồng. */
  function first(): { res: BuildResult; after: WorkbookSnapshot } {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "1.234");
    fx.setUom("BQP", "TT03", "triệu đồng");
    fx.set("BQP", "TT03", Y, 4642370);
    return buildAt(fx.build(), T1);
  }

  it("writes no log on a first build, only the hidden state sheet; changes is []", () => {
    const { res } = first();
    expect(res.plan.sheets.map((s) => s.kind)).toEqual(["summary", "check", "state"]);
    expect(res.plan.sheets.find((s) => s.kind === "state")!.visibility).toBe("hidden");
    expect(res.plan.activate).not.toBe(res.plan.sheets.find((s) => s.kind === "state")!.name);
    expect(res.changes).toEqual([]);
    expect(res.json.changes).toEqual([]);
  });

  it("lists exactly the edits: a fixed text number is no change, money compares in tỷ đồng", () => {
    const one = first();
    let wb = one.after;
    const bca = one.res.reports
      .find((r) => r.unit.code === "BCA")!
      .values.get("TCD01")!
      .get(Y)!;
    wb = setFigure(wb, one.res, "BCA", "TCD01", Y, bca.value + 2);
    wb = setFigure(wb, one.res, "BTP", "TT01", Y, 1234); // the text "1.234" fixed: same figure
    wb = setFigure(wb, one.res, "BQP", "TT03", Y, 4700000); // triệu đồng
    const two = buildAt(wb, T2);
    expect(two.res.json.changes).toEqual([
      { unit: "BCA", sheet: "BCA", cell: bca.cell, indicator: "TCD01", year: Y, before: bca.value, after: bca.value + 2 },
      { unit: "BQP", sheet: "BQP", cell: cellOfCell(one.res, "BQP", "TT03"), indicator: "TT03", year: Y, before: 4642.37, after: 4700 },
    ]);
    const log = two.res.plan.sheets.find((s) => s.kind === "changes")!;
    expect(log.name).toBe("Nhật ký thay đổi");
    const rows = log.rows.slice(4).filter((r) => r?.length);
    expect(
      rows.map((r) => [r[CHANGE_LOG_COLUMNS.unit]?.value, r[CHANGE_LOG_COLUMNS.indicatorCode]?.value, r[CHANGE_LOG_COLUMNS.before]?.value, r[CHANGE_LOG_COLUMNS.after]?.value]),
    ).toEqual([
      ["BCA", "TCD01", bca.value, bca.value + 2],
      ["BQP", "TT03", 4642.37, 4700],
    ]);
    // The cell is a link to the source; the build time is the one printed on the outputs.
    expect(rows[0][CHANGE_LOG_COLUMNS.cell]).toEqual({ value: bca.cell, style: "link", link: { sheet: "BCA", cell: bca.cell } });
    expect(rows[0][CHANGE_LOG_COLUMNS.builtAt]?.value).toBe("12/01/2032 09:00 (UTC+07:00)");
  });

  it("logs a unit added and a unit removed figure by figure, carries old rows unchanged, newest first", () => {
    const one = first();
    let wb = setFigure(one.after, one.res, "BCA", "TCD01", Y, 1);
    const two = buildAt(wb, T2);
    // A reviewer writes a note on the logged row.
    const logSheet = two.after.sheets.find((s) => generatedKind(s) === "changes")!;
    wb = withSheet(two.after, logSheet.name, (s) => putCell(s, 4, CHANGE_LOG_COLUMNS.review, "Đã hỏi đơn vị: đúng"));
    const oldRows = wb.sheets.find((s) => s.name === logSheet.name)!.values.slice(4);

    // The roster's last unit BNV gives way to a new unit MOI (a copy of BNV's sheet, two figures changed).
    const cfg = findConfigSheet(wb)!;
    const h = findHeader(cfg, ROSTER_COLUMNS, ["code", "name"])!;
    const bnvRow = h.row + 4;
    wb = withSheet(wb, cfg.name, (s) => putCell(putCell(putCell(s, bnvRow, h.cols.code!, "MOI"), bnvRow, h.cols.name!, "Đơn vị mới"), bnvRow, h.cols.sheet!, "MOI"));
    const bnv = wb.sheets.find((s) => s.name === "BNV")!;
    wb = { sheets: [...wb.sheets.filter((s) => s.name !== "BNV"), { ...bnv, name: "MOI" }] };
    const three = buildAt(wb, T3);
    const bnvFigures = two.res.json.values.BNV;
    const moiFigures = three.res.json.values.MOI;
    const count = (v: Record<string, Record<string, number>>) => Object.values(v).reduce((n, y) => n + Object.keys(y).length, 0);
    expect(three.res.changes.filter((c) => c.unit === "MOI" && c.before === null).length).toBe(count(moiFigures));
    expect(three.res.changes.filter((c) => c.unit === "BNV" && c.after === null).length).toBe(count(bnvFigures));
    expect(three.res.changes.length).toBe(count(moiFigures) + count(bnvFigures));

    const log = three.res.plan.sheets.find((s) => s.kind === "changes")!;
    const rows = log.rows.slice(4);
    const fresh = rows.slice(0, three.res.changes.length);
    expect(fresh.every((r) => r[CHANGE_LOG_COLUMNS.builtAt]?.value === "14/01/2032 09:00 (UTC+07:00)")).toBe(true);
    // The rows of build 2 follow, value for value as they stood (the reviewer's note included).
    const carried = rows.slice(three.res.changes.length).map((r) => Array.from({ length: oldRows[0].length }, (_, c) => r[c]?.value ?? null));
    expect(carried).toEqual(oldRows);
    expect(carried[0][CHANGE_LOG_COLUMNS.review]).toBe("Đã hỏi đơn vị: đúng");
  });

  it("compares nothing across periods: a 6-month build's figures are not the year's", () => {
    const one = first();
    const stateName = one.res.plan.sheets.find((p) => p.kind === "state")!.name;
    // The last build was of the first six months (its state says so); this one is of the year.
    let wb = withSheet(one.after, stateName, (s) => putCell(s, 1, 2, "6m"));
    wb = setFigure(wb, one.res, "BCA", "TT01", Y, 999);
    const two = buildAt(wb, T2);
    expect(two.res.changes).toEqual([]);
    expect(two.res.plan.sheets.some((p) => p.kind === "changes")).toBe(true);
  });

  it("warns when a unit confirmed before a later build logged a change to its figures, until it confirms again", () => {
    const fx = bloc();
    const wb0 = withConfirmation(fx.build(), "Xác nhận", { BCA: "Nguyễn Văn A 10/01", BTP: "x" });
    const one = buildAt(wb0, T1);
    expect(codes(one.res, "CONFIRMATION_PREDATES_CHANGE")).toEqual([]);
    const two = buildAt(setFigure(one.after, one.res, "BCA", "TT01", Y, 999), T2);
    const warn = codes(two.res, "CONFIRMATION_PREDATES_CHANGE");
    expect(warn.map((i) => [i.severity, i.params.unit])).toEqual([["warning", "BCA"]]);
    expect(issueMessage(warn[0], "vi")).toContain("12/01/2032");
    // Still true on the next build without edits; gone once the unit confirms anew.
    const three = buildAt(two.after, T3);
    expect(codes(three.res, "CONFIRMATION_PREDATES_CHANGE").map((i) => i.params.unit)).toEqual(["BCA"]);
    const reconfirmed = withConfirmation(three.after, null, {});
    const cfg = findConfigSheet(reconfirmed)!;
    const at = parseA1(warn[0].cell);
    const four = buildAt(
      withSheet(reconfirmed, cfg.name, (s) => putCell(s, at.row, at.col, "Nguyễn Văn A 14/01")),
      "2032-01-16T02:00:00.000Z",
    );
    expect(codes(four.res, "CONFIRMATION_PREDATES_CHANGE")).toEqual([]);
  });
});

function cellOfCell(res: BuildResult, unit: string, ind: string): string {
  return res.reports
    .find((r) => r.unit.code === unit)!
    .values.get(ind)!
    .get(Y)!.cell;
}
