import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync, existsSync } from "fs";
import os from "os";
import path from "path";
import { decideImport, type ImportDecision } from "../../src/core/intake/decide";
import { INTAKE_TEXT } from "../../src/core/i18n/intake";
import { buildBloc } from "../../src/core/pipeline";
import { sheetFromRows } from "../../src/core/snapshot";
import { loadWorkbook } from "../../src/file/load";
import { cli } from "../support/cli";
import { encodeTcvn3 } from "../support/legacyText";
import { BlocBuilder } from "../support/snapshots";
import { Parts } from "../../src/xlsx/write/parts";
import { blocReadingBtp } from "../support/blocReadingBtp";
import { FILE_WIDTHS, importScenario, xlsxOf as xlsx } from "../support/unitFiles";

const NOW = { lang: "vi" as const, now: "2031-12-15T03:00:00.000Z" };
const scenario = importScenario;

describe("decideImport", () => {
  it("previews a new unit, a changed one, an identical one and an unknown one", () => {
    const { bloc, files } = scenario();
    const d = files.map((f) => decideImport(bloc, f));
    const brief = (x: ImportDecision) => [x.file, x.unit?.code ?? null, x.by, x.sheet, x.years, x.action];
    expect(d.map(brief)).toEqual([
      ["bao-cao-noi-vu.xlsx", "BNV", "title", "Báo cáo", [2030, 2031], { kind: "new" }],
      ["btp-2031.xlsx", "BTP", "sheetName", "BTP", [2030, 2031], { kind: "replaces", differing: 2 }],
      ["cong-an.xlsx", "BCA", "title", "Sheet1", [2030, 2031], { kind: "identical" }],
      ["tai-chinh.xlsx", null, null, "BTC", [2030, 2031], { kind: "unknownUnit" }],
    ]);
    expect(INTAKE_TEXT.vi.line(d[1])).toBe('btp-2031.xlsx → BTP (Thanh tra Bộ Tư pháp) → sheet "BTP" → năm 2030, 2031 → Thay thế (2 số liệu khác)');
    expect(INTAKE_TEXT.en.action(d[3].action)).toBe("Unknown unit — choose from the roster");
  });

  it("takes the unit the user chose for a file that names none, and refuses a code off the roster", () => {
    const { bloc, files } = scenario();
    expect(decideImport(bloc, files[3], "BNV")).toMatchObject({ unit: { code: "BNV" }, by: "chosen", action: { kind: "new" } });
    expect(decideImport(bloc, files[3], "XYZ").action).toEqual({ kind: "unreadable", reason: "notOnRoster" });
  });

  it("refuses a file without the report year, and one without a report sheet", () => {
    const { bloc, sheet } = scenario();
    const old = new BlocBuilder({ year: 2029 }).build().sheets.find((s) => s.name === "BNV")!;
    expect(decideImport(bloc, { name: "old.xlsx", snapshot: { sheets: [old] } }).action).toEqual({ kind: "wrongYear", expected: 2031 });
    expect(decideImport(bloc, { name: "x.xlsx", snapshot: { sheets: [sheetFromRows("Ghi chú", [["Chỉ có ghi chú"]])] } }).action).toEqual({
      kind: "unreadable",
      reason: "noReportSheet",
    });
    expect(sheet("BNV")).toBeDefined();
  });

  it("recognises a unit by its name in a title typed in TCVN3 or without diacritics", () => {
    const { bloc, sheet } = scenario();
    const bnv = sheet("BNV");
    for (const title of [encodeTcvn3("BÁO CÁO CỦA Thanh tra Bộ Nội vụ NĂM 2031"), "Bao cao cua THANH TRA BO NOI VU nam 2031"]) {
      const retitled = { ...bnv, name: "Sheet1", values: bnv.values.map((l) => l.map((v) => (typeof v === "string" && /NỘI VỤ/i.test(v) ? title : v))) };
      expect(decideImport(bloc, { name: "x.xlsx", snapshot: { sheets: [retitled] } })).toMatchObject({ unit: { code: "BNV" }, by: "title", action: { kind: "new" } });
    }
  });

  it("recognises a unit by its code in the file name when the sheet has no title", () => {
    const { bloc, sheet } = scenario();
    const bare = sheet("BNV");
    const untitled = { ...bare, name: "Sheet1", values: bare.values.map((l) => l.map((v) => (typeof v === "string" && /NỘI VỤ/i.test(v) ? null : v))) };
    expect(decideImport(bloc, { name: "BNV_2031.xlsx", snapshot: { sheets: [untitled] } })).toMatchObject({ unit: { code: "BNV" }, by: "code" });
  });
});

