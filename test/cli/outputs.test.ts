/** Output paths refused in one line before any work: exit 2, nothing written, in vi and en. */
import fs from "fs";
import os from "os";
import path from "path";
import { cli } from "../support/cli";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "khoi-thi-dua-2-2023.xlsx");

let dir: string;
let input: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-out-"));
  input = path.join(dir, "bloc.xlsx");
  fs.copyFileSync(SAMPLE, input);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("output one-liners", () => {
  const cases: [string, (d: string) => string[], string, string][] = [
    ["--out not .xlsx", (d) => ["--out", path.join(d, "x.csv")], "Tệp của --out phải có đuôi .xlsx: ", "The file for --out must end in .xlsx: "],
    ["--docx not .docx", (d) => ["--docx", path.join(d, "t.pdf")], "Tệp của --docx phải có đuôi .docx: ", "The file for --docx must end in .docx: "],
    ["--minutes not .docx", (d) => ["--minutes", path.join(d, "m.xlsx")], "Tệp của --minutes phải có đuôi .docx: ", "The file for --minutes must end in .docx: "],
    ["--out in a missing folder", (d) => ["--out", path.join(d, "nope", "o.xlsx")], "Thư mục của --out không tồn tại: ", "The folder for --out does not exist: "],
    ["--docx in a missing folder", (d) => ["--docx", path.join(d, "nope", "t.docx")], "Thư mục của --docx không tồn tại: ", "The folder for --docx does not exist: "],
    ["--out in a folder that is a file", (d) => ["--out", path.join(d, "bloc.xlsx", "o.xlsx")], "Thư mục của --out không tồn tại: ", "The folder for --out does not exist: "],
    ["--out the input", (d) => ["--out", path.join(d, ".", "bloc.xlsx")], "Tệp của --out trùng với tệp đầu vào: ", "The file for --out is the input file: "],
    [
      "--docx and --minutes one file",
      (d) => ["--docx", path.join(d, "BLOC.docx"), "--minutes", path.join(d, "BLOC.docx")],
      "Hai tệp kết quả trùng nhau: ",
      "Two outputs are the same file: ",
    ],
  ];
  it.each(cases)("%s", async (_name, args, vi, en) => {
    for (const [lang, message] of [
      ["vi", vi],
      ["en", en],
    ]) {
      const r = await cli("build", input, ...args(dir), "--lang", lang);
      expect([r.code, r.stdout, r.stderr.split("\n").length]).toEqual([2, "", 1]);
      expect(r.stderr.startsWith(message)).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(["bloc.xlsx"]);
    }
  });

  it("a missing input in a missing folder is said as such, not as a missing output folder", async () => {
    const r = await cli("build", path.join(dir, "nope", "bloc.xlsx"), "--lang", "en");
    expect([r.code, r.stderr]).toEqual([2, `File not found: ${path.join(dir, "nope", "bloc.xlsx")}`]);
  });

  it("template checks its --out the same way", async () => {
    const r = await cli("template", "--out", path.join(dir, "nope", "t.xlsx"), "--lang", "en");
    expect([r.code, r.stderr]).toEqual([2, `The folder for --out does not exist: ${path.join(dir, "nope")}`]);
    const ext = await cli("template", "--out", path.join(dir, "t.ods"));
    expect([ext.code, ext.stderr]).toEqual([2, `Tệp của --out phải có đuôi .xlsx: ${path.join(dir, "t.ods")}`]);
    expect(fs.readdirSync(dir)).toEqual(["bloc.xlsx"]);
  });
});
