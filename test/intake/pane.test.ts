import { CLI_TEXT } from "../../src/core/i18n/cli";
import { buildBloc } from "../../src/core/pipeline";
import { sheetFromRows } from "../../src/core/snapshot";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { IntakeSession, toBase64, type IntakeFile } from "../../src/excel/intake";
import { columnWidthPoints } from "../../src/excel/sheetWriter";
import { unitFileReader } from "../../src/xlsx/unitFileReader";
import { FakeExcel, FakeOfficeError } from "../support/excelFake";
import { FILE_WIDTHS, importScenario, xlsxOf } from "../support/unitFiles";

const NOW = { lang: "vi" as const, now: "2031-12-15T03:00:00.000Z" };

/** The reader the pane loads on first use. */
const reader = unitFileReader;

async function setUp(level: "1.13" | "1.10") {
  const { bloc, files } = importScenario();
  // The strict fake at that level: it refuses insertWorksheetsFromBase64 below 1.13.
  const fake = new FakeExcel({ apiLevel: level });
  for (const s of bloc.sheets) fake.seedSheet(s);
  const picked: IntakeFile[] = [];
  for (const f of files) picked.push({ name: f.name, bytes: new Uint8Array(await xlsxOf(f.snapshot, { [f.snapshot.sheets[0].name]: FILE_WIDTHS })) });
  const session = new IntakeSession((batch) => fake.run(batch), {
    loadReader: async () => reader,
    supports: fake.supports,
  });
  return { fake, session, picked, bloc, files };
}

const fakeSnapshot = (fake: FakeExcel): WorkbookSnapshot => ({ sheets: fake.sheetNames().map((n) => fake.cellsOf(n)) });

describe.each(["1.13", "1.10"] as const)("importing unit files in the pane (ExcelApi %s)", (level) => {
  it("previews without writing, then brings in the new sheet and the confirmed replacement in place", async () => {
    const { fake, session, picked, files } = await setUp(level);
    const before = fake.sheetNames();
    const preview = await session.preview(picked, "vi");
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.rows.map((r) => r.decision.action.kind)).toEqual(["new", "replaces", "identical", "unknownUnit"]);
    expect(fake.sheetNames()).toEqual(before);

    const out = await session.apply(preview.value, new Set(["btp-2031.xlsx"]), "vi");
    if (!out.ok) throw new Error(out.message);
    // At 1.13 the new sheet comes in whole; the replacement is rewritten in place either way.
    expect(out.value).toEqual({ imported: ["BNV", "BTP"], how: level === "1.13" ? "inserted" : "written" });
    // BTP stays where it was; BNV follows the last unit sheet; nothing else moved or stayed behind.
    expect(fake.sheetNames()).toEqual([...before.slice(0, before.indexOf("BQP") + 1), "BNV", ...before.slice(before.indexOf("BQP") + 1)]);
    const after = buildBloc(fakeSnapshot(fake), NOW);
    expect(after.json.values.BTP).toEqual(buildBloc(files[1].snapshot, NOW).json.values.BTP);
    expect(after.json.values.BNV).toEqual(buildBloc({ sheets: [{ ...files[0].snapshot.sheets[0], name: "BNV" }] }, NOW).json.values.BNV);
    expect(fake.cellsOf("BNV").values).toEqual(files[0].snapshot.sheets[0].values);
    expect(fake.sheet("BNV").merges).toEqual(files[0].snapshot.sheets[0].merges);
    // The file's column widths come along either way.
    expect(fake.sheet("BNV").columnWidths.C).toBeCloseTo(columnWidthPoints(FILE_WIDTHS[2]), 0);
  });

  it("brings several new units in after the last unit sheet, in the order of the files", async () => {
    const { bloc, files } = importScenario();
    const fake = new FakeExcel({ apiLevel: level });
    for (const s of bloc.sheets.filter((x) => x.name !== "BQP")) fake.seedSheet(s);
    fake.seedSheet(sheetFromRows("Ghi chép", [["x"]]));
    const session = new IntakeSession((batch) => fake.run(batch), { loadReader: async () => reader, supports: fake.supports });
    const bqp = { name: "bqp.xlsx", bytes: new Uint8Array(await xlsxOf({ sheets: [importScenario().sheet("BQP")] })) };
    const bnv = { name: files[0].name, bytes: new Uint8Array(await xlsxOf(files[0].snapshot)) };
    const preview = await session.preview([bqp, bnv], "vi");
    if (!preview.ok) throw new Error(preview.message);
    const out = await session.apply(preview.value, new Set(), "vi");
    if (!out.ok) throw new Error(out.message);
    expect(fake.sheetNames()).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "BNV", "Ghi chép"]);
  });

  it("keeps a formula elsewhere that points at the replaced unit sheet working", async () => {
    const { fake, session, picked, files } = await setUp(level);
    fake.seedSheet(sheetFromRows("Ghi chép", [[null]], { formulas: [["='BTP'!E7"]] }));
    const preview = await session.preview([picked[1]], "vi");
    if (!preview.ok) throw new Error(preview.message);
    const out = await session.apply(preview.value, new Set(["btp-2031.xlsx"]), "vi");
    if (!out.ok) throw new Error(out.message);
    expect(fake.cellsOf("Ghi chép").formulas[0][0]).toMatch(/^='?BTP'?!E7$/);
    expect(fake.cellsOf("BTP").values).toEqual(files[1].snapshot.sheets[0].values);
  });

  it("imports a file once the user chose its unit, and writes nothing that was not confirmed", async () => {
    const { fake, session, picked } = await setUp(level);
    const preview = await session.preview([picked[1], picked[3]], "vi");
    if (!preview.ok) throw new Error(preview.message);
    const chosen = session.choose(preview.value, "tai-chinh.xlsx", "BNV");
    expect(chosen.rows[1].decision).toMatchObject({ unit: { code: "BNV" }, by: "chosen", action: { kind: "new" } });
    const before = fakeSnapshot(fake).sheets.find((s) => s.name === "BTP")!.values;
    const out = await session.apply(chosen, new Set(), "vi");
    if (!out.ok) throw new Error(out.message);
    expect(out.value.imported).toEqual(["BNV"]);
    expect(fake.cellsOf("BTP").values).toEqual(before);
  });
});

