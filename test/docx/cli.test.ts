import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date("2024-01-20T03:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const exists = (f: string) =>
  fs.stat(f).then(
    () => true,
    () => false,
  );

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bloc-cli-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("build --docx / --minutes", () => {
  test("on the sample exits 0 and writes the workbook, the tờ trình and the minutes", async () => {
    const out = path.join(dir, "out.xlsx");
    const docx = path.join(dir, "to-trinh.docx");
    const minutes = path.join(dir, "bien-ban.docx");
    const r = await run(["build", SAMPLE, "--out", out, "--docx", docx, "--minutes", minutes, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.awards).toMatchObject({ flag: ["BCA"], merit: ["BTP"] });
    for (const f of [out, docx, minutes]) expect(await exists(f)).toBe(true);
    const zip = await JSZip.loadAsync(await fs.readFile(docx));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("TỜ TRÌNH");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("Tờ trình 2023");
    // Only the outputs: no temporary files left beside them.
    expect((await fs.readdir(dir)).sort()).toEqual(["bien-ban.docx", "out.xlsx", "to-trinh.docx"]);
  });

  test("on a workbook with an error exits 1, writes the summary but no tờ trình or minutes, and names the error", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet("Chấm điểm")!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === "BTP") row = n;
    });
    ws.getCell(row, 3).value = 31; // above the maximum of 30
    const input = path.join(dir, "bad.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "bad.summary.xlsx");
    const docx = path.join(dir, "to-trinh.docx");
    const minutes = path.join(dir, "bien-ban.docx");
    const r = await run(["build", input, "--out", out, "--docx", docx, "--minutes", minutes]);
    expect(r.code).toBe(1);
    expect(await exists(out)).toBe(true);
    expect(await exists(docx)).toBe(false);
    expect(await exists(minutes)).toBe(false);
    expect(r.err).toContain("Không tạo tờ trình vì còn 1 lỗi");
    // Named in the listing of the issues, under its sheet.
    expect(r.out).toMatch(new RegExp(`^  Chấm điểm\n    C${row} +Lỗi +SCORE_INVALID `, "m"));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets.map((w) => w.name)).not.toContain("Tờ trình 2023");
  });

  test("refuses a .docx path that is the input", async () => {
    const r = await run(["build", SAMPLE, "--out", path.join(dir, "o.xlsx"), "--docx", SAMPLE]);
    expect(r.code).toBe(2);
    expect(await exists(path.join(dir, "o.xlsx"))).toBe(false);
  });
});