describe("CLI import", () => {
  async function setUp() {
    const { bloc, files } = scenario();
    const dir = mkdtempSync(path.join(os.tmpdir(), "import-"));
    const blocFile = path.join(dir, "khoi.xlsx");
    writeFileSync(blocFile, await xlsx(bloc));
    const paths: string[] = [];
    for (const f of files) {
      const p = path.join(dir, f.name);
      writeFileSync(p, await xlsx(f.snapshot, { [f.snapshot.sheets[0].name]: FILE_WIDTHS }));
      paths.push(p);
    }
    return { dir, blocFile, paths, files };
  }

  it("imports the new unit, lists what needs a decision, and exits 1", async () => {
    const { dir, blocFile, paths, files } = await setUp();
    const out = path.join(dir, "out.xlsx");
    const r = await cli("import", blocFile, ...paths, "--out", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { action: string; imported: boolean }) => [f.action, f.imported])).toEqual([
      ["new", true],
      ["replaces", false],
      ["identical", false],
      ["unknownUnit", false],
    ]);
    expect(r.stderr).toContain("2 tệp cần quyết định");
    // The unknown unit's line and JSON message are the command line's: no list to choose from here.
    expect(json.files[3].message).toBe(INTAKE_TEXT.vi.unknownUnitCli);
    expect(r.stderr).toMatch(/tai-chinh\.xlsx → \(chưa rõ đơn vị\) → .* → Không rõ đơn vị — không nhập$/m);
    const loaded = await loadWorkbook(out);
    const bnv = loaded.snapshot.sheets.find((s) => s.name === "BNV")!;
    const source = files[0].snapshot.sheets[0];
    expect(bnv.values).toEqual(source.values);
    expect(bnv.merges.sort()).toEqual([...source.merges].sort());
    // Column widths as exceljs (a test inspector) reads them.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet("BNV")!.getColumn(3).width).toBe(44);
    // The bloc now builds with BNV's figures, and BTP's stay those the bloc had.
    const built = buildBloc(loaded.snapshot, NOW);
    const before = buildBloc((await loadWorkbook(blocFile)).snapshot, NOW);
    expect(built.json.values.BNV).toEqual(buildBloc({ sheets: [...(await loadWorkbook(blocFile)).snapshot.sheets, { ...source, name: "BNV" }] }, NOW).json.values.BNV);
    expect(built.json.values.BTP).toEqual(before.json.values.BTP);
    expect(built.issues.some((i) => i.code === "UNIT_SHEET_MISSING")).toBe(false);
  });

  it("with --replace writes the corrected sheet in place of the old one and exits 0", async () => {
    const { dir, blocFile, paths, files } = await setUp();
    const out = path.join(dir, "out.xlsx");
    const r = await cli("import", blocFile, paths[1], paths[2], "--out", out, "--replace");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Thay thế (2 số liệu khác)");
    expect(r.stdout).toContain("Giống hệt — bỏ qua");
    const loaded = await loadWorkbook(out);
    expect(loaded.snapshot.sheets.filter((s) => s.name === "BTP")).toHaveLength(1);
    const built = buildBloc(loaded.snapshot, NOW);
    expect(built.json.values.BTP).toEqual(buildBloc({ sheets: [files[1].snapshot.sheets[0]] }, NOW).json.values.BTP);
  });

  it("places the sheets as the pane does: a replacement where the old sheet was, a new unit after the last unit sheet", async () => {
    const { dir, paths, files } = await setUp();
    const { bytes, cell } = await blocReadingBtp();
    const blocFile = path.join(dir, "khoi-ghi-chep.xlsx");
    writeFileSync(blocFile, bytes);
    const out = path.join(dir, "out.xlsx");
    expect((await cli("import", blocFile, paths[0], paths[1], "--out", out, "--replace")).code).toBe(0);
    const loaded = await loadWorkbook(out);
    expect(loaded.snapshot.sheets.map((s) => s.name)).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "BNV", "Ghi chép"]);
    expect(loaded.snapshot.sheets[2].values).toEqual(files[1].snapshot.sheets[0].values);
    // The user's formula and defined name reading BTP are as they were (recalculated on open:
    // import.libreoffice.test.ts shows the new figure through them).
    const notes = loaded.snapshot.sheets.find((s) => s.name === "Ghi chép")!;
    expect(notes.formulas[0].slice(1)).toEqual([`='BTP'!${cell}`, "=SoBTP"]);
    const wb = Parts.open(new Uint8Array(loaded.buffer)).text("xl/workbook.xml")!;
    expect(wb).toContain(`<definedName name="SoBTP">&apos;BTP&apos;!${cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}</definedName>`);
    expect(wb).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it("keeps the order of the files for several new units", async () => {
    const { dir, paths } = await setUp();
    const { bloc } = scenario();
    // BQP's sheet is missing too: BNV's and BQP's files both bring a new sheet, after BTP.
    const blocFile = path.join(dir, "khoi-thieu.xlsx");
    writeFileSync(blocFile, await xlsx({ sheets: [...bloc.sheets.filter((s) => s.name !== "BQP"), sheetFromRows("Ghi chép", [["x"]])] }));
    const bqp = path.join(dir, "bqp.xlsx");
    writeFileSync(bqp, await xlsx({ sheets: [scenario().sheet("BQP")] }));
    const out = path.join(dir, "out.xlsx");
    expect((await cli("import", blocFile, bqp, paths[0], "--out", out)).code).toBe(0);
    expect((await loadWorkbook(out)).snapshot.sheets.map((s) => s.name)).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "BNV", "Ghi chép"]);
  });

  it("fills a new bloc workbook made by `template`: the unit's sheet replaces the empty one, the rest of the package stays", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "import-template-"));
    const bloc = path.join(dir, "khoi.xlsx");
    expect((await cli("template", "--out", bloc, "--units", "BCA,BTP,BQP", "--year", "2031")).code).toBe(0);
    const { files } = scenario();
    const btp = path.join(dir, "btp.xlsx");
    writeFileSync(btp, await xlsx(files[1].snapshot, { BTP: FILE_WIDTHS }));
    const out = path.join(dir, "out.xlsx");
    const asked = await cli("import", bloc, btp, "--out", out, "--json");
    expect(asked.code).toBe(1);
    expect(JSON.parse(asked.stdout).files[0]).toMatchObject({ unit: { code: "BTP" }, action: "replaces", imported: false });
    const r = await cli("import", bloc, btp, "--out", out, "--replace");
    expect(r.code).toBe(0);
    const before = await loadWorkbook(bloc);
    const after = await loadWorkbook(out);
    expect(after.snapshot.sheets.map((s) => s.name)).toEqual(before.snapshot.sheets.map((s) => s.name));
    // Their content; which tab is selected is the view's, and the import activates the unit's sheet.
    const content = (snapshot: typeof before.snapshot, name: string) => ({ ...snapshot.sheets.find((s) => s.name === name)!, tabSelected: undefined });
    for (const name of ["Cấu hình", "BCA", "BQP", "Chấm điểm"]) expect(content(after.snapshot, name)).toEqual(content(before.snapshot, name));
    expect(buildBloc(after.snapshot, NOW).json.values.BTP).toEqual(buildBloc(files[1].snapshot, NOW).json.values.BTP);
  });

  it("has its own help, and asks for the unit files when none are given", async () => {
    const help = await cli("import", "--help", "--lang", "en");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("import <bloc.xlsx> <unit file.xlsx>...");
    expect(help.stdout).toContain("--replace");
    const none = await cli("import", "khoi.xlsx");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(INTAKE_TEXT.vi.noFiles);
  });

  it("writes nothing and exits 2 when a file cannot be imported", async () => {
    const { dir, blocFile, paths } = await setUp();
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const out = path.join(dir, "out.xlsx");
    const r = await cli("import", blocFile, paths[0], bad, "--out", out);
    expect(r.code).toBe(2);
    // An unreadable file's line has no unit, sheet or years to show: only the file and why.
    expect(r.stdout).toMatch(/^bad\.xlsx → Không đọc được — /m);
    expect(existsSync(out)).toBe(false);
    expect((await cli("import", blocFile)).code).toBe(2);
  });
});
