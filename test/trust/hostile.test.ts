/**
 * Hostile and broken input: the command line refuses it with exit 2 and one clear line (Vietnamese
 * by default, English with --lang en), prints nothing on stdout (also with --json), and leaves no
 * output file and no temporary file behind.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MAX_FILE_MB } from "../../src/file/load";
import { declaredUnzippedBytes, MAX_UNZIPPED_MB } from "../../src/xlsx/zip";
import { MAX_WORKBOOK_CELLS } from "../../src/core/snapshot";
import { readWorkbook, TooLargeError } from "../../src/xlsx/read";
import { cli } from "../support/cliRun";
import { oleFile } from "../support/ole";
import { rng } from "../support/randomBloc";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/khoi-thi-dua-2-2023.xlsx");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh directory holding only the hostile file. */
function caseDir(name: string, file: string, make: (p: string) => void | Promise<void>): Promise<{ dir: string; file: string }> {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  const p = path.join(d, file);
  return Promise.resolve(make(p)).then(() => ({ dir: d, file: p }));
}

async function xlsxWithFarCell(p: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Xa quá");
  ws.getCell("A1").value = "Mã";
  ws.getCell("XFD1048576").value = 1;
  await wb.xlsx.writeFile(p);
}

const HOSTILE: { name: string; file: string; make: (p: string) => void | Promise<void>; vi: RegExp; en: RegExp }[] = [
  {
    name: "random-bytes",
    file: "noise.xlsx",
    make: (p) => {
      const r = rng(7);
      writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(r() * 256))));
    },
    vi: /không phải là sổ Excel \.xlsx/,
    en: /is not an Excel \.xlsx workbook/,
  },
  { name: "empty", file: "empty.xlsx", make: (p) => writeFileSync(p, ""), vi: /Tệp rỗng/, en: /Empty file/ },
  {
    name: "truncated-zip",
    file: "half.xlsx",
    make: (p) => {
      const b = readFileSync(SAMPLE);
      writeFileSync(p, b.subarray(0, Math.floor(b.length / 2)));
    },
    vi: /tệp bị hỏng hoặc không đầy đủ/,
    en: /damaged or incomplete/,
  },
  {
    name: "csv",
    file: "data.csv",
    make: (p) => writeFileSync(p, "Mã,Chỉ tiêu,2023\nTT01,Số cuộc thanh tra,152\n"),
    vi: /là văn bản phân tách bằng dấu phẩy \(CSV\).*Lưu thành › Sổ làm việc Excel \(\*\.xlsx\)/,
    en: /is comma-separated text \(CSV\).*Save As › Excel Workbook \(\*\.xlsx\)/,
  },
  {
    name: "encrypted",
    file: "secret.xlsx",
    // An OLE compound file with an EncryptedPackage stream: what Excel writes for a password-protected .xlsx.
    make: (p) => writeFileSync(p, oleFile(["\u0006DataSpaces", "EncryptedInfo", "EncryptedPackage"])),
    vi: /mã hóa bằng mật khẩu/,
    en: /password-encrypted/,
  },
  {
    name: "ole-not-excel",
    file: "other.xlsx",
    // An OLE file that is neither an .xls nor an encrypted package (a .doc, say).
    make: (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088, 0x20)])),
    vi: /không phải là sổ Excel \.xlsx/,
    en: /is not an Excel \.xlsx workbook/,
  },
  {
    name: "zip-not-xlsx",
    file: "archive.xlsx",
    make: async (p) => {
      const zip = new JSZip();
      zip.file("readme.txt", "không phải sổ Excel");
      writeFileSync(p, await zip.generateAsync({ type: "nodebuffer" }));
    },
    vi: /không phải là sổ Excel \.xlsx/,
    en: /is not an Excel \.xlsx workbook/,
  },
  {
    name: "too-big",
    file: "huge.xlsx",
    // Sparse: the size is checked before a byte is read.
    make: (p) => {
      copyFileSync(SAMPLE, p);
      truncateSync(p, MAX_FILE_MB * 1024 * 1024 + 1);
    },
    vi: new RegExp(`lớn hơn giới hạn ${MAX_FILE_MB} MB`),
    en: new RegExp(`larger than the ${MAX_FILE_MB} MB limit`),
  },
  {
    name: "zip-bomb",
    file: "bomb.xlsx",
    // The sample, its central directory declaring that one part inflates to almost 4 GB.
    make: (p) => {
      const b = Buffer.from(readFileSync(SAMPLE));
      const cen = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      b.writeUInt32LE(0xfffffff0, cen + 24);
      writeFileSync(p, b);
    },
    vi: new RegExp(`khi giải nén lớn hơn giới hạn ${MAX_UNZIPPED_MB} MB`),
    en: new RegExp(`unpacks to more than the ${MAX_UNZIPPED_MB} MB limit`),
  },
  { name: "far-cell", file: "far.xlsx", make: xlsxWithFarCell, vi: /A1:XFD1048576.*vượt giới hạn/, en: /A1:XFD1048576.*over the limit/ },
];