describe("a file the reader refuses", () => {
  it("is worded in the user's language, naming its format or damage, never the reader's English", async () => {
    const { session } = await setUp("1.13");
    const csv = { name: "tt01.csv", bytes: new TextEncoder().encode("Mã,Chỉ tiêu,2031\nTT01,Số cuộc thanh tra,12\n") };
    const damaged = { name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) };
    for (const lang of ["vi", "en"] as const) {
      const preview = await session.preview([csv, damaged], lang);
      if (!preview.ok) throw new Error(preview.message);
      const details = preview.value.rows.map((r) => (r.decision.action.kind === "unreadable" ? r.decision.action.detail : r.decision.action.kind));
      expect(details).toEqual([CLI_TEXT[lang].csv("tt01.csv"), CLI_TEXT[lang].corrupt("hong.xlsx")]);
    }
    expect(CLI_TEXT.vi.csv("tt01.csv")).toContain("Lưu thành");
  });
});

describe("two files for one unit", () => {
  it("take the later one, as the command line does", async () => {
    const { fake, session, picked, files } = await setUp("1.13");
    // A corrected file for BNV sent after the first one (other figures, sheet named BNV).
    const btpAsBnv = { sheets: [{ ...files[1].snapshot.sheets[0], name: "BNV" }] };
    const later: IntakeFile = { name: "noi-vu-sua.xlsx", bytes: new Uint8Array(await xlsxOf(btpAsBnv)) };
    const preview = await session.preview([picked[0], later], "vi");
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.rows.map((r) => [r.decision.unit?.code, r.decision.action.kind])).toEqual([
      ["BNV", "new"],
      ["BNV", "new"],
    ]);
    const out = await session.apply(preview.value, new Set(), "vi");
    if (!out.ok) throw new Error(out.message);
    expect(out.value.imported).toEqual(["BNV"]);
    expect(fake.sheetNames().filter((n) => n === "BNV")).toHaveLength(1);
    expect(fake.cellsOf("BNV").values).toEqual(btpAsBnv.sheets[0].values);
  });
});

describe("insertWorksheetsFromBase64 in the strict fake", () => {
  it("inserts the named sheets at the asked position, renames a clash and returns their IDs after the sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A");
    fake.addSheet("Báo cáo");
    fake.addSheet("C");
    const { files } = importScenario();
    const base64 = toBase64(new Uint8Array(await xlsxOf({ sheets: [files[0].snapshot.sheets[0], { ...files[1].snapshot.sheets[0], name: "Khác" }] }, { "Báo cáo": FILE_WIDTHS })));
    const ids = await fake.run(async (ctx) => {
      const r = ctx.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: ["Báo cáo"], positionType: "After", relativeTo: "A" });
      expect(() => r.value).toThrow(FakeOfficeError);
      await ctx.sync();
      return r.value;
    });
    expect(fake.sheetNames()).toEqual(["A", "Báo cáo (2)", "Báo cáo", "C"]);
    expect(ids).toHaveLength(1);
    expect(fake.cellsOf("Báo cáo (2)").values).toEqual(files[0].snapshot.sheets[0].values);
    expect(fake.sheet("Báo cáo (2)").columnWidths.C).toBeCloseTo((44 * 7 + 5) * 0.75, 0);
    await fake.run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(base64, {});
      await ctx.sync();
    });
    expect(fake.sheetNames().slice(-2)).toEqual(["Báo cáo (3)", "Khác"]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: ["Không có"] });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("is not there below ExcelApi 1.13", async () => {
    const fake = new FakeExcel({ apiLevel: "1.10" });
    fake.addSheet("A");
    const { files } = importScenario();
    const base64 = toBase64(new Uint8Array(await xlsxOf(files[0].snapshot)));
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.insertWorksheetsFromBase64(base64);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotAvailable" });
    expect(fake.sheetNames()).toEqual(["A"]);
  });
});
