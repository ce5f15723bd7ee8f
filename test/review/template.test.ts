/**
 * The template carries shared review (SPEC §10): the roster's "Xác nhận" column, unlocked, with an
 * input prompt (data validation), and the key "Yêu cầu xác nhận" set to "Không"; the engine reads them.
 */
import ExcelJS from "exceljs";
import { buildBloc } from "../../src/core/pipeline";
import { findConfigSheet, ROSTER_COLUMNS } from "../../src/core/read/config";
import { findHeader } from "../../src/core/grid";
import { templatePlan } from "../../src/core/template/build";
import { templateSnapshot } from "../../src/core/template/snapshot";
import { writeNewWorkbook } from "../../src/file/package";
import { snapshotOfBytes } from "../support/readBack";
import { putCell, withSheet } from "./helpers";

const units = [
  { code: "BCA", name: "Thanh tra Bộ Công an" },
  { code: "BTP", name: "Thanh tra Bộ Tư pháp" },
];

describe.each(["vi", "en"] as const)("the %s template", (lang) => {
  const plan = templatePlan({ lang, year: 2023, bloc: "Khối Thi đua số 2", units });

  it("has a confirmation column on the roster, blank and unlocked, each cell with its prompt, the spare rows too", () => {
    const config = plan.sheets.find((s) => s.kind === "config")!;
    const header = config.rows.findIndex((r) => r?.[0]?.value === (lang === "vi" ? "Mã" : "Code"));
    expect(config.rows[header].map((c) => c?.value)).toEqual(lang === "vi" ? ["Mã", "Tên đơn vị", "Tên sheet", "Xác nhận"] : ["Code", "Unit name", "Sheet", "Confirmed"]);
    const below = config.rows.slice(header + 1).map((r) => r?.[3]);
    expect(below.length).toBeGreaterThan(units.length);
    for (const cell of below) {
      expect(cell).toMatchObject({ value: null, locked: false, validation: { rule: { type: "any" } } });
      expect(cell!.validation!.prompt.title.length).toBeLessThanOrEqual(32);
      expect(cell!.validation!.prompt.message.length).toBeLessThanOrEqual(255);
    }
  });

  it("is read back with every unit unconfirmed and confirmation not required", () => {
    const res = buildBloc(templateSnapshot(plan), { lang, now: "2024-01-15T00:00:00.000Z" });
    expect(res.json.units.map((u) => u.confirmed)).toEqual([null, null]);
    expect(res.config.requireConfirmation).toBe(false);
    expect(res.issues.filter((i) => i.code === "UNIT_NOT_CONFIRMED" || i.code === "CONFIG_INVALID")).toEqual([]);
  });

  it("turns a unit's entry into its confirmation, and Có / Yes into UNIT_NOT_CONFIRMED for the other", () => {
    let wb = templateSnapshot(plan);
    const cfg = findConfigSheet(wb)!;
    const h = findHeader(cfg, ROSTER_COLUMNS, ["code", "name", "confirmed"])!;
    const requireRow = cfg.values.findIndex((r) => r.some((v) => v === (lang === "vi" ? "Yêu cầu xác nhận" : "Require confirmation"))) + cfg.top;
    wb = withSheet(wb, cfg.name, (s) => putCell(putCell(s, h.row + 1, h.cols.confirmed!, "Nguyễn Văn A, 15/01/2024"), requireRow, 1, lang === "vi" ? "Có" : "Yes"));
    const res = buildBloc(wb, { lang, now: "2024-01-15T00:00:00.000Z" });
    expect(res.json.units.map((u) => u.confirmed)).toEqual(["Nguyễn Văn A, 15/01/2024", null]);
    expect(res.issues.filter((i) => i.code === "UNIT_NOT_CONFIRMED").map((i) => i.params.unit)).toEqual(["BTP"]);
  });
});

it("writes the confirmation column's data validation into the file", async () => {
  const plan = templatePlan({ lang: "vi", year: 2023, units });
  const bytes = await writeNewWorkbook(plan.sheets, plan.activate);
  // exceljs as an independent reader of what the writer wrote.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  const cfg = snapshotOfBytes(bytes).sheets.find((s) => s.name === "Cấu hình")!;
  const h = findHeader(cfg, ROSTER_COLUMNS, ["code", "name", "confirmed"])!;
  const cell = back
    .getWorksheet("Cấu hình")!
    .getRow(h.row + 2)
    .getCell(h.cols.confirmed! + 1);
  expect(cell.dataValidation).toMatchObject({ type: "any", showInputMessage: true, promptTitle: "Xác nhận số liệu" });
  expect(cell.protection?.locked).toBe(false);
});