describe("hostile files", () => {
  it.each(HOSTILE)("refuses $name with exit 2, one line, nothing written", async (h) => {
    const c = await caseDir(h.name, h.file, h.make);
    const before = readdirSync(c.dir).sort();
    for (const [args, lang] of [
      [[], "vi"],
      [["--lang", "en"], "en"],
      [["--json"], "vi"],
      [["--json", "--lang", "en"], "en"],
    ] as const) {
      for (const command of ["build", "validate"]) {
        const r = await cli([command, c.file, ...args]);
        const label = `${h.name} ${command} ${args.join(" ")}`;
        expect([label, r.code]).toEqual([label, 2]);
        expect([label, r.out]).toEqual([label, []]);
        expect([label, r.err.length, r.err.join("\n").split("\n").length]).toEqual([label, 1, 1]);
        expect([label, r.err[0]]).toEqual([label, expect.stringMatching(lang === "vi" ? h.vi : h.en)]);
      }
      expect(readdirSync(c.dir).sort()).toEqual(before);
    }
  });

  it("refuses a missing file, a directory, an unknown option and an unknown language", async () => {
    const missing = await cli(["build", path.join(dir, "không-có.xlsx")]);
    expect([missing.code, missing.out, missing.err]).toEqual([2, [], [expect.stringMatching(/^Không tìm thấy tệp: /)]]);
    expect((await cli(["validate", path.join(dir, "none.xlsx"), "--lang", "en", "--json"])).err).toEqual([expect.stringMatching(/^File not found: /)]);
    expect((await cli(["build", dir])).err).toEqual([expect.stringMatching(/^Không phải là tệp: /)]);

    const sampleDir = path.join(dir, "options");
    mkdirSync(sampleDir);
    const input = path.join(sampleDir, "bloc.xlsx");
    copyFileSync(SAMPLE, input);
    const opt = await cli(["build", input, "--frobnicate"]);
    expect(opt.code).toBe(2);
    expect(opt.out).toEqual([]);
    expect(opt.err).toEqual(['Tùy chọn không hợp lệ: "--frobnicate". Xem hướng dẫn: bloc-summary build --help']);
    expect((await cli(["build", input, "--frobnicate", "--lang", "en"])).err).toEqual(['Unknown option: "--frobnicate". See: bloc-summary build --help']);
    const lang = await cli(["build", input, "--lang", "fr", "--json"]);
    expect([lang.code, lang.out, lang.err]).toEqual([2, [], ['Ngôn ngữ không hỗ trợ: "fr" (chỉ có vi hoặc en). Xem hướng dẫn: bloc-summary --help']]);
    const noValue = await cli(["build", input, "--out"]);
    expect([noValue.code, noValue.err]).toEqual([2, ["Tùy chọn --out cần một giá trị. Xem hướng dẫn: bloc-summary build --help"]]);
    const same = await cli(["build", input, "--out", input]);
    expect([same.code, same.err]).toEqual([2, [`Tệp của --out trùng với tệp đầu vào: ${input}. Tệp đầu vào không bao giờ bị ghi đè; hãy chọn tên khác.`]]);
    expect(readdirSync(sampleDir)).toEqual(["bloc.xlsx"]);
  });

  it("says in one line that the output's folder is missing, before any work", async () => {
    const d = path.join(dir, "nofolder");
    mkdirSync(d);
    const input = path.join(d, "bloc.xlsx");
    copyFileSync(SAMPLE, input);
    const r = await cli(["build", input, "--out", path.join(d, "no-such-dir", "out.xlsx"), "--json"]);
    expect([r.code, r.out, r.err]).toEqual([2, [], [`Thư mục của --out không tồn tại: ${path.join(d, "no-such-dir")}`]]);
    expect(readdirSync(d)).toEqual(["bloc.xlsx"]);
  });

  it("leaves no file behind when the output cannot be written", async () => {
    const d = path.join(dir, "unwritable");
    mkdirSync(d);
    const input = path.join(d, "bloc.xlsx");
    copyFileSync(SAMPLE, input);
    // A folder where the file should go: the rename at the end fails, after the temporary file was written.
    mkdirSync(path.join(d, "taken.xlsx"));
    const r = await cli(["build", input, "--out", path.join(d, "taken.xlsx"), "--json"]);
    expect([r.code, r.out, r.err.length]).toEqual([2, [], 1]);
    expect(r.err[0]).toMatch(/^Không ghi được /);
    // The temporary file was written, the rename failed: it is not left behind.
    expect(readdirSync(d).sort()).toEqual(["bloc.xlsx", "taken.xlsx"]);
  });

  it("keeps every earlier output as it was when one of several outputs cannot be put in place", async () => {
    const d = path.join(dir, "two-outputs");
    mkdirSync(d);
    const input = path.join(d, "bloc.xlsx");
    copyFileSync(SAMPLE, input);
    // An earlier summary the build would replace, and a folder where the .docx should go: the
    // workbook is renamed into place first, then the .docx's rename fails.
    writeFileSync(path.join(d, "out.xlsx"), "earlier output");
    mkdirSync(path.join(d, "taken.docx"));
    const r = await cli(["build", input, "--out", path.join(d, "out.xlsx"), "--docx", path.join(d, "taken.docx")]);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(d, "out.xlsx"), "utf8")).toBe("earlier output");
    expect(readdirSync(d).sort()).toEqual(["bloc.xlsx", "out.xlsx", "taken.docx"]);
  });

  it("reads the unpacked size from the zip's directory without inflating it", async () => {
    const b = readFileSync(SAMPLE);
    const zip = await JSZip.loadAsync(b);
    let total = 0;
    for (const f of Object.values(zip.files)) if (!f.dir) total += (await f.async("uint8array")).length;
    expect(declaredUnzippedBytes(b)).toBe(total);
    expect(declaredUnzippedBytes(b.subarray(0, b.length >> 1))).toBeNull();
    expect(declaredUnzippedBytes(Buffer.alloc(10))).toBeNull();
  });

  it("guards the snapshot before allocating: a value at XFD1048576 throws TooLargeError, memory stays small", async () => {
    const p = path.join(dir, "far-direct.xlsx");
    await xlsxWithFarCell(p);
    const bytes = readFileSync(p);
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    let thrown: unknown;
    try {
      readWorkbook(bytes);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TooLargeError);
    expect((thrown as TooLargeError).cells).toBe(1048576 * 16384);
    expect((thrown as TooLargeError).cells).toBeGreaterThan(MAX_WORKBOOK_CELLS);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  });

  it("exits 2 as a real process, stdout empty with --json (random bytes)", () => {
    const d = path.join(dir, "process");
    mkdirSync(d);
    const p = path.join(d, "noise.xlsx");
    writeFileSync(p, Buffer.from("PK\u0003\u0004 this is not really a zip"));
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "src/cli/main.ts"), "build", p, "--json"], {
      encoding: "utf8",
      cwd: ROOT,
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/tệp bị hỏng hoặc không đầy đủ/)]);
    expect(readdirSync(d)).toEqual(["noise.xlsx"]);
  });
});
