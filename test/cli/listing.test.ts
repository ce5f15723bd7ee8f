/** Plain validate/build list the issues grouped by sheet, the first ones, then where the rest is. */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { colorWanted, issueListing, LISTED_ISSUES } from "../../src/cli/listing";
import { issue, type Issue } from "../../src/core/issues";
import { cli } from "../support/cli";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "khoi-thi-dua-2-2023.xlsx");

const text = (sheet: string, cell: string) => issue("VALUE_NOT_NUMBER", "error", sheet, cell, { text: "abc", indicator: "TT01", year: 2023 });
const unknown = (sheet: string, cell: string) => issue("INDICATOR_UNKNOWN", "warning", sheet, cell, { label: "Dòng lạ" });

describe("issueListing", () => {
  const opts = { lang: "vi" as const, all: false, more: "check" as const, color: false };

  it("groups by sheet, errors before warnings, each line cell, severity, code, message", () => {
    const issues: Issue[] = [unknown("BCA", "B20"), text("BTP", "E7"), text("BCA", "E9")];
    expect(issueListing(issues, opts)).toEqual([
      "  BTP",
      '    E7  Lỗi       VALUE_NOT_NUMBER  "abc" (TT01, năm 2023) không phải là số.',
      "  BCA",
      '    E9   Lỗi       VALUE_NOT_NUMBER   "abc" (TT01, năm 2023) không phải là số.',
      '    B20  Cảnh báo  INDICATOR_UNKNOWN  Dòng "Dòng lạ" không khớp với chỉ tiêu nào; dòng này không được tổng hợp.',
    ]);
  });

  it("starts every message of a sheet in one column, whatever the length of its code", () => {
    const lines = issueListing([text("BCA", "E9"), unknown("BCA", "B20")], opts).slice(1);
    const starts = lines.map((l, k) => l.indexOf(k ? "Dòng" : '"abc"'));
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[1]).toBe(starts[0]);
  });

  it(`lists the first ${LISTED_ISSUES}, then how many more and where they are`, () => {
    const issues = Array.from({ length: LISTED_ISSUES + 7 }, (_, k) => (k % 2 ? text("BTP", `E${k + 1}`) : unknown("BCA", `B${k + 1}`)));
    const lines = issueListing(issues, opts);
    expect(lines.filter((l) => l.startsWith("    "))).toHaveLength(LISTED_ISSUES);
    expect(lines.at(-1)).toBe('… và 7 lỗi/cảnh báo khác; xem sheet "Kiểm tra" (hoặc chạy lại với --all).');
    expect(issueListing(issues, { ...opts, lang: "en", more: "all" }).at(-1)).toBe("… and 7 more; run again with --all to see them all, or --json.");
    const all = issueListing(issues, { ...opts, all: true });
    expect(all.filter((l) => l.startsWith("    "))).toHaveLength(issues.length);
    expect(all.at(-1)).not.toMatch(/^…/);
  });

  it("colours severity and sheet only when asked", () => {
    const plain = issueListing([text("BTP", "E7")], opts).join("\n");
    expect(plain).not.toContain("\x1b[");
    const coloured = issueListing([text("BTP", "E7"), unknown("BTP", "B9")], { ...opts, color: true }).join("\n");
    expect(coloured).toContain("\x1b[1mBTP\x1b[0m");
    expect(coloured).toContain("\x1b[31mLỗi     \x1b[0m");
    expect(coloured).toContain("\x1b[33mCảnh báo\x1b[0m");
  });

  it("colours a terminal only, and never with NO_COLOR", () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(true, { NO_COLOR: "1" })).toBe(false);
    // NO_COLOR present but empty does not count (no-color.org).
    expect(colorWanted(true, { NO_COLOR: "" })).toBe(true);
    expect(colorWanted(false, {})).toBe(false);
    expect(colorWanted(undefined, {})).toBe(false);
  });

  it("says nothing when there is no issue", () => {
    expect(issueListing([], opts)).toEqual([]);
  });
});

describe("plain validate and build", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-list-"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    // Typos on three sheets: more than the listing shows.
    for (const sheet of ["BTP", "BQP", "BCA"]) for (let r = 7; r < 19; r++) wb.getWorksheet(sheet)!.getCell(`E${r}`).value = "abc";
    await wb.xlsx.writeFile(path.join(dir, "bad.xlsx"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("validate lists the first issues under their sheets and points at --all", async () => {
    const r = await cli("validate", path.join(dir, "bad.xlsx"));
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    // The first 20 of 30 errors: the sheets in the workbook's order, BQP's left for --all.
    expect(lines.filter((l) => /^  \S/.test(l) && !/^  [A-Z]+\d* {2,}/.test(l))).toEqual(["  BCA", "  BTP"]);
    expect(r.stdout).toMatch(/^    E7 +Lỗi +VALUE_NOT_NUMBER +"abc" /m);
    const rest = Number(/^… và (\d+) lỗi\/cảnh báo khác; chạy lại với --all/m.exec(r.stdout)?.[1]);
    const errors = Number(/Kiểm tra: (\d+) lỗi, (\d+) cảnh báo/.exec(r.stdout)?.[1]);
    const warnings = Number(/Kiểm tra: (\d+) lỗi, (\d+) cảnh báo/.exec(r.stdout)?.[2]);
    expect(rest).toBe(errors + warnings - LISTED_ISSUES);
    const all = await cli("validate", path.join(dir, "bad.xlsx"), "--all");
    expect(all.stdout.split("\n").filter((l) => /^    \S/.test(l))).toHaveLength(errors + warnings);
  });

  it("build points at the Kiểm tra sheet it wrote, in English with --lang en", async () => {
    const r = await cli("build", path.join(dir, "bad.xlsx"), "--out", path.join(dir, "o.xlsx"), "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^    E7 +Error +VALUE_NOT_NUMBER +"abc" \(TT01 \(Inspections conducted\), 2023\) is not a number\.$/m);
    expect(r.stdout).toMatch(/^… and \d+ more; see the "Kiểm tra" sheet \(or run again with --all\)\.$/m);
  });

  it("with --json the listing goes to stderr, stdout holds only JSON", async () => {
    const r = await cli("validate", path.join(dir, "bad.xlsx"), "--json");
    expect(JSON.parse(r.stdout).issues.length).toBeGreaterThan(LISTED_ISSUES);
    expect(r.stderr).toMatch(/^  BTP$/m);
  });
});
