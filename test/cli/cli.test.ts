/** The command line of SPEC §7: exit codes, JSON on stdout, outputs written whole or not at all. */
import { spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { defaultOutput } from "../../src/cli/main";
import { cli } from "../support/cli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "khoi-thi-dua-2-2023.xlsx");
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the sample with one cell changed. */
async function sampleWith(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb);
  const file = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("build", () => {
  it("writes the summary beside the input by default and never modifies the input", async () => {
    const input = path.join(dir, "bloc.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = sha(input);
    const r = await cli("build", input);
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(defaultOutput(input)).toBe(path.join(dir, "bloc.summary.xlsx"));
    expect(fs.existsSync(path.join(dir, "bloc.summary.xlsx"))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["bloc.summary.xlsx", "bloc.xlsx"]);
    expect(r.stdout).toContain("Đã ghi:");
  });

  it("exits 1 on validation errors and still writes the summary and the check sheet", async () => {
    const input = await sampleWith((wb) => (wb.getWorksheet("BTP")!.getCell("E7").value = "abc"));
    const out = path.join(dir, "o.xlsx");
    const r = await cli("build", input, "--out", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.issues).toEqual([expect.objectContaining({ code: "VALUE_NOT_NUMBER", severity: "error", sheet: "BTP", cell: "E7" })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Tổng hợp 2023", "Kiểm tra"]);
  });

  it("puts only the JSON object on stdout with --json, and the human summary on stderr", async () => {
    const r = await cli("build", SAMPLE, "--out", path.join(dir, "o.xlsx"), "--json");
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe(1);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["bloc", "year", "compareYear", "units", "values", "totals", "issues"]));
    expect(r.stderr).toContain("Kiểm tra:");
  });

  it("keys values by roster code and years as strings", async () => {
    const r = await cli("build", SAMPLE, "--out", path.join(dir, "o.xlsx"), "--json");
    const json = JSON.parse(r.stdout);
    for (const u of json.units) expect(json.values[u.code]).toBeDefined();
    const some = Object.values(json.values)[0] as Record<string, Record<string, number>>;
    for (const byYear of Object.values(some)) for (const k of Object.keys(byYear)) expect(k).toMatch(/^\d{4}$/);
  });

  it("writes formulas with cached results on the summary, zeros included", async () => {
    const out = path.join(dir, "o.xlsx");
    await cli("build", SAMPLE, "--out", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tổng hợp 2023")!;
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === "object" && "formula" in v) {
          formulas++;
          // cell.result: exceljs's value getter hides falsy cached results.
          expect(cell.result).not.toBeUndefined();
        }
      }),
    );
    expect(formulas).toBeGreaterThan(50);
  });

  it("speaks English with --lang en", async () => {
    const input = await sampleWith((wb) => (wb.getWorksheet("BTP")!.getCell("E7").value = -3));
    const r = await cli("build", input, "--out", path.join(dir, "o.xlsx"), "--json", "--lang", "en");
    expect(JSON.parse(r.stdout).issues[0].message).toMatch(/^Negative figure/);
  });
});

describe("validate", () => {
  it("writes nothing and exits 1 on errors, 0 on a clean workbook", async () => {
    const input = path.join(dir, "bloc.xlsx");
    fs.copyFileSync(SAMPLE, input);
    expect((await cli("validate", input)).code).toBe(0);
    const bad = await sampleWith((wb) => (wb.getWorksheet("BCA")!.getCell("E7").value = null));
    const r = await cli("validate", bad, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues[0]).toMatchObject({ code: "VALUE_EMPTY", sheet: "BCA", cell: "E7" });
    expect(fs.readdirSync(dir).sort()).toEqual(["bloc.xlsx", "edited.xlsx"]);
  });
});

describe("unusable input exits 2 with one clear line and writes nothing", () => {
  const cases: [string, (d: string) => string, RegExp][] = [
    ["a missing file", (d) => path.join(d, "nope.xlsx"), /Không tìm thấy tệp/],
    ["an empty file", (d) => (fs.writeFileSync(path.join(d, "e.xlsx"), ""), path.join(d, "e.xlsx")), /Tệp rỗng/],
    ["random bytes", (d) => (fs.writeFileSync(path.join(d, "r.xlsx"), crypto.randomBytes(4096)), path.join(d, "r.xlsx")), /không phải là sổ Excel/],
    ["a truncated zip", (d) => (fs.writeFileSync(path.join(d, "t.xlsx"), fs.readFileSync(SAMPLE).subarray(0, 3000)), path.join(d, "t.xlsx")), /bị hỏng/],
    ["a CSV", (d) => (fs.writeFileSync(path.join(d, "c.csv"), "Mã,Chỉ tiêu,2023\nTT01,Số cuộc,3\n"), path.join(d, "c.csv")), /là văn bản phân tách bằng dấu phẩy \(CSV\)/],
    ["a directory", (d) => (fs.mkdirSync(path.join(d, "sub")), path.join(d, "sub")), /Không phải là tệp/],
  ];
  it.each(cases)("%s", async (_name, make, message) => {
    const input = make(dir);
    const before = fs.readdirSync(dir).sort();
    const r = await cli("build", input, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it("an unknown option", async () => {
    const r = await cli("build", SAMPLE, "--frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tùy chọn không hợp lệ: "--frobnicate"/);
  });

  it("an unknown language, said in Vietnamese", async () => {
    const r = await cli("build", SAMPLE, "--lang", "fr");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Ngôn ngữ không hỗ trợ: "fr"/);
  });

  it("an unknown command, in English with --lang en", async () => {
    const r = await cli("frobnicate", SAMPLE, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command: "frobnicate"/);
  });

  it("an output path equal to the input", async () => {
    const r = await cli("build", SAMPLE, "--out", SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Tệp của --out trùng với tệp đầu vào: .*khoi-thi-dua-2-2023\.xlsx\./);
  });
});

describe("the compiled command line (package.json bin, built by npm install's prepare)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const bin: string = pkg.bin["bloc-summary"];

  it("npx bloc-summary runs the compiled file, stdout holding only the JSON object with --json", () => {
    expect(bin).toMatch(/\.c?js$/);
    expect(fs.existsSync(path.join(ROOT, bin))).toBe(true);
    const out = path.join(dir, "o.xlsx");
    // --docx too: the Word writer is a package the bundle loads from node_modules when it is needed.
    const docx = path.join(dir, "o.docx");
    const r = spawnSync("npx", ["bloc-summary", "build", SAMPLE, "--out", out, "--docx", docx, "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals).toBeDefined();
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  });

  it("npm run cli runs the same compiled file", () => {
    expect(pkg.scripts.cli).toBe(`node ${bin}`);
    const r = spawnSync("npm", ["run", "-s", "cli", "--", "validate", SAMPLE, "--json", "--lang", "en"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2023);
  });

  it("starts from the code cache the build made, and compiles as usual from a cache of other bytes", () => {
    const built = path.dirname(path.join(ROOT, bin));
    const bundle = fs.readFileSync(path.join(built, "cli.cjs"));
    const cache = fs.readFileSync(path.join(built, "cli.cjs.cache"));
    // The cache is headed by the SHA-1 of the bundle it was made from.
    expect(cache.subarray(0, 20).equals(crypto.createHash("sha1").update(bundle).digest())).toBe(true);
    expect(cache.length).toBeGreaterThan(10_000);
    const validate = (copy: string) => spawnSync(process.execPath, [path.join(copy, path.basename(bin)), "validate", SAMPLE, "--json"], { encoding: "utf8" });
    const original = validate(built);
    const expected = JSON.parse(original.stdout);
    const variants: [string, Buffer, Buffer][] = [
      ["edited bundle", Buffer.concat([bundle, Buffer.from("\n// edited\n")]), cache],
      ["damaged cache", bundle, Buffer.concat([cache.subarray(0, 20), Buffer.alloc(cache.length - 20, 7)])],
      ["no cache", bundle, Buffer.alloc(0)],
    ];
    for (const [name, js, data] of variants) {
      const copy = path.join(dir, name.replace(/ /g, "-"));
      fs.mkdirSync(copy);
      fs.copyFileSync(path.join(ROOT, bin), path.join(copy, path.basename(bin)));
      fs.writeFileSync(path.join(copy, "cli.cjs"), js);
      if (data.length) fs.writeFileSync(path.join(copy, "cli.cjs.cache"), data);
      const r = validate(copy);
      expect({ name, status: r.status, stderr: r.stderr }).toEqual({ name, status: 0, stderr: original.stderr });
      expect(JSON.parse(r.stdout)).toEqual(expected);
    }
  });

  it("is not written into the repository: the folder it is built into is ignored", () => {
    const r = spawnSync("git", ["check-ignore", bin], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.trim()).toBe(bin);
  });
});
